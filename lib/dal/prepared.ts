import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Actor } from "./actor";

/*
 * Queries that run on every request (who is asking, is the session current) are built and
 * prepared once per database handle, not on each call: drizzle's query building and SQLite's
 * prepare were a measurable part of a request's cost (ADR 0050). Keyed by the handle, so the
 * tests' in-memory databases each get their own statements.
 */
const statements = new WeakMap<Db, Map<string, unknown>>();

/** The statement `name` of this database, built by `build` on first use. */
export function preparedFor<T>(db: Db, name: string, build: (db: Db) => T): T {
  let forDb = statements.get(db);
  if (!forDb) {
    forDb = new Map();
    statements.set(db, forDb);
  }
  let statement = forDb.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    forDb.set(name, statement);
  }
  return statement;
}

/**
 * An actor of `role` whose id and prefecture are placeholders (`actorId`, `prefectureCode`), for a
 * statement prepared once per role: only the role shapes a scoping rule's SQL (which offices it
 * reaches, lib/dal/scope.ts); who asks is bound at each run with `actorParams`.
 */
export function placeholderActor(role: Actor["role"]): Pick<Actor, "id" | "role" | "prefectureCode"> {
  return { id: sql.placeholder("actorId"), role, prefectureCode: sql.placeholder("prefectureCode") } as unknown as Pick<Actor, "id" | "role" | "prefectureCode">;
}

/** The values of `placeholderActor`'s placeholders for this actor. */
export function actorParams(actor: Pick<Actor, "id" | "prefectureCode">): { actorId: string; prefectureCode: string } {
  return { actorId: actor.id, prefectureCode: actor.prefectureCode };
}
