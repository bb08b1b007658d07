import type { PoolClient } from "pg";
import { PG_FINITE_DOUBLE_FN } from "../sql/dialect";
import { ident } from "../sql/params";

/** advisory lock key serialising migrations of every instance (any constant bigint) */
const MIGRATION_LOCK = 0x5375_7276; // "Surv"

/**
 * R's `is.finite(as.numeric(x))` for the text the inline fast path of `postgresDialect.finiteNumber`
 * does not cast itself (see `parseRNumeric` in lib/engine): decimals with an exponent marker but no
 * digits ("1e" = 1), overflow (NULL), underflow (0), hexadecimal with an optional binary exponent.
 * Only reached for non-plain text, so the exception blocks cost nothing on ordinary data.
 */
function finiteDoubleFunction(schema: string): string {
  return `CREATE OR REPLACE FUNCTION ${ident(schema)}.${PG_FINITE_DOUBLE_FN}(t text) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
  s text := btrim(t, E' \\t\\n\\x0B\\f\\r');
  m text[];
  mant text;
  digits text;
  ex numeric;
  mag numeric;
  v double precision := 0;
  scale double precision := 1.0 / 16;
  ch text;
  i int;
BEGIN
  m := regexp_match(s, '^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE]([+-]?[0-9]*))?$');
  IF m IS NOT NULL THEN
    mant := m[1];
    ex := CASE WHEN coalesce(m[2], '') IN ('', '+', '-') THEN 0 ELSE m[2]::numeric END;
    digits := replace(mant, '.', '');
    IF digits !~ '[1-9]' THEN
      RETURN 0;
    END IF;
    -- decimal magnitude of the value: position of the first significant digit plus the exponent
    IF ltrim(split_part(mant, '.', 1), '0') <> '' THEN
      mag := length(ltrim(split_part(mant, '.', 1), '0')) - 1 + ex;
    ELSE
      mag := -(length(split_part(mant, '.', 2)) - length(ltrim(split_part(mant, '.', 2), '0'))) - 1 + ex;
    END IF;
    IF mag > 400 THEN
      RETURN NULL;
    ELSIF mag < -400 THEN
      RETURN 0;
    END IF;
    BEGIN
      v := (CASE WHEN left(s, 1) = '-' THEN '-' ELSE '' END || mant || 'e' || ex::text)::double precision;
      RETURN v;
    EXCEPTION WHEN numeric_value_out_of_range THEN
      RETURN CASE WHEN mag > 0 THEN NULL ELSE 0 END;
    END;
  END IF;
  m := regexp_match(s, '^([+-]?)0[xX]([0-9a-fA-F]+\\.?[0-9a-fA-F]*|\\.[0-9a-fA-F]+)(?:[pP]([+-]?[0-9]*))?$');
  IF m IS NULL THEN
    RETURN NULL;
  END IF;
  BEGIN
    mant := split_part(m[2], '.', 1);
    FOR i IN 1..length(mant) LOOP
      v := v * 16 + ('x' || lpad(substr(mant, i, 1), 8, '0'))::bit(32)::int;
    END LOOP;
    mant := split_part(m[2], '.', 2);
    FOR i IN 1..length(mant) LOOP
      EXIT WHEN scale < 1e-290;
      v := v + ('x' || lpad(substr(mant, i, 1), 8, '0'))::bit(32)::int * scale;
      scale := scale / 16;
    END LOOP;
    ex := CASE WHEN coalesce(m[3], '') IN ('', '+', '-') THEN 0 ELSE m[3]::numeric END;
    IF ex > 2000 THEN
      RETURN NULL; -- Inf (or 0 * Inf = NaN): not finite
    ELSIF ex < -2000 OR v = 0 THEN
      RETURN 0;
    END IF;
    v := v * power(2::double precision, ex::double precision);
    RETURN CASE WHEN m[1] = '-' THEN -v ELSE v END;
  EXCEPTION WHEN numeric_value_out_of_range THEN
    RETURN CASE WHEN ex IS NOT NULL AND ex < 0 THEN 0 ELSE NULL END;
  END;
END
$fn$`;
}

function migrations(schema: string): string[] {
  const s = ident(schema);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE IF NOT EXISTS ${s}.datasets (
       id TEXT NOT NULL,
       version INTEGER NOT NULL,
       data_table TEXT NOT NULL,
       name TEXT NOT NULL,
       meta JSONB NOT NULL,
       created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
       deleted BOOLEAN NOT NULL DEFAULT FALSE,
       PRIMARY KEY (id, version)
     )`,
    // the owning workspace of each dataset, written in the import's transaction (the same table
    // as the identity migrations', lib/auth/migrations.ts, which may not have run yet)
    `CREATE TABLE IF NOT EXISTS ${s}.dataset_owners (
       dataset_id VARCHAR PRIMARY KEY,
       workspace_id VARCHAR NOT NULL
     )`,
    finiteDoubleFunction(schema),
  ];
}

/**
 * Create the schema, the metadata table and the helper function. Idempotent, and serialised across
 * instances by an advisory lock so several `next start` processes can boot at once.
 */
export async function migrate(client: PoolClient, schema: string): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    for (const m of migrations(schema)) await client.query(m);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  }
}
