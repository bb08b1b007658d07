import type { BenchmarkTopic } from "@/lib/schema/benchmark";

/** Benchmark topics in words. */
export const TOPIC_LABELS: Record<BenchmarkTopic, string> = {
  production: "AI agents in production",
  rollback: "Rollbacks",
  guardrails: "Guardrails and governance",
  "identity-access": "Identity and access",
  investment: "Investment",
  infrastructure: "Infrastructure",
  sample: "Samples and methods",
};
