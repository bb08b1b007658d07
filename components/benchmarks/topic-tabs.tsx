import Link from "next/link";
import type { BenchmarkTopic } from "@/lib/schema/benchmark";
import { cx } from "@/lib/cx";
import { TOPIC_LABELS } from "./topic-labels";

/** Topic navigation for the benchmark explorer (state in the URL). */
export function TopicTabs({ topics, active }: { topics: { topic: BenchmarkTopic; count: number }[]; active: BenchmarkTopic }) {
  return (
    <nav aria-label="Benchmark topics" className="flex flex-wrap gap-2">
      {topics.map(({ topic, count }) => (
        <Link
          key={topic}
          href={`/benchmarks?topic=${topic}`}
          aria-current={topic === active ? "page" : undefined}
          className={cx(
            "rounded-full border px-3 py-1 text-sm",
            topic === active ? "border-[var(--color-accent)] bg-[var(--color-accent-soft)] text-[var(--color-accent)]" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
          )}
        >
          {TOPIC_LABELS[topic]} <span className="tabular text-slate-600">{count}</span>
        </Link>
      ))}
    </nav>
  );
}
