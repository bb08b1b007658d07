"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { BarChart3, Database, Home, Inbox, LayoutDashboard, Scale, ScrollText, Users, type LucideIcon } from "lucide-react";
import { isNavActive, type NavIcon, type NavItem } from "@/lib/auth/navigation";
import { cx } from "@/lib/cx";

const ICONS: Record<NavIcon, LucideIcon> = {
  home: Home,
  dashboards: LayoutDashboard,
  datasets: Database,
  analyze: BarChart3,
  benchmarks: Scale,
  invitations: Inbox,
  audit: ScrollText,
  admin: Users,
};

/** The main navigation: exactly the items `navFor(role)` computed on the server for the viewer. */
export function AppNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const main = items.filter((i) => i.group === "main");
  const admin = items.filter((i) => i.group === "admin");
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
      {main.map((item) => (
        <NavLink key={item.href} item={item} active={isNavActive(item.href, pathname)} />
      ))}
      {admin.length ? (
        <>
          <p className="mt-3 hidden px-3 text-xs font-semibold uppercase tracking-wide text-slate-500 md:block" aria-hidden>
            Administration
          </p>
          {admin.map((item) => (
            <NavLink key={item.href} item={item} active={isNavActive(item.href, pathname)} />
          ))}
        </>
      ) : null}
    </nav>
  );
}

function NavLink({ item, active }: { item: NavItem; active: boolean }) {
  const Icon = ICONS[item.icon];
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={cx(
        "flex shrink-0 items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium md:gap-2 md:px-3 md:py-2",
        active ? "bg-[var(--color-accent-soft)] text-[var(--color-accent)]" : "text-slate-600 hover:bg-slate-100",
      )}
    >
      <Icon className="size-4" aria-hidden />
      <span>{item.label}</span>
      {item.badge ? (
        <span className="tabular ml-auto rounded-full bg-[var(--color-accent)] px-1.5 text-xs text-white" aria-label={`${item.badge} pending`}>
          {item.badge}
        </span>
      ) : null}
    </Link>
  );
}
