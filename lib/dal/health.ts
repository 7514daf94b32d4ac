import "server-only";
import type Database from "better-sqlite3";
import { getDb } from "@/db/client";
import { preparedFor } from "./prepared";

/** A trivial read, so a health check proves the database answers (and nothing else); prepared once. */
export function databaseAnswers(): boolean {
  const row = preparedFor(getDb(), "health.one", (db) => (db as unknown as { $client: Database.Database }).$client.prepare("SELECT 1 AS one")).get() as { one: number } | undefined;
  return row?.one === 1;
}
