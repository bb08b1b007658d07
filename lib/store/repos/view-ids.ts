import crypto from "node:crypto";

/**
 * Opaque ids for saved views ("v-…") and dashboards ("d-…"): 64 random bits, lowercase hex.
 * @example newId("v") // "v-3f9c0a1b2c3d4e5f"
 */
export function newId(prefix: "v" | "d"): string {
  return `${prefix}-${crypto.randomBytes(8).toString("hex")}`;
}
