import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import postgres from "postgres";
import { Client } from "pg";
import { GroupCommit } from "./group-commit";
import { testTargets } from "./test-databases";
import type { Connection } from "./connect";

const server = testTargets().filter((target) => target.name === "postgres");

type Row = { key: number; tx: string };

describe.skipIf(server.length === 0).each(server)("statements committed together on $name", (target) => {
  let connection: Connection;
  let sql: postgres.Sql;
  let observer: Client;
  let commits: GroupCommit;

  beforeAll(async () => {
    connection = await target.open();
    const url = (connection.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    sql = postgres(url, { max: 1, onnotice: () => {} });
    observer = new Client({ connectionString: url });
    await observer.connect();
    await observer.query(`create table grouped (key int primary key, note text)`);
    // Checked at commit: two rows of one tag in one transaction fail the commit, not a statement.
    await observer.query(`create table tagged (key int primary key, tag text, constraint one_per_tag unique (tag) deferrable initially deferred)`);
  });
  afterAll(async () => {
    await observer?.end();
    await sql?.end({ timeout: 5 });
    await connection?.close();
  });
  beforeEach(async () => {
    await observer.query("truncate grouped, tagged");
    commits = new GroupCommit(sql);
  });

  const insert = (key: number, note = "n") =>
    commits.run<Row>("insert into grouped (key, note) values ($1, $2) returning key, txid_current()::text as tx", [key, note]);

  it("commits the statements that arrive during a commit in one transaction, answering each after its commit", async () => {
    const keys = Array.from({ length: 20 }, (_, k) => k + 1);
    const visibleAtAnswer: boolean[] = [];
    const answers = await Promise.all(
      keys.map(async (key) => {
        const [row] = await insert(key);
        const seen = await observer.query("select 1 from grouped where key = $1", [key]);
        visibleAtAnswer.push(seen.rowCount === 1);
        return row;
      }),
    );
    expect(answers.map((row) => row.key)).toEqual(keys);
    expect(visibleAtAnswer.every(Boolean)).toBe(true);
    // The first went alone; the other 19 arrived meanwhile and shared the next commit.
    expect(new Set(answers.map((row) => row.tx)).size).toBe(2);
  });

  it("answers each statement of a group that failed on its own: the others are committed, the failed one gets its error", async () => {
    await observer.query("insert into grouped (key) values (3)");
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map((key) => insert(key)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: "23505" });
    const { rows } = await observer.query("select key, note from grouped order by key");
    expect(rows).toEqual([1, 2, 3, 4, 5].map((key) => ({ key, note: key === 3 ? null : "n" })));
  });

  it("runs a group again statement by statement when its commit fails, so only the statement at fault fails", async () => {
    const tag = (key: number, value: string) => commits.run<{ key: number }>("insert into tagged (key, tag) values ($1, $2) returning key", [key, value]);
    const first = tag(1, "a"); // alone
    const outcomes = await Promise.allSettled([first, tag(2, "b"), tag(3, "c"), tag(4, "c"), tag(5, "d")]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled"]);
    expect((outcomes[3] as PromiseRejectedResult).reason).toMatchObject({ code: "23505" });
    const { rows } = await observer.query("select key, tag from tagged order by key");
    expect(rows).toEqual([
      { key: 1, tag: "a" },
      { key: 2, tag: "b" },
      { key: 3, tag: "c" },
      { key: 5, tag: "d" },
    ]);
  });
});
