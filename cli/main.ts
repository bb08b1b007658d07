import { ZodError } from "zod";
import { AppError } from "@/lib/schema/errors";
import { crosstabCommand } from "./commands/crosstab";
import { driversCommand } from "./commands/drivers";
import { importCommand } from "./commands/import";
import { seedCommand } from "./commands/seed";
import { weightCommand } from "./commands/weight";
import { tokenCommand } from "./commands/token";
import { agentCommand } from "./commands/agent";
import { flushStream } from "./flush";

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  import: importCommand,
  crosstab: crosstabCommand,
  seed: seedCommand,
  drivers: driversCommand,
  weight: weightCommand,
  token: tokenCommand,
  agent: agentCommand,
  // loaded on use: the MCP SDK (and the server it builds) is only needed by this command
  mcp: async (argv) => (await import("./commands/mcp")).mcpCommand(argv),
};

const HELP = `surveyscope cli

  import FILE [--encoding ENC] [--format FORMAT] --json   detect a survey export and describe it
  crosstab --data FILE --spec SPEC.json [--emit json|r]   crosstab of a plain file (JSON or an R script)
  drivers --data FILE --spec SPEC.json                    key-driver regression (svyglm) of a plain file
  weight --data FILE (--scheme SCHEME.json | --targets TARGETS.csv) [--pretty]
                                                          survey weights (rake, cell, group) and a report
  token create --email E --role R [--workspace W] | token revoke --id ID | token list
                                                          API tokens for scripts (Authorization: Bearer)
  agent create --admin E --name N --datasets D1,D2 --tools T1,T2 --days N --budget N [--workspace W]
        | agent revoke --admin E --id ID | agent list [--workspace W]
                                                          AI agent credentials for the MCP server
  mcp [--token ssa_…] [--url URL]                         MCP server on stdio for one agent credential
  seed                                                    load the demo datasets into the store
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help") {
    process.stdout.write(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) throw new Error(`unknown command: ${name}`);
  return command(rest);
}

// exit only once stdout and stderr are drained: a pipe reader would otherwise get a truncated output
const exit = async (code: number) => {
  await Promise.all([flushStream(process.stdout), flushStream(process.stderr)]);
  process.exit(code);
};

main(process.argv.slice(2)).then(
  (code) => exit(code),
  (err: unknown) => {
    const message =
      err instanceof ZodError
        ? `invalid input: ${err.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")}`
        : err instanceof AppError || err instanceof Error
          ? err.message
          : String(err);
    process.stderr.write(`error: ${message.split("\n")[0]}\n`);
    return exit(1);
  },
);
