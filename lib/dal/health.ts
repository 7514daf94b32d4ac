import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";

/** A trivial read, so a health check proves the database answers (and nothing else). */
export function databaseAnswers(): boolean {
  const row = getDb().get<{ one: number }>(sql`SELECT 1 AS one`);
  return row?.one === 1;
}
