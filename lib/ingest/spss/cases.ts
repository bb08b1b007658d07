import { IngestError } from "../types";
import type { SavDictionary, SavVariable } from "./types";

/** what the case reader needs from a byte source (ByteReader for plain data, InflateReader for zsav) */
export interface CaseBytes {
  takeSync(n: number): Buffer | null;
  take(n: number, context: string): Promise<Buffer>;
  atEnd(): Promise<boolean>;
}

/** SPSS date formats (DATE, DATETIME, ADATE, JDATE, MOYR, QYR, WKYR, EDATE, SDATE, YMDHMS) */
const DATE_FORMATS = new Set([20, 22, 23, 24, 28, 29, 30, 38, 39, 41]);
/** 1582-10-14 00:00:00 UTC, SPSS's day zero, in Unix milliseconds */
const SPSS_EPOCH_MS = Date.UTC(1582, 9, 14);
const SYSMIS = -Number.MAX_VALUE;

const pad = (n: number) => String(n).padStart(2, "0");

/** an SPSS date (seconds since 1582-10-14) as ISO text: a date, or a date and time when it has one */
export function spssDateText(seconds: number): string {
  const d = new Date(SPSS_EPOCH_MS + Math.round(seconds) * 1000);
  if (Number.isNaN(d.getTime())) return String(seconds);
  const day = `${String(d.getUTCFullYear()).padStart(4, "0")}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return secs ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : day;
}

/** a numeric value as stored text: shortest round-trip form, "" for system-missing */
export function numberText(x: number, format = 5): string {
  if (x === SYSMIS || !Number.isFinite(x)) return "";
  if (DATE_FORMATS.has(format)) return spssDateText(x);
  return Object.is(x, -0) ? "0" : String(x);
}

const trimmedEnd = (b: Buffer) => {
  let end = b.length;
  while (end > 0 && (b[end - 1] === 0x20 || b[end - 1] === 0)) end--;
  return b.subarray(0, end);
};

/**
 * Reads cases (rows) from the data part of a system file, uncompressed or bytecode-compressed
 * (also the inflated data of a .zsav), as one text cell per logical variable: numbers in their
 * shortest form, dates as ISO text, strings with trailing blanks removed, system-missing as "".
 *
 * @example
 * const cases = new CaseReader(dict, reader, decode, () => reader.offset);
 * for (let row = await cases.next(); row; row = await cases.next()) rows.push(row);
 */
export class CaseReader {
  private readonly slots: number;
  private readonly caseBuf: Buffer;
  private cmd: Buffer = Buffer.alloc(8);
  private cmdPos = 8;
  private done = false;
  /** cases read so far */
  count = 0;

  constructor(
    private readonly dict: SavDictionary,
    private readonly bytes: CaseBytes,
    private readonly decode: (b: Uint8Array) => string,
    private readonly where: () => number,
  ) {
    this.slots = dict.slotsPerCase;
    this.caseBuf = Buffer.alloc(this.slots * 8);
  }

  private fail(code: string, message: string): IngestError {
    const at = this.where();
    return new IngestError(code, `${message} (case ${this.count + 1}, byte ${at})`, [{ code, message, row: this.count + 1, byteOffset: at }]);
  }

  /** the next case, or null after the last one */
  async next(): Promise<string[] | null> {
    if (this.done) return null;
    if (this.dict.caseCount >= 0 && this.count >= this.dict.caseCount) return this.finish();
    const ok = this.dict.compression === 0 ? await this.readRaw() : await this.readCompressed();
    if (!ok) {
      if (this.dict.caseCount >= 0 && this.count < this.dict.caseCount) {
        throw this.fail("truncated-file", `truncated sav file: the header announces ${this.dict.caseCount} cases, the data end after ${this.count}`);
      }
      return this.finish();
    }
    this.count++;
    return this.dict.variables.map((v) => this.cell(v));
  }

  private finish(): null {
    this.done = true;
    return null;
  }

  private async readRaw(): Promise<boolean> {
    if (await this.bytes.atEnd()) return false;
    const n = this.slots * 8;
    const b = this.bytes.takeSync(n) ?? (await this.bytes.take(n, `case ${this.count + 1}`));
    b.copy(this.caseBuf);
    return true;
  }

  private async readCompressed(): Promise<boolean> {
    const le = this.dict.littleEndian;
    for (let s = 0; s < this.slots; ) {
      if (this.cmdPos === 8) {
        let c = this.bytes.takeSync(8);
        if (!c) {
          if (s === 0 && (await this.bytes.atEnd())) return false;
          c = await this.bytes.take(8, `compression codes of case ${this.count + 1}`);
        }
        this.cmd = c;
        this.cmdPos = 0;
      }
      const code = this.cmd[this.cmdPos++];
      const at = s * 8;
      if (code === 0) continue;
      if (code === 252) {
        if (s === 0) return false;
        throw this.fail("corrupt-file", `corrupt sav file: end of data in the middle of a case`);
      }
      if (code === 253) {
        const b = this.bytes.takeSync(8) ?? (await this.bytes.take(8, `a value of case ${this.count + 1}`));
        b.copy(this.caseBuf, at);
      } else if (code === 254) this.caseBuf.fill(0x20, at, at + 8);
      else if (code === 255) {
        if (le) this.caseBuf.writeDoubleLE(SYSMIS, at);
        else this.caseBuf.writeDoubleBE(SYSMIS, at);
      } else if (le) this.caseBuf.writeDoubleLE(code - this.dict.bias, at);
      else this.caseBuf.writeDoubleBE(code - this.dict.bias, at);
      s++;
    }
    return true;
  }

  private cell(v: SavVariable): string {
    const at = v.slot * 8;
    if (v.width === 0) {
      // eight blanks (compression code 254) in a numeric slot: no value
      if (this.caseBuf.readBigUInt64LE(at) === 0x2020202020202020n) return "";
      return numberText(this.dict.littleEndian ? this.caseBuf.readDoubleLE(at) : this.caseBuf.readDoubleBE(at), v.format);
    }
    if (v.segments.length === 1) return this.decode(trimmedEnd(this.caseBuf.subarray(at, at + v.width)));
    const parts: Buffer[] = [];
    let slot = at;
    v.segments.forEach((w, i) => {
      const used = i < v.segments.length - 1 ? 255 : w;
      parts.push(this.caseBuf.subarray(slot, slot + used));
      slot += Math.ceil(w / 8) * 8;
    });
    return this.decode(trimmedEnd(Buffer.concat(parts)));
  }
}
