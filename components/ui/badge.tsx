import type { HTMLAttributes } from "react";
import { cx } from "@/lib/cx";

type Tone = "neutral" | "accent" | "warning" | "danger" | "success";

const TONES: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-700",
  accent: "bg-[var(--color-accent-soft)] text-[var(--color-accent)]",
  warning: "bg-amber-100 text-amber-800",
  danger: "bg-red-100 text-red-800",
  success: "bg-emerald-100 text-emerald-800",
};

export function Badge({ className, tone = "neutral", ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: Tone }) {
  return <span className={cx("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium", TONES[tone], className)} {...props} />;
}
