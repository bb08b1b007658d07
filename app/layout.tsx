import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { headers } from "next/headers";
import { AppNav } from "@/components/layout/app-nav";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { WorkspaceSwitcher } from "@/components/layout/workspace-switcher";
import { getViewerFromHeaders, viewerWorkspaces } from "@/lib/auth/viewer";
import { loadNavigation } from "@/lib/server/navigation";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Surveyscope", template: "%s · Surveyscope" },
  description: "Survey analytics with defensible statistics: weighted breakdowns, confidence intervals, significance tests.",
  // absolute URLs for the social image (public/og.png); the app's public origin as in lib/auth
  metadataBase: new URL(process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`),
  openGraph: {
    type: "website",
    siteName: "Surveyscope",
    title: "Surveyscope",
    description: "Survey analytics with defensible statistics: weighted breakdowns, confidence intervals, significance tests.",
    images: [{ url: "/og.png", width: 1200, height: 630, alt: "Surveyscope: survey analytics with defensible statistics" }],
  },
  twitter: { card: "summary_large_image", images: ["/og.png"] },
  // a private analytics app (public/robots.txt disallows all)
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewerFromHeaders(await headers()).catch(() => null);
  const workspaces = viewer ? await viewerWorkspaces(viewer).catch(() => []) : [];
  const nav = viewer ? await loadNavigation(viewer).catch(() => []) : [];
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        <div className="flex min-h-screen flex-col md:flex-row">
          <aside className="border-b border-slate-200 bg-white p-3 md:w-56 md:shrink-0 md:border-b-0 md:border-r">
            <Link href="/" className="mb-2 flex items-center gap-2 px-3 py-2 text-lg font-semibold tracking-tight">
              <span aria-hidden className="inline-block size-3 rounded-sm bg-[var(--color-accent)]" />
              Surveyscope
            </Link>
            {viewer ? <AppNav items={nav} /> : null}
            {viewer ? (
              <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-slate-100 px-3 pt-3 text-xs text-slate-500 md:mt-4 md:flex-col md:flex-nowrap md:items-stretch md:pt-4" data-testid="viewer">
                <span className="truncate font-medium text-slate-700">{viewer.email}</span>
                <span>{viewer.role === "viewer" ? "viewer (executive)" : viewer.role}</span>
                <WorkspaceSwitcher workspaces={workspaces} current={viewer.workspaceId} />
                <SignOutButton />
              </div>
            ) : null}
          </aside>
          <main id="main" className="mx-auto w-full min-w-0 max-w-6xl flex-1 p-4 md:p-8">
            {children}
          </main>
        </div>
      </body>
    </html>
  );
}
