import { ROLES, roleSchema, type Role } from "@/lib/schema/role";

export { ROLES, roleSchema, type Role };

export const ACTIONS = [
  "dataset:read",
  "dataset:upload",
  "dataset:delete",
  "dataset:share",
  "crosstab:run",
  "export:aggregate",
  "export:respondents",
  "schema:edit",
  "benchmarks:read",
  "dashboards:read",
  "dashboards:edit",
  "views:read",
  "views:save",
  "audit:read",
  "users:manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const VIEWER: readonly Action[] = ["dashboards:read", "benchmarks:read"];
const ANALYST: readonly Action[] = [...VIEWER, "dataset:read", "dataset:upload", "crosstab:run", "export:aggregate", "schema:edit", "views:read", "views:save", "dashboards:edit"];
const RESEARCHER: readonly Action[] = [...ANALYST, "export:respondents"];
const ADMIN: readonly Action[] = ACTIONS;

/** The permission matrix: which role may do what (workspace-wide; dataset visibility is `canSeeDataset`). */
export const PERMISSIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  viewer: new Set(VIEWER),
  analyst: new Set(ANALYST),
  researcher: new Set(RESEARCHER),
  admin: new Set(ADMIN),
};

/** Whether `role` may perform `action`. Unknown roles may do nothing (default deny). */
export function can(role: Role | string | null | undefined, action: Action): boolean {
  if (!role || !Object.prototype.hasOwnProperty.call(PERMISSIONS, role)) return false;
  return PERMISSIONS[role as Role].has(action);
}

/** The roles allowed to perform `action` (for `requireViewer(req, rolesFor("export:respondents"))`). */
export function rolesFor(action: Action): Role[] {
  return ROLES.filter((r) => PERMISSIONS[r].has(action));
}
