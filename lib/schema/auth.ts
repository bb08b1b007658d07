import { z } from "zod";

/**
 * The answers of better-auth's endpoints the app uses (`/api/auth/*`). Their user and session
 * objects are better-auth's own (its version may add fields), so they are loose objects with the
 * fields the app relies on.
 *
 * @example signInResponseSchema.parse(body).user.email // "admin@surveyscope.local"
 */
const authUserSchema = z.looseObject({ id: z.string(), email: z.string(), name: z.string(), emailVerified: z.boolean() });
const authSessionSchema = z.looseObject({ id: z.string(), userId: z.string(), expiresAt: z.string() });

export const signInRequestSchema = z.object({ email: z.string(), password: z.string(), rememberMe: z.boolean().optional() });
export const signInResponseSchema = z.looseObject({ token: z.string(), user: authUserSchema });
/** null without a valid session */
export const sessionResponseSchema = z.object({ session: authSessionSchema, user: authUserSchema }).nullable();
export const signOutResponseSchema = z.object({ success: z.boolean() });

/** better-auth's error answer (its endpoints do not use the app's envelope). */
export const authErrorSchema = z.looseObject({ message: z.string(), code: z.string().optional() });
