import { z } from "zod";
import { apiRoleSchema } from "./api-common";

/**
 * `GET /api/me` and `POST /api/me/workspace`: the caller, how they authenticated, and their
 * workspaces (a token sees only its own).
 *
 * @example meResponseSchema.parse(body).via // "session"
 */
export const meResponseSchema = z.object({
  email: z.string(),
  role: apiRoleSchema,
  workspaceId: z.string(),
  via: z.enum(["session", "token", "agent"]),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: apiRoleSchema })),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const workspaceSwitchResponseSchema = z.object({ workspaceId: z.string(), role: apiRoleSchema });
