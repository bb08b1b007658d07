import crypto from "node:crypto";
import { AppError } from "@/lib/schema/errors";
import { accountLinkUsable, insertAccountLink, redeemAccountLink, type AccountLinkPurpose, type SqlRunner } from "@/lib/store";
import type { Identity } from "./auth";
import { passwordSchema, setUserPassword } from "./identity";

/** Prefix of a one-time account link's secret (so it is recognisable in a leak scan). */
export const ACCOUNT_LINK_PREFIX = "sal_";

/** How long a link works: an invitation a week, a password reset a day. */
export const ACCOUNT_LINK_TTL_MS: Readonly<Record<AccountLinkPurpose, number>> = { invite: 7 * 24 * 3600_000, reset: 24 * 3600_000 };

/**
 * The one answer for every unusable link (unknown, used, expired, malformed): a link page must not
 * tell an unknown link from a used one, nor reveal anything about an account.
 */
export const INVALID_LINK_MESSAGE = "this link is invalid, was already used or has expired: ask your admin for a new one";

/** Where the link points: the secret travels in the fragment, which browsers never send to a server or in a Referer. */
export function accountLinkUrl(origin: string, token: string): string {
  return `${origin}/set-password#${token}`;
}

const hashLink = (token: string) => crypto.createHash("sha256").update(token, "utf8").digest("hex");

const isWellFormed = (token: string) => token.startsWith(ACCOUNT_LINK_PREFIX) && token.length <= 100 && /^[A-Za-z0-9_-]+$/.test(token);

/**
 * Issue a one-time link for `userId` (32 random bytes; only the hash is stored), replacing the
 * user's earlier unused links. The caller checked that the issuer may manage the account.
 *
 * @example
 * const { token, expiresAt } = await issueAccountLink(sql, { userId: "u1", purpose: "invite", workspaceId: "default", createdBy: "u0" })
 */
export async function issueAccountLink(
  sql: SqlRunner,
  input: { userId: string; purpose: AccountLinkPurpose; workspaceId: string | null; createdBy: string | null },
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: string }> {
  const token = ACCOUNT_LINK_PREFIX + crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ACCOUNT_LINK_TTL_MS[input.purpose]).toISOString();
  await insertAccountLink(sql, { ...input, tokenHash: hashLink(token), createdAt: now.toISOString(), expiresAt });
  return { token, expiresAt };
}

/** Whether a link can still be used (the set-password page asks before showing its form). @example await accountLinkIsUsable(sql, "sal_…") // false */
export async function accountLinkIsUsable(sql: SqlRunner, token: string, now: Date = new Date()): Promise<boolean> {
  return isWellFormed(token) && accountLinkUsable(sql, hashLink(token), now.toISOString());
}

/**
 * Redeem a link: set the user's password (their sessions are revoked) and use the link up. The
 * password is checked first, so a too-short one does not burn the link. Every unusable link
 * answers the same `INVALID_LINK_MESSAGE` (400).
 *
 * @example
 * await redeemAccountLinkWith(identity, "sal_…", "a-new-password-123") // { userId: "u1", purpose: "invite", workspaceId: "default" }
 */
export async function redeemAccountLinkWith(id: Identity, token: string, password: string, now: Date = new Date()) {
  const pw = passwordSchema.parse(password);
  if (!isWellFormed(token)) throw new AppError("bad_request", INVALID_LINK_MESSAGE);
  const link = await redeemAccountLink(id.sql, hashLink(token), now.toISOString());
  if (!link) throw new AppError("bad_request", INVALID_LINK_MESSAGE);
  await setUserPassword(id, link.userId, pw);
  return link;
}
