"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A chart as ONE labelled tab stop: the wrapper is focusable with role img, its name the chart's
 * title and its description the numbers in words; everything recharts makes focusable inside (the
 * SVG surface, its layer groups) is taken out of the tab order, so a keyboard user meets one
 * named stop per chart instead of seven silent ones. The data table beside each chart stays the
 * way to read every number.
 */
export function ChartFocus({ label, summary, children, className }: { label: string; summary?: string; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const quiet = () => {
      el.querySelectorAll("svg, g, [tabindex]").forEach((n) => {
        if (n.getAttribute("tabindex") !== "-1") n.setAttribute("tabindex", "-1");
      });
    };
    quiet();
    // recharts redraws (resize, data): keep what it adds out of the tab order
    const mo = new MutationObserver(quiet);
    mo.observe(el, { subtree: true, childList: true });
    return () => mo.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      tabIndex={0}
      role="img"
      aria-label={label}
      aria-describedby={summary ? `${id}-summary` : undefined}
      className={`w-full min-w-0 rounded-md focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[var(--color-accent)] ${className ?? ""}`}
      data-chart-focus=""
    >
      {summary ? (
        <span id={`${id}-summary`} className="sr-only">
          {summary}
        </span>
      ) : null}
      {children}
    </div>
  );
}
