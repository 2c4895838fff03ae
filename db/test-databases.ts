import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { connectEmbedded, connectUrl, type Connection } from "./connect";
import { migrateDatabase } from "./migrate";

/**
 * The integration suites run on every target: embedded PGlite always, and the real server
 * whenever TEST_DATABASE_URL or DATABASE_URL is given. Each run gets its own throwaway database.
 */
export type TestTarget = { name: "pglite" | "postgres"; open(): Promise<Connection> };

export function testTargets(): TestTarget[] {
  const targets: TestTarget[] = [{ name: "pglite", open: openPgliteTestDatabase }];
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (serverUrl) targets.push({ name: "postgres", open: () => openServerTestDatabase(serverUrl) });
  return targets;
}

async function openPgliteTestDatabase(): Promise<Connection> {
  const connection = await connectEmbedded(null);
  await migrateDatabase(connection.db, "pglite");
  return connection;
}

async function openServerTestDatabase(serverUrl: string): Promise<Connection> {
  const name = `sourcemark_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await connectUrl(url.toString(), { max: 5 });
  await migrateDatabase(connection.db, "pg");
  return {
    ...connection,
    where: name,
    async close() {
      await connection.close();
      const cleaner = new Client({ connectionString: serverUrl });
      await cleaner.connect();
      await cleaner.query(`drop database if exists "${name}" with (force)`);
      await cleaner.end();
    },
  };
}
