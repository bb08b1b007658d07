/**
 * lib/ingest public API: bytes → strict decoding → papaparse (array mode) → dialect detection →
 * column profiles → question model, streamed into a RowSink.
 */
export { ingest } from "./ingest";
export { ingestFile } from "./ingest-file";
export { createMemorySink, type MemorySink } from "./memory-sink";
export { describeImport, describeImportError, type ImportDescription } from "./describe";
export { applyOverrides } from "./apply-overrides";
export { splitMultiCell } from "./multi-split";
export { DEFAULT_LIMITS } from "./limits";
export { IngestError, type DefaultFilter, type IngestLimits, type IngestOptions, type IngestProgress, type IngestResult, type RowSink } from "./types";
// question-model rules shared with other importers (e.g. labelled .sav / .xlsx files)
export { isNonSubstantive, isNonSubstantiveCode } from "./non-substantive";
export { inferOrder, scaleOrder, type InferredOrder } from "./scales";
export { systemColumnType } from "./system-columns";
export { cleanLabel } from "./clean-label";
