import fs from "node:fs";
import { describeImport } from "@/lib/ingest/describe";
import { FILE_FORMATS, formatOptions } from "@/lib/ingest/file-kind";
import { ingest } from "@/lib/ingest/ingest";
import { IngestError, type RowSink } from "@/lib/ingest/types";
import { sourceFormatSchema } from "@/lib/schema/question";
import { z } from "zod";
import { parseCommandArgs } from "../args";

const countingSink: RowSink = { begin: async () => undefined, write: async () => undefined };

/** `import FILE [--encoding ENC] [--format F] --json`: detect and describe a survey export (CSV/TSV, .xlsx, .sav, .zsav). */
export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    encoding: { type: "string" },
    format: { type: "string" },
    json: { type: "boolean" },
  });
  const file = positionals[0];
  if (!file) throw new Error("usage: import FILE [--encoding ENC] [--format FORMAT] --json");
  if (!fs.existsSync(file)) throw new Error(`file not found: ${file}`);
  const format = values.format ? z.union([sourceFormatSchema, z.enum(FILE_FORMATS)]).parse(values.format) : undefined;
  const totalBytes = fs.statSync(file).size;
  try {
    const result = await ingest(fs.createReadStream(file), countingSink, { fileName: file, encoding: values.encoding, ...formatOptions(format), totalBytes });
    process.stdout.write(JSON.stringify(describeImport(result), null, 2) + "\n");
    return 0;
  } catch (err) {
    if (err instanceof IngestError) {
      process.stdout.write(JSON.stringify({ errors: err.issues }, null, 2) + "\n");
      process.stderr.write(`import failed: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
