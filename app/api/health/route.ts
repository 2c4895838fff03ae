import { sql } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** Readiness: 200 when the app can reach its database, 503 otherwise. */
export async function GET() {
  try {
    await getDb().execute(sql`select 1`);
    return NextResponse.json({ status: "ok" });
  } catch {
    return NextResponse.json({ error: { code: "unavailable", message: "The database cannot be reached." } }, { status: 503 });
  }
}
