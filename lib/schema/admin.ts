import { z } from "zod";
import { apiRoleSchema, timestampSchema } from "./api-common";

/**
 * The admin API's answers: workspaces and their members, user accounts, API tokens, and who a
 * dataset is shared with (lib/auth identity and workspaces).
 *
 * @example userListResponseSchema.parse(body).users[0].role // "admin"
 */
export const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });
export const memberSchema = userSchema.extend({ role: apiRoleSchema });

export const workspaceListResponseSchema = z.object({
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), current: z.boolean(), members: z.array(memberSchema) })),
});
export const workspaceCreatedResponseSchema = z.object({ workspace: z.object({ id: z.string(), name: z.string(), role: z.literal("admin") }) });

export const memberSetResponseSchema = z.object({ member: memberSchema.extend({ workspaceId: z.string() }) });
export const memberRemovedResponseSchema = z.object({ removed: z.string(), workspaceId: z.string() });

/** a member with the account's state: deactivated (sign-in refused), invited (no password set yet) */
export const memberStatusSchema = memberSchema.extend({ deactivated: z.boolean(), invited: z.boolean() });
export const userListResponseSchema = z.object({ users: z.array(memberStatusSchema) });
/** a one-time link (shown once): the invitee or the user sets their password there */
export const accountLinkSchema = z.object({ url: z.string(), expiresAt: timestampSchema });
export const userCreatedResponseSchema = z.object({ user: memberSchema, invite: accountLinkSchema.optional() });
export const passwordLinkResponseSchema = z.object({ user: userSchema, link: accountLinkSchema });
export const userStatusResponseSchema = z.object({ user: userSchema, active: z.boolean() });
export const workspaceDeletedResponseSchema = z.object({
  deleted: z.object({ id: z.string(), name: z.string(), datasets: z.number().int(), members: z.number().int(), views: z.number().int(), dashboards: z.number().int() }),
});
/** the public set-password page: is the link usable, and the outcome of using it */
export const accountLinkCheckResponseSchema = z.object({ usable: z.boolean() });
export const accountLinkRedeemedResponseSchema = z.object({ email: z.string(), purpose: z.enum(["invite", "reset"]) });
export const userUpdatedResponseSchema = z.object({ user: memberSchema, passwordReset: z.boolean() });

export const apiTokenSchema = z.object({
  id: z.string(),
  userId: z.string(),
  workspaceId: z.string(),
  role: apiRoleSchema,
  createdAt: timestampSchema,
  lastUsedAt: timestampSchema.nullable(),
  revoked: z.boolean(),
});
export const tokenListResponseSchema = z.object({ tokens: z.array(apiTokenSchema) });
/** the token itself (`ssk_…`) is in this answer only */
export const tokenCreatedResponseSchema = z.object({ id: z.string(), token: z.string().regex(/^ssk_[A-Za-z0-9_-]+$/), role: apiRoleSchema, workspaceId: z.string() });
export const tokenRevokedResponseSchema = z.object({ revoked: z.string() });

export const datasetShareSchema = z.object({
  datasetId: z.string(),
  workspaceId: z.string(),
  workspaceName: z.string(),
  /** null: every member of the workspace */
  userId: z.string().nullable(),
  email: z.string().nullable(),
});
export const shareListResponseSchema = z.object({ shares: z.array(datasetShareSchema) });

/** A pending invitation of an existing user to a workspace (they accept it in their own session). */
export const memberInvitedResponseSchema = z.object({
  invitation: z.object({ id: z.string(), email: z.string(), role: apiRoleSchema, workspaceId: z.string(), status: z.literal("pending") }),
});
export const invitationListResponseSchema = z.object({
  invitations: z.array(z.object({ id: z.string(), workspaceId: z.string(), workspaceName: z.string(), role: apiRoleSchema })),
});
export const invitationAcceptedResponseSchema = z.object({ member: z.object({ workspaceId: z.string(), workspaceName: z.string(), role: apiRoleSchema }) });
export const invitationDeclinedResponseSchema = z.object({ declined: z.string() });

/** `GET/PUT /api/datasets/{id}/policy`: the dataset's confidentiality policy and how the caller sees its numbers. */
export const datasetPolicyResponseSchema = z.object({
  policy: z.enum(["open", "protected", "perturbed"]),
  k: z.number().int(),
  exact: z.boolean(),
  audience: z.enum(["respondent", "aggregate"]),
  canSet: z.boolean(),
  /** the governed identifier / quasi-identifier status of each question (respondent exports) */
  columns: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      status: z.enum(["identifier", "free-text", "quasi", "none"]),
      source: z.enum(["detected", "admin"]),
    }),
  ),
  /** whether the caller may change those statuses (admins of the owning workspace) */
  canSetColumns: z.boolean(),
});
