/**
 * Helpers of `scripts/loadtest.ts`: app instances as child processes, their peak RSS, loopback
 * HTTP with latency, streamed uploads that can be cut off, and latency percentiles.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function log(msg: string): void {
  process.stderr.write(`[loadtest ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** nearest-rank percentile; NaN when empty */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** pids of `pid` and all its descendants (from /proc/<pid>/task/<tid>/children) */
function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tasks: string[] = [];
    try {
      tasks = fs.readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const t of tasks) {
      try {
        const kids = fs.readFileSync(`/proc/${out[i]}/task/${t}/children`, "utf8").trim();
        if (kids) out.push(...kids.split(/\s+/).map(Number));
      } catch {
        /* exited */
      }
    }
  }
  return out;
}

/** the sum of VmHWM (peak RSS) over a process tree, in MB; 0 when gone */
export function treePeakRssMb(pid: number): number {
  let kb = 0;
  for (const p of processTree(pid)) {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      /* exited */
    }
  }
  return kb / 1024;
}

/** One `next start` process on a loopback port, with its peak RSS tracked while it lives. */
export class AppInstance {
  child: ChildProcess | null = null;
  peakRssMb = 0;
  private poll: ReturnType<typeof setInterval> | null = null;
  private output = "";

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const next = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
    const child = spawn(process.execPath, [next, "start", "-p", String(this.port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...this.env, PORT: String(this.port), NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    const logFile = fs.createWriteStream(path.join(ROOT, "bench", "tmp", `loadtest-${this.name}.log`), { flags: "a" });
    const keep = (d: Buffer) => {
      logFile.write(d);
      this.output = (this.output + d.toString()).slice(-8000);
    };
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.poll = setInterval(() => {
      if (child.pid) this.peakRssMb = Math.max(this.peakRssMb, treePeakRssMb(child.pid));
    }, 250);
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited (${child.exitCode}):\n${this.output}`);
      const res = await request(this, "GET", "/api/health").catch(() => null);
      if (res?.status === 200) return;
      await sleep(300);
    }
    throw new Error(`${this.name} did not answer /api/health within ${timeoutMs} ms:\n${this.output}`);
  }

  /** SIGKILL the whole process tree (no cleanup runs: the crash case) */
  kill9(): void {
    if (!this.child?.pid) return;
    for (const p of processTree(this.child.pid).reverse()) {
      try {
        process.kill(p, "SIGKILL");
      } catch {
        /* gone */
      }
    }
    this.stopPolling();
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.stopPolling();
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const done = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await Promise.race([done, sleep(5000)]);
    if (child.exitCode === null && child.signalCode === null) this.kill9();
  }

  private stopPolling(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }
}

export interface HttpResult {
  status: number;
  ms: number;
  body: string;
}

/** One loopback HTTP request (no keep-alive: every request is a fresh connection, like many users). */
export function request(
  target: { url: string },
  method: string,
  pathname: string,
  opts: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<HttpResult> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${target.url}${pathname}`,
      { method, headers: { connection: "close", ...(opts.body ? { "content-type": "application/json" } : {}), ...opts.headers }, timeout: opts.timeoutMs ?? 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

export interface Upload {
  name: string;
  bytes: number;
  sent: number;
  /** resolves with the HTTP status (0 on a broken connection) and the body */
  done: Promise<{ status: number; body: string; ms: number }>;
}

/** Stream `file` as a raw-body upload (`POST /api/datasets?name=…`, bearer token). */
export function upload(target: { url: string }, token: string, file: string, name: string): Upload {
  const bytes = fs.statSync(file).size;
  const t0 = performance.now();
  const u: Upload = { name, bytes, sent: 0, done: Promise.resolve({ status: 0, body: "", ms: 0 }) };
  u.done = new Promise((resolve) => {
    const req = http.request(`${target.url}/api/datasets?name=${encodeURIComponent(name)}&fileName=${encodeURIComponent(path.basename(file))}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/csv", "content-length": String(bytes), connection: "close" },
    });
    const finish = (status: number, body: string) => resolve({ status, body, ms: performance.now() - t0 });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => finish(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8")));
      res.on("error", (e) => finish(0, String(e)));
    });
    req.on("error", (e) => finish(0, String(e)));
    const stream = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
    stream.on("data", (c) => (u.sent += c.length));
    stream.pipe(req);
  });
  return u;
}
