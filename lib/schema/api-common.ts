import { z } from "zod";

/**
 * Pieces every response schema shares. A response schema's input is what a handler passes to
 * `respond` (lib/server/respond.ts); its output is what the wire carries and what the OpenAPI
 * document shows.
 */

/** A timestamp: a `Date` on the server, its ISO 8601 text in JSON (a store may already give text). */
export const timestampSchema = z.codec(z.union([z.date(), z.string()]), z.string().meta({ format: "date-time" }), {
  decode: (v) => (v instanceof Date ? v.toISOString() : v),
  encode: (s) => s,
});

/** The dataset version an answer was computed from. */
export const datasetRefSchema = z.object({ id: z.string(), version: z.number().int().positive() });

/** A confidence interval [lower, upper]; null when undefined or hidden. */
export const intervalSchema = z.tuple([z.number(), z.number()]).nullable();

/** Roles, strongest first (lib/auth/permissions ROLES; lib/schema imports nothing from lib/auth). */
export const apiRoleSchema = z.enum(["admin", "researcher", "analyst", "viewer"]);
