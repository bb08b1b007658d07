import type { IngestOptions } from "./types";

/**
 * Throttled progress: reports at most every 1 MiB (or 1 % of a known total), plus once at the end.
 *
 * @example
 * const p = new ProgressThrottle({ onProgress: console.log, totalBytes: 100 });
 * p.update(50, 10); // reports { bytesRead: 50, totalBytes: 100, rowsParsed: 10 }
 */
export class ProgressThrottle {
  private last = 0;
  private readonly step: number;

  constructor(private readonly options: Pick<IngestOptions, "onProgress" | "totalBytes">) {
    this.step = Math.max(1, Math.min(1024 * 1024, options.totalBytes ? Math.ceil(options.totalBytes / 100) : 1024 * 1024));
  }

  update(bytesRead: number, rowsParsed: number, force = false): void {
    const report = this.options.onProgress;
    if (!report || (!force && bytesRead - this.last < this.step)) return;
    this.last = bytesRead;
    report({ bytesRead, totalBytes: this.options.totalBytes, rowsParsed });
  }
}
