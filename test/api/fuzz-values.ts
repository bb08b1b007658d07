import fc from "fast-check";

/** A JSON Schema node as zod's `toJSONSchema` and the OpenAPI document write it. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  default?: unknown;
};

/** What the seeded dataset offers a generator: names a caller may plausibly send. */
export interface Domain {
  /** question ids, by role */
  questions: string[];
  textQuestions: string[];
  /** option codes of the categorical questions (present values) */
  codes: string[];
  /** question labels, storage names (c0…), header texts */
  otherNames: string[];
  datasetIds: string[];
  viewIds: string[];
  dashboardIds: string[];
  workspaceIds: string[];
  emails: string[];
}

/** Values a careless or hostile caller sends: never contains the seeded data's secret mark. */
export const NASTY_STRINGS = [
  "",
  " ",
  "Q99",
  "c2",
  "c9",
  "c0__d",
  "Zanzibar",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "null",
  "undefined",
  "__proto__",
  "constructor",
  "toString",
  "r0",
  "r999",
  "Total",
  "'; DROP TABLE datasets; --",
  "\u202Eevil\u202C.csv",
  "\u0000",
  "é",
  "😀",
  "日本語",
  "a".repeat(300),
  "x".repeat(5000),
  "../../etc/passwd",
  "%00",
  "=cmd|' /C calc'!A0",
];

const NASTY_NUMBERS = [0, -0, 1, -1, 0.5, 0.95, 0.999999, 1.5, 2, 30, 1e-12, 1e9, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 3.7];

/** Any JSON value, small. */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<unknown>(null, true, false, [], {}, "", 0),
    fc.constantFrom(...NASTY_STRINGS),
    fc.constantFrom(...NASTY_NUMBERS),
    fc.string({ maxLength: 12, unit: "binary" }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom("outcome", "segment", "weight", "x", "__proto__", "filters"), tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** A string a request field might hold: mostly names from the dataset, sometimes nonsense. */
export function domainString(d: Domain): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...d.questions) },
    { weight: 2, arbitrary: fc.constantFrom(...d.codes) },
    { weight: 1, arbitrary: fc.constantFrom(...d.textQuestions) },
    { weight: 2, arbitrary: fc.constantFrom(...d.otherNames) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: "grapheme" }) },
  );
}

export function domainNumber(): fc.Arbitrary<number> {
  return fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
}

/** The value a leaf is replaced with when a structurally valid body is made wrong. */
export function wrongValue(d: Domain): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: domainString(d) },
    { weight: 1, arbitrary: domainString(d).map((s) => [s]) },
    { weight: 1, arbitrary: domainNumber() },
    { weight: 2, arbitrary: anyJson },
  );
}

/**
 * Values satisfying `schema` structurally (types, required keys, enums), with strings and numbers
 * drawn from the dataset's names and from hostile values, so the semantics are mostly wrong.
 */
export function fromSchema(schema: JsonSchema, resolve: (ref: string) => JsonSchema, d: Domain, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (schema.$ref) return fc.constant(null).chain(() => fromSchema(resolve(schema.$ref!), resolve, d, depth + 1));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: domainString(d) });
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((s) => fromSchema(s, resolve, d, depth + 1)));
  if (schema.allOf?.length) return fromSchema(schema.allOf[0], resolve, d, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return domainString(d);
    case "number":
    case "integer":
      return domainNumber();
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      if (schema.prefixItems) return fc.tuple(...schema.prefixItems.map((s) => fromSchema(s, resolve, d, depth + 1)));
      return fc.array(schema.items ? fromSchema(schema.items, resolve, d, depth + 1) : anyJson, { maxLength: 4 });
    case "object": {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const keys = Object.keys(props);
      const record = fc.record(Object.fromEntries(keys.map((k) => [k, fromSchema(props[k], resolve, d, depth + 1)])), {
        requiredKeys: keys.filter((k) => required.has(k)),
      });
      const extra = schema.additionalProperties;
      if (keys.length === 0 && extra && typeof extra === "object") {
        return fc.dictionary(domainString(d), fromSchema(extra, resolve, d, depth + 1), { maxKeys: 3 });
      }
      return record;
    }
    default:
      return anyJson;
  }
}

type Path = (string | number)[];

function leafPaths(v: unknown, at: Path = []): Path[] {
  if (Array.isArray(v)) return [at, ...v.flatMap((x, i) => leafPaths(x, [...at, i]))];
  if (v && typeof v === "object") return [at, ...Object.entries(v).flatMap(([k, x]) => leafPaths(x, [...at, k]))];
  return [at];
}

function setAt(v: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(v)) return rest.length || !remove ? v.map((x, i) => (i === head ? setAt(x, rest, value, remove) : x)) : v.filter((_, i) => i !== head);
  const o = { ...(v as Record<string, unknown>) };
  if (rest.length === 0 && remove) delete o[head as string];
  else o[head as string] = setAt(o[head as string], rest, value, remove);
  return o;
}

function getAt(v: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k as string] : undefined), v);
}

function rekey(v: unknown, key: string): unknown {
  if (!v || typeof v !== "object" || Array.isArray(v)) return v;
  const entries = Object.entries(v);
  if (entries.length === 0) return v;
  return Object.fromEntries([[key, entries[0][1]], ...entries.slice(1)]);
}

/** A valid body with one to three fields replaced by wrong values, removed, renamed, or an unknown key added. */
export function mutate(body: unknown, d: Domain): fc.Arbitrary<unknown> {
  const paths = leafPaths(body);
  const step = fc.record({
    path: fc.constantFrom(...paths),
    value: wrongValue(d),
    kind: fc.constantFrom("replace", "replace", "replace", "remove", "add", "rekey", "rekey"),
    key: fc.constantFrom("extra", "outcome", "weight", "filters", "__proto__", ...d.questions),
  });
  return fc.array(step, { minLength: 1, maxLength: 3 }).map((steps) =>
    steps.reduce<unknown>((acc, s) => {
      if (s.kind === "add") return acc && typeof acc === "object" && !Array.isArray(acc) ? { ...acc, [s.key]: s.value } : acc;
      // rename a key of the object at the path (a record's key is a name too: targets, filters, match)
      if (s.kind === "rekey") return setAt(acc, s.path, rekey(getAt(acc, s.path), s.key), false);
      return setAt(acc, s.path.length ? s.path : [], s.value, s.kind === "remove" && s.path.length > 0);
    }, body),
  );
}
