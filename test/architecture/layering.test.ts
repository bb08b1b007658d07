/**
 * The architecture of README.md, checked: SQL lives in lib/store only, lib/store is entered through
 * its public index, and the layers import one way. Test files (`*.test.ts`) and test helpers
 * (`*.fixtures.ts`) are exempt; so are bench/ and scripts/ (tools that measure or inspect the
 * database from outside the application).
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP_DIRS = ["lib", "app", "components", "cli"];

/** Application source files (repo-relative, forward slashes), tests and fixtures left out. */
function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (/\.(ts|tsx)$/.test(e.name) && !/\.(test|fixtures)\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")) out.push(rel);
    }
  };
  for (const d of APP_DIRS) walk(d);
  return out.sort();
}

const parsed = new Map<string, ts.SourceFile>();
function parse(file: string): ts.SourceFile {
  let sf = parsed.get(file);
  if (!sf) parsed.set(file, (sf = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, false)));
  return sf;
}

/** The text of every string and template literal (substitutions replaced by `x`). */
function literalsOf(sf: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n)) out.push(n.head.text + n.templateSpans.map((s) => "x" + s.literal.text).join(""));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/**
 * An SQL statement (DML or DDL) in one literal. Keywords are matched in upper case, as the project
 * writes its SQL: prose ("Select a question from the list", "Delete from history") is left alone.
 */
const SQL_STATEMENT =
  /\bSELECT\s+(?:DISTINCT\s+)?[\w"*.(][\s\S]{0,400}?\bFROM\s+[\w"(]|\bINSERT\s+INTO\s|\bUPDATE\s+[\w".]+(?:\s+AS\s+\w+)?\s+SET\s|\bDELETE\s+FROM\s|\b(?:CREATE|ALTER|DROP)\s+(?:TEMP(?:ORARY)?\s+|UNIQUE\s+|OR\s+REPLACE\s+)?(?:TABLE|INDEX|SCHEMA|FUNCTION|VIEW)\s/;

/** Files outside lib/store whose literals match SQL_STATEMENT without being SQL, and why. */
const NOT_SQL: Record<string, string> = {};

/** Every module specifier a file imports or re-exports, with whether the import is type-only. */
function importsOf(sf: ts.SourceFile): { spec: string; typeOnly: boolean }[] {
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const c = st.importClause;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!c.namedBindings && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.every((e) => e.isTypeOnly)));
      out.push({ spec: st.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      out.push({ spec: st.moduleSpecifier.text, typeOnly: st.isTypeOnly });
    }
  }
  return out;
}

/** An import specifier as a repo-relative path ("lib/store/index"), or the package name. */
function resolve(file: string, spec: string): string {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith(".")) return path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
  return spec;
}

const under = (p: string, dir: string) => p === dir || p.startsWith(`${dir}/`);

interface Rule {
  name: string;
  /** the importing files the rule applies to */
  from: (file: string) => boolean;
  /** true when importing `target` (resolved) breaks the rule */
  forbids: (target: string, typeOnly: boolean) => boolean;
}

const isStore = (t: string) => under(t, "lib/store");
const isReactOrNext = (t: string) => t === "react" || t === "react-dom" || under(t, "next") || t.startsWith("next/");

const RULES: Rule[] = [
  {
    name: "lib/store is entered through its public index (@/lib/store)",
    from: (f) => !under(f, "lib/store"),
    forbids: (t) => isStore(t) && t !== "lib/store" && t !== "lib/store/index",
  },
  {
    name: "lib/store does not import the layers above it (auth, views, services, server, app, components)",
    from: (f) => under(f, "lib/store"),
    forbids: (t) => ["lib/auth", "lib/views", "lib/services", "lib/server", "app", "components"].some((d) => under(t, d)),
  },
  {
    name: "lib/store takes only types from lib/disclosure and lib/audit (the ports it implements)",
    from: (f) => under(f, "lib/store"),
    forbids: (t, typeOnly) => !typeOnly && (under(t, "lib/disclosure") || under(t, "lib/audit")),
  },
  {
    name: "lib/services never imports lib/server (no server ⇄ services cycle)",
    from: (f) => under(f, "lib/services"),
    forbids: (t) => under(t, "lib/server"),
  },
  {
    name: "lib/stats, lib/ingest, lib/schema, lib/engine, lib/weighting and lib/format import neither the store nor React/Next",
    from: (f) => ["lib/stats", "lib/ingest", "lib/schema", "lib/engine", "lib/weighting", "lib/format"].some((d) => under(f, d)),
    forbids: (t) => isStore(t) || isReactOrNext(t),
  },
  {
    name: "lib/analysis, lib/export, lib/models and lib/insights do not import the store (use cases reading it live in lib/services)",
    from: (f) => ["lib/analysis", "lib/export", "lib/models", "lib/insights"].some((d) => under(f, d)),
    forbids: (t) => isStore(t),
  },
  {
    name: "lib/disclosure does not import the store",
    from: (f) => under(f, "lib/disclosure"),
    forbids: (t) => isStore(t),
  },
  {
    name: "components never import lib/store",
    from: (f) => under(f, "components"),
    forbids: (t) => isStore(t),
  },
];

// parsing ~600 files takes a few seconds on a busy machine
describe("layering", { timeout: 120_000 }, () => {
  const files = sourceFiles();

  it("finds the application's files", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain("lib/store/index.ts");
  });

  it("no SQL outside lib/store", () => {
    const offenders = files
      .filter((f) => !under(f, "lib/store") && !(f in NOT_SQL))
      .flatMap((f) => literalsOf(parse(f)).filter((s) => SQL_STATEMENT.test(s)).map((s) => `${f}: ${s.replace(/\s+/g, " ").slice(0, 100)}`));
    expect(offenders).toEqual([]);
  });

  for (const rule of RULES) {
    it(rule.name, () => {
      const offenders = files
        .filter(rule.from)
        .flatMap((f) => importsOf(parse(f)).filter((i) => rule.forbids(resolve(f, i.spec), i.typeOnly)).map((i) => `${f} imports ${i.spec}`));
      expect(offenders).toEqual([]);
    });
  }
});

describe("the SQL detector", () => {
  it.each([
    "SELECT id, name FROM workspaces WHERE id = $1",
    'SELECT u."email" FROM memberships m',
    "INSERT INTO audit_log (seq) VALUES ($1)",
    "UPDATE api_tokens SET revoked = TRUE",
    "DELETE FROM memberships WHERE user_id = $1",
    "CREATE TABLE IF NOT EXISTS rate_limits (key VARCHAR)",
    "SELECT count(*) AS n FROM t",
  ])("flags %s", (s) => expect(SQL_STATEMENT.test(s)).toBe(true));

  it.each(["Select a question from the list", "update the settings", "Delete from your history", "insert a tile", "created a table"])(
    "leaves prose alone: %s",
    (s) => expect(SQL_STATEMENT.test(s)).toBe(false),
  );
});
