import type { ImportIssue } from "@/lib/schema/question";
import { MAX_WARNINGS } from "./limits";

/**
 * Collects located warnings, keeping the first `max` in full and counting the rest.
 *
 * @example
 * const w = new IssueCollector();
 * w.add({ code: "short-row", message: "short row: 2 of 3 cells", row: 3 });
 * w.list.length; // 1
 */
export class IssueCollector {
  readonly list: ImportIssue[] = [];
  omitted = 0;
  constructor(private readonly max = MAX_WARNINGS) {}

  add(issue: ImportIssue): void {
    if (this.list.length < this.max) this.list.push(issue);
    else this.omitted++;
  }

  get total(): number {
    return this.list.length + this.omitted;
  }

  /** the kept issues plus, when some were dropped, one summary issue */
  summary(): ImportIssue[] {
    if (!this.omitted) return [...this.list];
    return [...this.list, { code: "more-warnings", message: `more warnings: ${this.omitted} not shown` }];
  }
}
