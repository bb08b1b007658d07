import type { IngestLimits } from "./types";

/** Default caps; every one can be lowered (or raised) per import through `options.limits`. */
export const DEFAULT_LIMITS: IngestLimits = {
  maxColumns: 10_000,
  maxRecordBytes: 1024 * 1024,
  maxBytes: 2 * 1024 * 1024 * 1024,
};

/** rows handed to `sink.write` at a time */
export const BATCH_ROWS = 2_000;
/** records buffered before the dialect is chosen and `sink.begin` is called */
export const DETECT_ROWS = 200;
/** characters of decoded text used to choose the line ending and the delimiter */
export const SAMPLE_CHARS = 256 * 1024;
/** warnings kept in full; the rest are only counted */
export const MAX_WARNINGS = 100;
/** distinct values counted per column before it is marked high-cardinality */
export const MAX_DISTINCT = 1_000;
/** values longer than this are not counted as distinct values (they are free text) */
export const MAX_VALUE_LENGTH = 200;

/**
 * Merge caller limits over the defaults.
 *
 * @example
 * resolveLimits({ maxColumns: 2000 }).maxRecordBytes; // 1048576
 */
export function resolveLimits(limits?: Partial<IngestLimits>): IngestLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}
