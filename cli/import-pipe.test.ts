import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "vitest";

const root = path.resolve(__dirname, "..");

/** a wide synthetic export whose `import --json` description is far over a pipe's 64 KiB buffer */
function wideFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cli-pipe-"));
  const file = path.join(dir, "wide.csv");
  const header = Array.from({ length: 600 }, (_, i) => `question_number_${i}_with_a_long_label`);
  const rows = Array.from({ length: 20 }, (_, r) => header.map((_, i) => ["Yes", "No", "Maybe"][(r + i) % 3]).join(","));
  fs.writeFileSync(file, [header.join(","), ...rows].join("\n") + "\n");
  return file;
}

test("cli import --json into a pipe writes the whole description (not cut off at 64 KiB)", async () => {
  const file = wideFile();
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "cli/main.ts", "import", file, "--json"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const chunks: Buffer[] = [];
  // read slowly, so the writer fills the pipe and would exit before it drains
  child.stdout.on("data", (c: Buffer) => {
    chunks.push(c);
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 2);
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const out = Buffer.concat(chunks).toString("utf8");
  expect(code).toBe(0);
  expect(out.length).toBeGreaterThan(64 * 1024);
  const parsed = JSON.parse(out) as { questions: unknown[] };
  expect(parsed.questions).toHaveLength(600);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}, 120_000);
