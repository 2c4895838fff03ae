/**
 * The floor the app's writes are compared with: single-row INSERTs, each its own transaction
 * (autocommit), from as many connections as there are simulated analysts, on the same server.
 */
import pg from "pg";

export async function insertBaseline(url: string, connections: number, seconds: number): Promise<{ rate: number; p99: number; seconds: number }> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  await pool.query("create table if not exists bench_baseline (id bigserial primary key, article text not null, start_at int not null, end_at int not null, label text not null, at timestamptz not null default now())");
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, k) => {
      const client = await pool.connect();
      try {
        while (Date.now() < deadline) {
          const t = performance.now();
          await client.query("insert into bench_baseline (article, start_at, end_at, label) values ($1, $2, $3, $4)", [`a${k}`, k, k + 5, "QUOTE"]);
          latencies.push(performance.now() - t);
        }
      } finally {
        client.release();
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  await pool.query("drop table bench_baseline");
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { rate: latencies.length / elapsed, p99: latencies[Math.floor(latencies.length * 0.99)], seconds };
}
