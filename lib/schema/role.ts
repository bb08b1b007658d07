import { z } from "zod";

/** Workspace roles, most to least powerful. "executive" is accepted as another name for viewer. */
export const ROLES = ["admin", "researcher", "analyst", "viewer"] as const;
export const roleSchema = z.preprocess((v) => (v === "executive" ? "viewer" : v), z.enum(ROLES));
export type Role = (typeof ROLES)[number];
