import { createHash } from "node:crypto";
import type { StoredColumn } from "@/lib/schema/question";
import { IssueCollector } from "../issues";
import { BATCH_ROWS } from "../limits";
import { meteredSource, type Meter } from "../metered-source";
import { Profiler } from "../profile";
import { ProgressThrottle } from "../progress";
import { IngestError, type IngestLimits, type IngestOptions, type IngestResult, type RowSink } from "../types";
import { ByteReader } from "./byte-reader";
import { CaseReader, type CaseBytes } from "./cases";
import { readDictionary } from "./dictionary";
import { decoderFor } from "./encoding";
import { InflateReader } from "./inflate-reader";
import { buildSavQuestions, type SetAnswered } from "./questions";
import type { SavDictionary } from "./types";

async function zsavData(r: ByteReader, dict: SavDictionary): Promise<{ data: InflateReader; fileEnd: number }> {
  const at = r.offset;
  const z = await r.take(24, "the zsav header");
  const i64 = (o: number) => Number(dict.littleEndian ? z.readBigInt64LE(o) : z.readBigInt64BE(o));
  const headerOffset = i64(0);
  const trailerOffset = i64(8);
  const trailerLength = i64(16);
  if (headerOffset !== at || trailerOffset < at + 24 || trailerLength < 24) {
    const message = `corrupt zsav file: zlib header at byte ${at} gives offsets ${headerOffset} and ${trailerOffset}`;
    throw new IngestError("corrupt-file", message, [{ code: "corrupt-file", message, byteOffset: at }]);
  }
  return { data: new InflateReader(r, trailerOffset), fileEnd: trailerOffset + trailerLength };
}

/** the decoder of the dictionary's encoding (its name, or the code page the dictionary noted) */
function decoderOf(dict: SavDictionary): (b: Uint8Array) => string {
  const page = /^code page (\d+)$/.exec(dict.encoding);
  return page ? decoderFor(undefined, Number(page[1])) : decoderFor(dict.encoding);
}

/**
 * Import an SPSS system file (.sav, bytecode-compressed or not, and zlib-compressed .zsav) into
 * `sink`: the dictionary is read first (it decides the columns and, with the value counts, the
 * question model: no guessing), then the cases stream through in batches with progress. Memory
 * holds the dictionary, one batch and one zlib block. Every failure is an IngestError located
 * by byte offset (and case number once the data begin).
 *
 * @example
 * const result = await ingestSav(fs.createReadStream("survey.sav"), sink, {}, resolveLimits());
 * result.questions[0].options; // [{ code: "1", label: "Yes", count: 40 }, …]
 */
export async function ingestSav(source: AsyncIterable<Uint8Array>, sink: RowSink, options: IngestOptions, limits: IngestLimits): Promise<IngestResult> {
  const hash = createHash("sha256");
  const meter: Meter = { bytes: 0 };
  const progress = new ProgressThrottle(options);
  const r = new ByteReader(meteredSource(source, options, limits, hash, meter)[Symbol.asyncIterator](), "sav");
  const dict = await readDictionary(r);
  if (!dict.variables.length) throw new IngestError("empty-file", "no variables: the sav file's dictionary is empty");
  if (dict.variables.length > limits.maxColumns) {
    throw new IngestError("too-many-columns", `too many columns: ${dict.variables.length} variables (limit ${limits.maxColumns})`);
  }
  const columns: StoredColumn[] = dict.variables.map((v) => ({ index: v.index, name: `c${v.index}`, headers: [v.name] }));
  const zsav = dict.compression === 2 ? await zsavData(r, dict) : null;
  const data: CaseBytes = zsav?.data ?? r;
  const cases = new CaseReader(dict, data, decoderOf(dict), () => (data instanceof InflateReader ? data.fileOffset : r.offset));
  const profiler = new Profiler(columns.length);
  const dichotomies = dict.mrsets.filter((s) => s.kind === "D");
  const setAnswered: SetAnswered = new Map(dichotomies.map((s) => [s, 0]));
  await sink.begin(columns);
  let batch: string[][] = [];
  let written = 0;
  const flush = async () => {
    if (!batch.length) return;
    if (options.signal?.aborted) throw new IngestError("aborted", "import aborted");
    await sink.write(batch);
    written += batch.length;
    batch = [];
  };
  for (let row = await cases.next(); row; row = await cases.next()) {
    profiler.add(row);
    for (const s of dichotomies) if (s.variables.some((i) => row![i] === (s.countedValue ?? "1"))) setAnswered.set(s, setAnswered.get(s)! + 1);
    batch.push(row);
    if (batch.length >= BATCH_ROWS) {
      await flush();
      progress.update(meter.bytes, written);
    }
  }
  await flush();
  // the rest (a zsav trailer, padding) still counts towards the size and the hash
  while ((await r.takeUpTo(1024 * 1024)).length) progress.update(meter.bytes, written);
  if (zsav && meter.bytes < zsav.fileEnd) {
    const message = `truncated zsav file: the block index (trailer) ends at byte ${zsav.fileEnd}, the file at ${meter.bytes}`;
    throw new IngestError("truncated-file", message, [{ code: "truncated-file", message, byteOffset: meter.bytes }]);
  }
  progress.update(meter.bytes, written, true);
  const warnings = new IssueCollector();
  const notes: Parameters<typeof buildSavQuestions>[3] = [];
  const questions = buildSavQuestions(dict, profiler.finish(), setAnswered, notes);
  for (const n of notes) warnings.add(n);
  return {
    format: "spss",
    encoding: dict.encoding.toLowerCase(),
    delimiter: "",
    headerRows: 1,
    respondents: written,
    bytes: meter.bytes,
    sha256: hash.digest("hex"),
    columns,
    questions,
    warnings: warnings.summary(),
    ...(warnings.omitted ? { warningsOmitted: warnings.omitted } : {}),
  };
}
