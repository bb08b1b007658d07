import { createApiToken, findUserByEmail, listApiTokens, revokeApiToken } from "@/lib/auth/identity";
import { roleSchema } from "@/lib/auth/permissions";
import { parseCommandArgs } from "../args";
import { withAppSql, workspaceOption } from "../store-access";

const USAGE = `usage:
  token create --email EMAIL --role ROLE [--workspace ID_OR_NAME]   print a new API token (shown once)
  token revoke --id TOKEN_ID
  token list [--email EMAIL]`;

const LOCKED =
  "the database is in use by the running server: stop the server first, or use the admin API (POST /api/admin/tokens with an admin session)";

/** `token create|revoke|list`: API tokens for scripts (`Authorization: Bearer …`); only hashes are stored. */
export async function tokenCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "create") {
    const { values } = parseCommandArgs(rest, { email: { type: "string" }, role: { type: "string" }, workspace: { type: "string" } });
    if (!values.email || !values.role) throw new Error(USAGE);
    const role = roleSchema.parse(values.role);
    return withAppSql(LOCKED, async (sql) => {
      const user = await findUserByEmail(sql, values.email!);
      if (!user) throw new Error(`no user with email ${values.email}`);
      const ws = await workspaceOption(sql, values.workspace);
      const { id, token } = await createApiToken(sql, { userId: user.id, workspaceId: ws.id, role });
      process.stderr.write(`created token ${id} for ${user.email} (role ${role}, workspace ${ws.name}); it is shown only once:\n`);
      process.stdout.write(`${token}\n`);
      return 0;
    });
  }
  if (sub === "revoke") {
    const { values } = parseCommandArgs(rest, { id: { type: "string" } });
    if (!values.id) throw new Error(USAGE);
    return withAppSql(LOCKED, async (sql) => {
      if (!(await revokeApiToken(sql, values.id!))) throw new Error(`no active token with id ${values.id}`);
      process.stdout.write(`revoked ${values.id}\n`);
      return 0;
    });
  }
  if (sub === "list") {
    const { values } = parseCommandArgs(rest, { email: { type: "string" } });
    return withAppSql(LOCKED, async (sql) => {
      const user = values.email ? await findUserByEmail(sql, values.email) : null;
      if (values.email && !user) throw new Error(`no user with email ${values.email}`);
      for (const t of await listApiTokens(sql, { userId: user?.id })) {
        const used = t.lastUsedAt ? t.lastUsedAt.toISOString() : "never";
        process.stdout.write(`${t.id}\t${t.userId}\t${t.workspaceId}\t${t.role}\t${t.revoked ? "revoked" : "active"}\tlast used ${used}\n`);
      }
      return 0;
    });
  }
  process.stderr.write(`${USAGE}\n`);
  return 2;
}
