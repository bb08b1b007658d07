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

export function AppNav({ isAdmin = false }: { isAdmin?: boolean }) {
  const pathname = usePathname();
  const items = isAdmin ? [...ITEMS, { href: "/audit", label: "Audit", icon: ScrollText }, { href: "/admin", label: "Admin", icon: Users }] : ITEMS;
  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto md:flex-col">
      {items.map(({ href, label, icon: Icon }) => {
        const active = href === "/" ? pathname === "/" : pathname.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={cx(
              "flex shrink-0 items-center gap-2 rounded-md px-3 py-2 text-sm font-medium",
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
