import { IngestError, type IngestLimits, type IngestOptions, type IngestResult, type RowSink } from "../types";

export async function ingestXlsx(source: AsyncIterable<Uint8Array>, sink: RowSink, options: IngestOptions, limits: IngestLimits): Promise<IngestResult> {
  void source;
  void sink;
  void options;
  void limits;
  throw new IngestError("unsupported-format", "xlsx import: not yet");
}
