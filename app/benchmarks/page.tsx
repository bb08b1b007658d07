import type { Metadata } from "next";
import { BenchmarkList } from "@/components/benchmarks/benchmark-list";
import { loadBenchmarks } from "@/lib/server/home";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Benchmarks" };

export default async function BenchmarksPage() {
  const data = loadBenchmarks();
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Benchmarks</h1>
        <p className="text-sm text-slate-500">
          Published industry figures (curated set v{data.version}, updated {data.updated}). Every figure shows who was asked, its source, how directly we saw it, and
          its caveats.
        </p>
      </header>
      <BenchmarkList figures={data.figures} />
    </div>
  );
}
