import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type Database from "better-sqlite3";
import { seededDb } from "../helpers/test-db";
import { GROWING_TABLES } from "@/scripts/bench/hot-paths";

/*
 * Issue 14, ADR 0051: a table that grows with the records is reached through its scope (office,
 * prefecture, case, person …), never through a date or a code over the whole country. An index
 * leading with one of those invites SQLite to read a year of the country's rows and filter them
 * down to one prefecture's (it did: the follow-ups by due date, the outreach cases by end date, the
 * dispatches by status). The exceptions are named, each with its reason.
 */
const NATIONAL_COLUMN = /(^|_)(date|at|status|kind|phase|fiscal_year|role|type)$/;
const EXCEPTIONS: Record<string, string> = {
  audit_logs_at_idx: "the audit viewer's newest-first order; the log is not read by the scoped pages",
  audit_logs_chain_seq_idx: "unique: the chain's order (ADR 0035)",
  audit_logs_entity_idx: "with entity_id: one record's trail",
  users_role_idx: "users are hundreds, not a growing record",
};

describe("indexes of growing tables lead with their scope (issue 14)", () => {
  let sqlite: Database.Database;
  before(async () => {
    sqlite = ((await seededDb()) as unknown as { $client: Database.Database }).$client;
  });

  it("has no index leading with a date or a code of the whole country, but the named exceptions", () => {
    const offending: string[] = [];
    for (const table of GROWING_TABLES) {
      const indexes = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name NOT LIKE 'sqlite_autoindex%'").all(table) as { name: string }[];
      for (const { name } of indexes) {
        const first = (sqlite.prepare("SELECT name FROM pragma_index_info(?) ORDER BY seqno LIMIT 1").get(name) as { name: string | null } | undefined)?.name ?? "(expression)";
        if (NATIONAL_COLUMN.test(first) && !(name in EXCEPTIONS)) offending.push(`${name} (${table}.${first})`);
      }
    }
    assert.deepEqual(offending, []);
  });

  it("names only exceptions that exist", () => {
    for (const name of Object.keys(EXCEPTIONS)) assert.ok(sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name), name);
  });
});
