/**
 * The disclosure gateway's type: `Released<T>`, a result that has passed the gateway for one
 * audience. Only the gateway can make one: the brand is a module-private symbol (no object literal
 * elsewhere can carry it) and every issued release is remembered in a WeakSet, so a cast
 * (`x as Released<T>`) still fails at the response helpers (`respondReleased`, `sendReleased`,
 * `pageProps`), which open only what the gateway issued.
 *
 * `seal` is the gateway's internal constructor: only `lib/services/gateway*.ts` may import it
 * (test/architecture/gateway.test.ts). Everything derived from respondent rows that leaves the
 * server is sealed there after the audience's rules ran: exact for respondent access (or an open
 * dataset), protected for an aggregate-only audience.
 */
import type { Audience } from "./audience";

/** What was released (the gateway function that released it). */
export type ReleaseKind =
  | "crosstab"
  | "banner"
  | "nps"
  | "insights"
  | "drivers"
  | "weighting"
  | "derived"
  | "dataset"
  | "dataset-list"
  | "benchmark"
  | "dashboard"
  | "export"
  | "page"
  | "audit";

declare const RELEASED: unique symbol;

/** A result that passed the disclosure gateway for `audience`. */
export interface Released<T> {
  readonly [RELEASED]: ReleaseKind;
  readonly kind: ReleaseKind;
  readonly audience: Audience;
  readonly body: T;
}

/** A file the gateway released (export, deck): bytes and headers. */
export interface ReleasedFile {
  bytes: string | Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

/** One release, as observers (tests, metrics) see it. */
export interface ReleaseEvent {
  kind: ReleaseKind;
  audience: Audience;
}

const issued = new WeakSet<object>();
const opened = new WeakSet<object>();
const observers = new Set<(e: ReleaseEvent) => void>();

/**
 * The gateway's constructor (internal: `lib/services/gateway*.ts` only). The body is frozen at
 * the top level so a route cannot add a field after release.
 * @example seal("crosstab", { kind: "respondent", why: "admin" }, shown).kind // "crosstab"
 */
export function seal<T>(kind: ReleaseKind, audience: Audience, body: T): Released<T> {
  const r = Object.freeze({ kind, audience, body }) as unknown as Released<T>;
  issued.add(r);
  for (const o of observers) o({ kind, audience });
  return r;
}

/**
 * Whether `x` was issued by the gateway (a cast or a copy is not).
 * @example isReleased({ kind: "crosstab", audience, body: {} }) // false
 */
export function isReleased(x: unknown): x is Released<unknown> {
  return typeof x === "object" && x !== null && issued.has(x);
}

/**
 * The body of a release, for the response helpers; throws on anything the gateway did not issue.
 * @example openReleased(released) // the protected body
 */
export function openReleased<T>(r: Released<T>): T {
  if (!isReleased(r)) throw new Error("disclosure gateway: refusing to serialise a result that did not pass the gateway");
  opened.add(r);
  return r.body;
}

/** Whether a release was opened by a response helper (tests: the answer was produced from it). */
export function wasOpened(r: Released<unknown>): boolean {
  return opened.has(r);
}

/**
 * Watch every release (tests and metrics); returns the function that stops watching.
 * @example const stop = observeReleases((e) => seen.push(e)); …; stop();
 */
export function observeReleases(fn: (e: ReleaseEvent) => void): () => void {
  observers.add(fn);
  return () => observers.delete(fn);
}
