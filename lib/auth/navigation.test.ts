import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NAV_PAGES, isNavActive, navFor } from "./navigation";
import { ROLES, can } from "./permissions";

const root = process.cwd();
const read = (f: string) => fs.readFileSync(path.join(root, f), "utf8");

/** Where each page's own guard lives (the page, or the one loader it calls) and the call that holds it. */
const GUARDS: Record<string, { file: string; call: RegExp }> = {
  "/": { file: "lib/server/home.ts", call: /requirePageViewer\("([a-z:]+)", "\/"\)/ },
  "/dashboards": { file: "lib/views/loaders.ts", call: /requirePageViewer\("([a-z:]+)", "\/dashboards"\)/ },
  "/datasets": { file: "app/datasets/page.tsx", call: /loadDatasetList\(\)/ },
  "/analyze": { file: "app/analyze/page.tsx", call: /loadDatasetList\("\/analyze", "([a-z:]+)"\)/ },
  "/benchmarks": { file: "app/benchmarks/page.tsx", call: /requirePageViewer\("([a-z:]+)", "\/benchmarks"\)/ },
  "/invitations": { file: "app/invitations/page.tsx", call: /requireSignedInPage\("\/invitations"\)/ },
  "/admin": { file: "app/admin/page.tsx", call: /requirePageViewer\("([a-z:]+)", "\/admin"\)/ },
  "/audit": { file: "app/audit/page.tsx", call: /requirePageViewer\("([a-z:]+)", "\/audit"\)/ },
};

describe("navigation by role", () => {
  it("every page in the navigation has a page file and a guard demanding exactly its action", () => {
    for (const p of NAV_PAGES) {
      const guard = GUARDS[p.href];
      expect(guard, `no guard known for ${p.href}`).toBeDefined();
      expect(fs.existsSync(path.join(root, "app", p.href === "/" ? "" : p.href.slice(1), "page.tsx")), p.href).toBe(true);
      const m = guard.call.exec(read(guard.file));
      expect(m, `${guard.file} does not guard ${p.href} as expected`).not.toBeNull();
      // loadDatasetList() defaults to dataset:read
      const demanded = m?.[1] ?? (p.href === "/datasets" ? /action: Action = "([a-z:]+)"/.exec(read("lib/server/loaders.ts"))?.[1] : null) ?? null;
      expect(demanded, p.href).toBe(p.action);
    }
  });

  for (const role of ROLES) {
    it(`a ${role} is shown only pages their role may open, and all of them`, () => {
      const shown = navFor(role, { pendingInvitations: 1 }).map((i) => i.href);
      const allowed = NAV_PAGES.filter((p) => p.action === null || can(role, p.action)).map((p) => p.href);
      expect(shown).toEqual(allowed);
      for (const href of shown) {
        const page = NAV_PAGES.find((p) => p.href === href)!;
        expect(page.action === null || can(role, page.action), `${role} → ${href}`).toBe(true);
      }
    });
  }

  it("a viewer (executive) sees Home, Dashboards and Benchmarks only; no Datasets or Analyze", () => {
    expect(navFor("viewer").map((i) => i.label)).toEqual(["Home", "Dashboards", "Benchmarks"]);
  });

  it("analysts and researchers get the analytic pages, admins also the admin group", () => {
    expect(navFor("analyst").map((i) => i.href)).toEqual(["/", "/dashboards", "/datasets", "/analyze", "/benchmarks"]);
    expect(navFor("researcher").map((i) => i.href)).toEqual(navFor("analyst").map((i) => i.href));
    expect(navFor("admin").filter((i) => i.group === "admin").map((i) => i.href)).toEqual(["/admin", "/audit"]);
  });

  it("the invitations inbox appears only while invitations are pending, with their count", () => {
    expect(navFor("viewer").some((i) => i.href === "/invitations")).toBe(false);
    expect(navFor("viewer", { pendingInvitations: 3 }).find((i) => i.href === "/invitations")?.badge).toBe(3);
  });

  it("marks a dataset's Analyze page as Analyze and its other pages as Datasets", () => {
    expect(isNavActive("/analyze", "/datasets/demo/analyze")).toBe(true);
    expect(isNavActive("/datasets", "/datasets/demo/analyze")).toBe(false);
    expect(isNavActive("/datasets", "/datasets/demo/schema")).toBe(true);
    expect(isNavActive("/", "/dashboards")).toBe(false);
    expect(isNavActive("/admin", "/admin/agents")).toBe(true);
  });
});
