import { can, type Action, type Role } from "./permissions";

/** The icon a navigation item shows (mapped to a lucide icon by components/layout/app-nav.tsx). */
export type NavIcon = "home" | "dashboards" | "datasets" | "analyze" | "benchmarks" | "invitations" | "audit" | "admin";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
  /** "main" pages, or the admin group shown under its own heading */
  group: "main" | "admin";
  /** a count shown beside the label (pending invitations) */
  badge?: number;
}

/**
 * Every page the navigation can link to, with the action its loader demands (`requirePageViewer`);
 * null = any signed-in user. A link is shown exactly when the role may perform the action, so every
 * link a role sees opens for that role (checked against the pages' own guards in navigation.test.ts).
 * The admin group leaves room for further admin pages (e.g. AI agents) — add them here.
 */
export const NAV_PAGES: readonly (Omit<NavItem, "badge"> & { action: Action | null })[] = [
  { href: "/", label: "Home", icon: "home", group: "main", action: "dashboards:read" },
  { href: "/dashboards", label: "Dashboards", icon: "dashboards", group: "main", action: "dashboards:read" },
  { href: "/datasets", label: "Datasets", icon: "datasets", group: "main", action: "dataset:read" },
  { href: "/analyze", label: "Analyze", icon: "analyze", group: "main", action: "crosstab:run" },
  { href: "/benchmarks", label: "Benchmarks", icon: "benchmarks", group: "main", action: "benchmarks:read" },
  { href: "/invitations", label: "Invitations", icon: "invitations", group: "main", action: null },
  { href: "/admin", label: "Users & workspaces", icon: "admin", group: "admin", action: "users:manage" },
  { href: "/audit", label: "Audit trail", icon: "audit", group: "admin", action: "audit:read" },
];

/**
 * The navigation of a signed-in user with `role`: the pages that role may open, in order. The
 * invitations inbox is listed only while invitations are pending (`pendingInvitations` > 0).
 *
 * @example
 * navFor("viewer").map((i) => i.href) // ["/", "/dashboards", "/benchmarks"]
 * navFor("analyst", { pendingInvitations: 2 }).find((i) => i.href === "/invitations")?.badge // 2
 */
export function navFor(role: Role, opts: { pendingInvitations?: number } = {}): NavItem[] {
  const pending = opts.pendingInvitations ?? 0;
  return NAV_PAGES.filter((p) => (p.action === null || can(role, p.action)) && (p.href !== "/invitations" || pending > 0)).map(({ action: _action, ...item }) =>
    item.href === "/invitations" ? { ...item, badge: pending } : item,
  );
}

/**
 * Which navigation item a path belongs to: a dataset's Analyze page counts as Analyze, its other
 * pages as Datasets; nested admin pages as their section.
 *
 * @example
 * isNavActive("/analyze", "/datasets/demo/analyze") // true
 */
export function isNavActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  const analyze = /^\/datasets\/[^/]+\/analyze(\/|$)/.test(pathname);
  if (href === "/analyze") return pathname.startsWith("/analyze") || analyze;
  if (href === "/datasets") return pathname.startsWith("/datasets") && !analyze;
  return pathname === href || pathname.startsWith(`${href}/`);
}
