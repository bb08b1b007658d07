import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root, "server-only": `${root}lib/server/server-only-shim.ts` } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "cli/**/*.test.ts", "data/**/*.test.ts", "test/architecture/**/*.test.ts", "test/api/**/*.test.ts", "test/security/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: { name: "reference", include: ["test/reference/**/*.test.ts", "test/importer/**/*.test.ts"], environment: "node", testTimeout: 120_000 },
      },
      {
        extends: true,
        test: { name: "golden", include: ["test/golden/**/*.test.ts"], environment: "node", testTimeout: 120_000 },
      },
    ],
  },
});
