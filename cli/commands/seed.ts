import fs from "node:fs";
import path from "node:path";
import { demoManifestSchema } from "@/lib/schema/demo-manifest";
import { getEnv } from "@/lib/schema/env";
import { questionOverridesSchema } from "@/lib/schema/question-overrides";
import { importDataset } from "@/lib/services/import-dataset";
import { configuredDuckDbFile, type PostgresStore, type SurveyStore } from "@/lib/store";
import { createIdentity, publicOrigin, resolveAuthSecret, type Identity } from "@/lib/auth/auth";
import { adoptDataset } from "@/lib/auth/identity";
import { DEFAULT_WORKSPACE_ID } from "@/lib/schema/workspace";
import { DEMO_DASHBOARD_NAME, seedDemoDashboard } from "@/lib/views/seed";
import { describeEnsureAdmin, ensureAdmin } from "@/lib/auth/bootstrap";
import { openStoreForCli } from "../store-access";

const DEMO_DIR = path.join(process.cwd(), "data", "demo");

interface SeedTarget {
  store: SurveyStore;
  identity: Identity;
  where: string;
}

/**
 * The store the app will use (PostgreSQL when DATABASE_URL is set, else the DuckDB file under
 * DATA_DIR), with the identity over the store's own connection.
 */
async function openTarget(): Promise<SeedTarget> {
  const env = getEnv();
  const secret = resolveAuthSecret(env.DATA_DIR, env.BETTER_AUTH_SECRET);
  const baseURL = publicOrigin(env);
  const store = await openStoreForCli(`the database is in use by a running server: stop it before seeding (${configuredDuckDbFile()})`);
  const where = store.kind === "postgres" ? `PostgreSQL schema ${(store as PostgresStore).schema}` : configuredDuckDbFile();
  return { store, identity: createIdentity({ secret, baseURL, db: store.app }), where };
}

/** `seed`: load the demo datasets into the app's store (idempotent: present ids are skipped). */
export async function seedCommand(): Promise<number> {
  const env = getEnv();
  const manifest = demoManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_DIR, "manifest.json"), "utf8")));
  const { store, identity, where } = await openTarget();
  try {
    // first start: the Default workspace and an admin (ADMIN_EMAIL/ADMIN_PASSWORD, or a printed one-time password)
    const origin = publicOrigin(env);
    const admin = await ensureAdmin(identity, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    process.stdout.write(`${describeEnsureAdmin(admin, origin)}\n`);
    for (const d of manifest.datasets) {
      if (await store.getDataset(d.id)) {
        // demo datasets of an install older than in-transaction ownership may lack their owner row
        await adoptDataset(identity.sql, d.id, DEFAULT_WORKSPACE_ID);
        process.stdout.write(`demo dataset present: ${d.id}\n`);
        continue;
      }
      const started = Date.now();
      const overrides = questionOverridesSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_DIR, d.questions), "utf8")));
      const ds = await importDataset(store, {
        meta: { id: d.id, name: d.name, owner: "demo", synthetic: true, description: d.description, fileName: d.file, workspaceId: DEFAULT_WORKSPACE_ID },
        source: fs.createReadStream(path.join(DEMO_DIR, d.file)),
        path: path.join(DEMO_DIR, d.file),
        overrides,
      });
      process.stdout.write(`loaded demo dataset ${ds.id}: ${ds.respondents} respondents, ${ds.questions.length} questions (${Date.now() - started} ms)\n`);
    }
    process.stdout.write(`demo dashboard ${await seedDemoDashboard(identity.sql, manifest.datasets[0].id)}: ${DEMO_DASHBOARD_NAME}\n`);
    process.stdout.write(`store ready: ${where}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
