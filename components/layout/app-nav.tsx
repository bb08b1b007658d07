"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { BarChart3, Database, Home, LayoutDashboard, Scale, ScrollText, Users } from "lucide-react";
import { cx } from "@/lib/cx";

const ITEMS = [
  { href: "/", label: "Home", icon: Home },
  { href: "/dashboards", label: "Dashboards", icon: LayoutDashboard },
  { href: "/datasets", label: "Datasets", icon: Database },
  { href: "/analyze", label: "Analyze", icon: BarChart3 },
  { href: "/benchmarks", label: "Benchmarks", icon: Scale },
];

/** Which item a path belongs to: a dataset's Analyze page counts as Analyze, its other pages as Datasets. */
export function isActive(href: string, pathname: string): boolean {
  if (href === "/") return pathname === "/";
  if (href === "/analyze") return pathname.startsWith("/analyze") || /^\/datasets\/[^/]+\/analyze(\/|$)/.test(pathname);
  if (href === "/datasets") return pathname.startsWith("/datasets") && !/^\/datasets\/[^/]+\/analyze(\/|$)/.test(pathname);
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function AppNav({ isAdmin = false }: { isAdmin?: boolean }) {
  const pathname = usePathname();
  const items = isAdmin ? [...ITEMS, { href: "/audit", label: "Audit", icon: ScrollText }, { href: "/admin", label: "Admin", icon: Users }] : ITEMS;
  return (
    <nav aria-label="Main" className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
      {items.map(({ href, label, icon: Icon }) => {
        const active = isActive(href, pathname);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cx(
              "flex shrink-0 items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm font-medium md:gap-2 md:px-3 md:py-2",
              active ? "bg-[var(--color-accent-soft)] text-[var(--color-accent)]" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            <Icon className="size-4" aria-hidden />
            <span>{label}</span>
          </Link>
        );
      })}
    </nav>
  );
}
