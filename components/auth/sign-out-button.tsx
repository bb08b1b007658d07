"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Ends the better-auth session (server-side: the session row is deleted) and goes to the sign-in page. */
export function SignOutButton() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    try {
      await fetch("/api/auth/sign-out", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: "{}" });
    } finally {
      router.replace("/sign-in");
      router.refresh();
    }
  }
  return (
    <Button variant="ghost" onClick={signOut} disabled={pending}>
      Sign out
    </Button>
  );
}
