import { connectForCli, DatabaseUnavailableError, type Connection } from "../db/connect";
import { DataFolderBusyError } from "../db/data-lock";
import { migrateDatabase } from "../db/migrate";
import type { Database } from "../db/types";
import { CliError, processIo, type Io } from "./io";
import { USER_USAGE, userCommand } from "./commands/user";
import { PROJECT_USAGE, projectCommand } from "./commands/project";
import { ASSIGN_USAGE, assignCommand } from "./commands/assign";
import { IMPORT_USAGE, importCommand } from "./commands/import";
import { AGREEMENT_USAGE, agreementCommand } from "./commands/agreement";
import { TOKEN_USAGE, tokenCommand } from "./commands/token";
import { EXPORT_USAGE, exportCommand } from "./commands/export";
import { QUOTES_USAGE, quotesCommand } from "./commands/quotes";

type Command = (db: Database, argv: string[], io: Io) => Promise<void>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  user: { run: userCommand, usage: USER_USAGE },
  project: { run: projectCommand, usage: PROJECT_USAGE },
  import: { run: importCommand, usage: IMPORT_USAGE },
  assign: { run: assignCommand, usage: ASSIGN_USAGE },
  agreement: { run: agreementCommand, usage: AGREEMENT_USAGE },
  token: { run: tokenCommand, usage: TOKEN_USAGE },
  export: { run: exportCommand, usage: EXPORT_USAGE },
  quotes: { run: quotesCommand, usage: QUOTES_USAGE },
};

const USAGE = `Usage: sourcemark <command> [options]

${Object.values(COMMANDS)
  .map((command) => command.usage)
  .join("\n")}

The database is DATABASE_URL when set, else the embedded one in SOURCEMARK_DATA_DIR (default .data/),
reached through the running app when it is up.`;

/** `given`: an open connection to use instead of the configured one (tests); it is left open. */
export async function main(argv: string[], io: Io = processIo, given?: Connection): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(USAGE);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`sourcemark: unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  let connection;
  try {
    const active = given ?? (connection = await connectForCli());
    await migrateDatabase(active.db, active.driver);
    await command.run(active.db, rest, io);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`sourcemark: ${error.message}`);
      return error.exitCode;
    }
    if (error instanceof DatabaseUnavailableError || error instanceof DataFolderBusyError) {
      io.err(`sourcemark: ${error.message}`);
      return 1;
    }
    if (error instanceof TypeError && (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`sourcemark: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    io.err(`sourcemark: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await connection?.close().catch(() => {});
  }
}
