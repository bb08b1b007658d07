import crypto from "node:crypto";
import { firstAdminEmail } from "@/lib/store";
import type { Identity } from "./auth";
import { createUserWithPassword, createWorkspace, findUserByEmail, setMembership } from "./identity";
import { DEFAULT_WORKSPACE_ID, DEFAULT_WORKSPACE_NAME } from "@/lib/schema/workspace";

/**
 * The fallback admin login when ADMIN_EMAIL is unset. (`admin@localhost` is not accepted: better-auth
 * validates sign-in emails with zod, which wants a dot in the domain.)
 */
export const FALLBACK_ADMIN_EMAIL = "admin@surveyscope.local";

export type EnsureAdminResult =
  | { kind: "exists"; email: string }
  | { kind: "created"; email: string; generatedPassword?: string };

/** A one-time password: 18 random bytes, base64url (24 characters). */
export function generatePassword(): string {
  return crypto.randomBytes(18).toString("base64url");
}

/**
 * First start: the Default workspace and an admin. With `email` (ADMIN_EMAIL) that user is created
 * with `password` (ADMIN_PASSWORD, or a generated one) or, if present, made an admin of Default (its
 * password is left alone). Without `email`, nothing happens when any admin exists; otherwise
 * FALLBACK_ADMIN_EMAIL is created with a generated password, returned once to be printed.
 */
export async function ensureAdmin(id: Identity, opts: { email?: string; password?: string } = {}): Promise<EnsureAdminResult> {
  await createWorkspace(id.sql, DEFAULT_WORKSPACE_NAME, DEFAULT_WORKSPACE_ID);
  if (opts.email) {
    const existing = await findUserByEmail(id.sql, opts.email);
    if (existing) {
      await setMembership(id.sql, existing.id, DEFAULT_WORKSPACE_ID, "admin");
      return { kind: "exists", email: existing.email };
    }
    const password = opts.password ?? generatePassword();
    const user = await createUserWithPassword(id, { email: opts.email, password, name: "Admin", role: "admin", workspaceId: DEFAULT_WORKSPACE_ID });
    return { kind: "created", email: user.email, ...(opts.password ? {} : { generatedPassword: password }) };
  }
  const admin = await firstAdminEmail(id.sql);
  if (admin) return { kind: "exists", email: admin };
  const fallback = await findUserByEmail(id.sql, FALLBACK_ADMIN_EMAIL);
  if (fallback) {
    await setMembership(id.sql, fallback.id, DEFAULT_WORKSPACE_ID, "admin");
    return { kind: "exists", email: fallback.email };
  }
  const password = generatePassword();
  await createUserWithPassword(id, { email: FALLBACK_ADMIN_EMAIL, password, name: "Admin", role: "admin", workspaceId: DEFAULT_WORKSPACE_ID });
  return { kind: "created", email: FALLBACK_ADMIN_EMAIL, generatedPassword: password };
}

/** The line the seed prints after `ensureAdmin` (the generated password appears only here, once). */
export function describeEnsureAdmin(r: EnsureAdminResult, origin: string): string {
  if (r.kind === "exists") return `admin account present: ${r.email}`;
  if (r.generatedPassword) return `sign in at ${origin}/sign-in as ${r.email} with password ${r.generatedPassword}`;
  return `admin account created: ${r.email} (password from ADMIN_PASSWORD)`;
}

/** DuckDB allows one process per database file: the lock error means the server is running. */
export function isDuckDbLockError(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err);
  return /could not set lock|conflicting lock/i.test(msg);
}
