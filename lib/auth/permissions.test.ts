import { describe, expect, it } from "vitest";
import { ACTIONS, ROLES, can, roleSchema, rolesFor, type Action, type Role } from "./permissions";

const EXPECTED: Record<Role, Action[]> = {
  viewer: ["dashboards:read", "benchmarks:read"],
  analyst: ["dashboards:read", "benchmarks:read", "dataset:read", "dataset:upload", "crosstab:run", "export:aggregate", "schema:edit", "views:read", "views:save", "dashboards:edit"],
  researcher: ["dashboards:read", "benchmarks:read", "dataset:read", "dataset:upload", "crosstab:run", "export:aggregate", "schema:edit", "views:read", "views:save", "dashboards:edit", "export:respondents"],
  admin: [...ACTIONS],
};

describe("permission matrix", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
      });
    }
  }

  it("only researchers and admins export respondent-level data", () => {
    expect(rolesFor("export:respondents").sort()).toEqual(["admin", "researcher"]);
  });

  it("only admins manage users, read the audit log, delete and share", () => {
    for (const a of ["users:manage", "audit:read", "dataset:delete", "dataset:share"] as const) expect(rolesFor(a)).toEqual(["admin"]);
  });

  it("each role's permissions include the next weaker role's", () => {
    for (let i = 0; i + 1 < ROLES.length; i++) {
      for (const a of ACTIONS) if (can(ROLES[i + 1], a)) expect(can(ROLES[i], a)).toBe(true);
    }
  });

  it("denies unknown, empty and prototype-named roles", () => {
    for (const r of [undefined, null, "", "root", "__proto__", "constructor", "ADMIN"]) {
      for (const a of ACTIONS) expect(can(r, a)).toBe(false);
    }
  });

  it("parses executive as viewer and rejects unknown roles", () => {
    expect(roleSchema.parse("executive")).toBe("viewer");
    expect(roleSchema.parse("analyst")).toBe("analyst");
    expect(roleSchema.safeParse("owner").success).toBe(false);
  });
});
