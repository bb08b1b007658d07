import { agentInfo, createAgentCredential, listAgentCredentials, revokeAgentCredential } from "@/lib/auth/agent-credentials";
import { findUserByEmail, getMembership } from "@/lib/auth/identity";
import { appendAudit } from "@/lib/audit/audit-log";
import type { SqlRunner } from "@/lib/store";
import { parseCommandArgs } from "../args";
import { withAppSql, workspaceOption } from "../store-access";

const USAGE = `usage:
  agent create --admin EMAIL --name NAME --datasets ID[,ID…] --tools TOOL[,TOOL…] --days N --budget N [--workspace ID_OR_NAME]
                                   print a new agent credential (shown once)
  agent list [--workspace ID_OR_NAME]
  agent revoke --admin EMAIL --id AGENT_ID [--workspace ID_OR_NAME]`;

const LOCKED = "the database is in use by the running server: stop the server first, or use the admin page (/admin/agents) or POST /api/admin/agents";

/** The workspace and the admin acting in it (the credential's sponsor must administer it). */
async function adminOf(sql: SqlRunner, email: string | undefined, workspace: string | undefined) {
  const ws = await workspaceOption(sql, workspace);
  if (!email) return { ws, admin: null };
  const user = await findUserByEmail(sql, email);
  if (!user || (await getMembership(sql, user.id, ws.id))?.role !== "admin") throw new Error(`${email} is not an admin of workspace ${ws.name}`);
  return { ws, admin: user };
}

const list = (v: string | undefined) => (v ?? "").split(",").map((s) => s.trim()).filter(Boolean);

/** `agent create|list|revoke`: AI agent credentials for the MCP server; the sponsor is recorded and audited. */
export async function agentCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  const opts = { admin: { type: "string" }, name: { type: "string" }, datasets: { type: "string" }, tools: { type: "string" }, days: { type: "string" }, budget: { type: "string" }, workspace: { type: "string" }, id: { type: "string" } } as const;
  const { values } = parseCommandArgs(rest, opts);
  if (sub === "create") {
    if (!values.admin || !values.name) throw new Error(USAGE);
    return withAppSql(LOCKED, async (sql) => {
      const { ws, admin } = await adminOf(sql, values.admin, values.workspace);
      const input = { name: values.name, datasets: list(values.datasets), tools: list(values.tools), expiresInDays: Number(values.days ?? "30"), budget: Number(values.budget ?? "100") };
      const { row, token } = await createAgentCredential(sql, { userId: admin!.id, email: admin!.email }, ws.id, input);
      await appendAudit(sql, { workspaceId: ws.id, actorId: admin!.id, actorEmail: admin!.email, actorRole: "admin", action: "agents:create", resourceType: "agent", resourceId: row.id, result: "ok", detail: { via: "cli", name: row.name, datasets: row.datasets, tools: row.tools, expiresAt: row.expiresAt, budget: row.budgetTotal } });
      process.stderr.write(`created agent ${row.id} (${row.name}) in workspace ${ws.name}; its token is shown only once:\n`);
      process.stdout.write(`${token}\n`);
      return 0;
    });
  }
  if (sub === "list") {
    return withAppSql(LOCKED, async (sql) => {
      const { ws } = await adminOf(sql, undefined, values.workspace);
      for (const a of (await listAgentCredentials(sql, ws.id)).map((r) => agentInfo(r))) {
        process.stdout.write(`${a.id}\t${a.name}\t${a.status}\tsponsor ${a.sponsor.email}\tdatasets ${a.datasets.join(",")}\ttools ${a.tools.join(",")}\tbudget left ${a.budget.left}/${a.budget.total}\texpires ${a.expiresAt}\tlast used ${a.lastUsedAt ?? "never"}\n`);
      }
      return 0;
    });
  }
  if (sub === "revoke") {
    if (!values.admin || !values.id) throw new Error(USAGE);
    return withAppSql(LOCKED, async (sql) => {
      const { ws, admin } = await adminOf(sql, values.admin, values.workspace);
      if (!(await revokeAgentCredential(sql, ws.id, values.id!, admin!.id, new Date().toISOString()))) throw new Error(`no active agent with id ${values.id}`);
      await appendAudit(sql, { workspaceId: ws.id, actorId: admin!.id, actorEmail: admin!.email, actorRole: "admin", action: "agents:revoke", resourceType: "agent", resourceId: values.id!, result: "ok", detail: { via: "cli" } });
      process.stdout.write(`revoked ${values.id}\n`);
      return 0;
    });
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}
