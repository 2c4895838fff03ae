import http from "node:http";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { connectEmbedded, connectUrl, DatabaseUnavailableError, type Connection } from "../db/connect";
import { DataFolderBusyError } from "../db/data-lock";
import { resolveDataDir } from "../db/embedded";
import { migrateDatabase } from "../db/migrate";
import { getOrCreateSecret } from "../db/queries/settings";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "../db/seed/demo";
import { requestTargetProblem, requestTargetRefusal } from "../lib/request-target";
import { apiSecurityHeaders, isApiPath, securityHeaders } from "../lib/security-headers";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

type Options = { dev: boolean; port: number; host: string };

function parseOptions(argv: string[]): Options {
  const port = Number(process.env.PORT ?? 3000);
  return {
    dev: argv.includes("--dev"),
    port: Number.isInteger(port) && port > 0 ? port : 3000,
    host: process.env.HOST ?? "0.0.0.0",
  };
}

function fail(message: string): never {
  console.error(`sourcemark: ${message}`);
  process.exit(1);
}

/** Opens the database the app will use; for the embedded one, serves it on a local socket. */
async function openDatabase(): Promise<{ connection: Connection; appUrl: string; stopSocket?: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const connection = await connectUrl(url, { max: 2 });
    return { connection, appUrl: url };
  }
  const connection = await connectEmbedded(resolveDataDir());
  const socket = new PGLiteSocketServer({
    db: connection.embedded!.pglite,
    host: "127.0.0.1",
    port: 0,
    maxConnections: 64,
  });
  await socket.start();
  // The socket server runs every connection on PGlite's one session and interleaves
  // extended-protocol messages of concurrent connections outside transactions (Parse of one
  // query, Bind of another: "bind message supplies 2 parameters", or rows of the wrong query;
  // electric-sql/pglite#1046). PGlite runs one query at a time anyway, so the app's pool keeps
  // one connection, and a request waits for it rather than failing after the usual 5 s.
  process.env.DATABASE_POOL_SIZE = "1";
  process.env.SOURCEMARK_PREPARED_STATEMENTS = "0";
  process.env.DATABASE_POOL_WAIT_MS ||= "120000";
  const port = Number(socket.getServerConn().split(":").pop());
  connection.embedded!.setServedPort(port);
  return {
    connection,
    appUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stopSocket: () => socket.stop(),
  };
}

export async function serve(argv: string[]): Promise<void> {
  const options = parseOptions(argv);
  let opened: Awaited<ReturnType<typeof openDatabase>>;
  try {
    opened = await openDatabase();
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || error instanceof DataFolderBusyError) fail(error.message);
    throw error;
  }
  const { connection } = opened;
  await migrateDatabase(connection.db, connection.driver);
  // The end-to-end suite runs on the plain demo project only: its specs count on what it holds.
  const seeded = process.env.SOURCEMARK_DEMO === "0" ? false : await seedDemo(connection.db, { showcase: process.env.SOURCEMARK_E2E !== "1" });
  process.env.NEXTAUTH_SECRET ||= await getOrCreateSecret(connection.db, "session_secret");
  process.env.AUTH_TRUST_HOST ||= "true";
  process.env.DATABASE_URL = opened.appUrl;
  process.env.SOURCEMARK_DATABASE = connection.where;

  const { default: next } = await import("next");
  const app = next({ dev: options.dev, dir: ROOT, hostname: "localhost", port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Loaded once Next has set up its runtime (next/server needs it). In development Next compiles
  // and reloads the route modules itself.
  const { loadFastRoutes, matchFastRoute, serveWithHandler } = await import("./fast-routes");
  const fastRoutes = options.dev ? [] : await loadFastRoutes();
  const trustProxy = process.env.TRUST_PROXY === "1";
  const apiHeaders = Object.entries(apiSecurityHeaders());
  const server = http.createServer((req, res) => {
    // Overwrite, never trust, what the client sent in these headers.
    const forwarded = trustProxy ? String(req.headers["x-forwarded-for"] ?? "").split(",")[0].trim() : "";
    req.headers["x-sourcemark-client-address"] = forwarded || req.socket.remoteAddress || "unknown";
    req.headers["x-sourcemark-path"] = req.url ?? "/";
    if (isApiPath(req.url ?? "/")) {
      for (const [name, value] of apiHeaders) res.setHeader(name, value);
    } else {
      // A fresh nonce per page: Next.js reads it from the request's policy and puts it on its scripts.
      const headers = securityHeaders(randomBytes(16).toString("base64"), { dev: options.dev });
      req.headers["content-security-policy"] = headers["Content-Security-Policy"];
      for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    }
    const problem = requestTargetProblem(req.url ?? "/");
    if (problem) {
      const refusal = requestTargetRefusal(req.url ?? "/", problem);
      res.writeHead(400, { "content-type": refusal.contentType }).end(refusal.body);
      return;
    }
    const fast = matchFastRoute(fastRoutes, req.method ?? "GET", req.url ?? "/");
    if (fast) void serveWithHandler(req, res, fast);
    else void handle(req, res);
  });
  // Idle kept-alive connections stay open longer than clients and load balancers keep theirs
  // (60 s is common), so a request is never sent on a socket the server is closing at that moment
  // (Node's 5 s default made such requests fail with ECONNRESET now and then).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") fail(`port ${options.port} is in use; set PORT to another port.`);
    throw error;
  });

  console.log(`Sourcemark is running at http://localhost:${options.port}`);
  console.log(`Database: ${connection.where}`);
  if (seeded) console.log("Loaded the demo projects “Velmora port strike” and “Velmora strike: a reviewed sample”.");
  console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(9)} ${account.email}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections?.();
    await app.close?.().catch(() => {});
    await opened.stopSocket?.().catch(() => {});
    await connection.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
