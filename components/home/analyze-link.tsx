import Link from "next/link";

/** "Open in Analyze →" under a card, to the breakdown behind it (renders nothing without one). */
export function AnalyzeLink({ href }: { href: string | null | undefined }) {
  return href ? (
    <p>
      <Link href={href} className="text-sm font-medium text-[var(--color-accent)] hover:underline">
        Open in Analyze →
      </Link>
    </p>
  ) : null;
}
