import fs from "node:fs";
import path from "node:path";
import { demoManifestSchema } from "@/lib/schema/demo-manifest";
import { getEnv } from "@/lib/schema/env";
import { questionOverridesSchema } from "@/lib/schema/question-overrides";
import { importDataset } from "@/lib/services/import-dataset";
import { DuckDbStore } from "@/lib/store/duckdb/duckdb-store";
import { createIdentity, publicOrigin, resolveAuthSecret } from "@/lib/auth/auth";
import { describeEnsureAdmin, ensureAdmin, isDuckDbLockError } from "@/lib/auth/bootstrap";

const DEMO_DIR = path.join(process.cwd(), "data", "demo");

/** `seed`: load the demo datasets into the embedded store (idempotent: present ids are skipped). */
export async function seedCommand(): Promise<number> {
  const env = getEnv();
  const manifest = demoManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_DIR, "manifest.json"), "utf8")));
  const file = path.join(env.DATA_DIR, "surveyscope.duckdb");
  const store = await DuckDbStore.open(file).catch((err: unknown) => {
    if (isDuckDbLockError(err)) throw new Error(`the database is in use by a running server: stop it before seeding (${file})`);
    throw err;
  });
  try {
    // first start: the Default workspace and an admin (ADMIN_EMAIL/ADMIN_PASSWORD, or a printed one-time password)
    const origin = publicOrigin(env);
    const identity = createIdentity({ instance: store.duckdbInstance, secret: resolveAuthSecret(env.DATA_DIR, env.BETTER_AUTH_SECRET), baseURL: origin });
    const admin = await ensureAdmin(identity, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    process.stdout.write(`${describeEnsureAdmin(admin, origin)}\n`);
    for (const d of manifest.datasets) {
      if (await store.getDataset(d.id)) {
        process.stdout.write(`demo dataset present: ${d.id}\n`);
        continue;
      }
      const started = Date.now();
      const overrides = questionOverridesSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_DIR, d.questions), "utf8")));
      const ds = await importDataset(store, {
        meta: { id: d.id, name: d.name, owner: "demo", synthetic: true, description: d.description, fileName: d.file },
        source: fs.createReadStream(path.join(DEMO_DIR, d.file)),
        overrides,
      });
      process.stdout.write(`loaded demo dataset ${ds.id}: ${ds.respondents} respondents, ${ds.questions.length} questions (${Date.now() - started} ms)\n`);
    }
    process.stdout.write(`store ready: ${file}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
