// Server start-up hook (Next.js): stamp each request's TCP peer address for the trusted-proxy rule.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddressHook } = await import("./lib/server/peer-address-hook");
    installPeerAddressHook();
  }
}
