import type { DuckDBConnection } from "@duckdb/node-api";

/**
 * Connections for reading one committed table concurrently: the import's own connection, plus up
 * to `extra` more opened on demand (only once `allowExtra()` says the table is committed, so other
 * connections can see it). `use` hands each call a free connection or waits for one; `close`
 * closes the extra ones.
 *
 * @example
 * const pool = new ReaderPool(conn, () => instance.connect(), 1);
 * pool.allowExtra();
 * await Promise.all([pool.use((c) => c.run("SELECT 1")), pool.use((c) => c.run("SELECT 2"))]);
 */
export class ReaderPool {
  private idle: DuckDBConnection[];
  private readonly opened: DuckDBConnection[] = [];
  private opening = 0;
  private readonly waiting: ((c: DuckDBConnection) => void)[] = [];
  private extraAllowed = false;

  constructor(
    private readonly main: DuckDBConnection,
    private readonly connect?: () => Promise<DuckDBConnection>,
    private readonly extra = 1,
  ) {
    this.idle = [main];
  }

  /** the table is committed: other connections may read it from now on */
  allowExtra(): void {
    this.extraAllowed = true;
  }

  async use<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const conn = await this.acquire();
    try {
      return await fn(conn);
    } finally {
      this.release(conn);
    }
  }

  private async acquire(): Promise<DuckDBConnection> {
    const free = this.idle.pop();
    if (free) return free;
    if (this.connect && this.extraAllowed && this.opened.length + this.opening < this.extra) {
      this.opening++;
      try {
        const conn = await this.connect();
        this.opened.push(conn);
        return conn;
      } finally {
        this.opening--;
      }
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(conn: DuckDBConnection): void {
    const next = this.waiting.shift();
    if (next) next(conn);
    else this.idle.push(conn);
  }

  /** close the extra connections (the import's own stays open); later calls use the main one only */
  close(): void {
    for (const conn of this.opened) conn.closeSync();
    this.opened.length = 0;
    this.idle = [this.main];
    this.extraAllowed = false;
  }
}
