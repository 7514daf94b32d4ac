import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { DEMO_PASSWORD } from "@/db/seed/demo-users";
import { verifyPassword } from "@/lib/auth/password";
import { deriveDataKey, Keyring } from "@/lib/crypto/keyring";
import { loadDataKey } from "@/lib/crypto/data-key";
import { chainFor, verifyAuditChain } from "@/lib/dal/audit-chain";
import { currentFiscalYear } from "@/lib/domain/fiscal-year";
import { synthesize } from "@/scripts/synth/generate";
import { FAMILY_NAMES } from "@/scripts/synth/people";

/*
 * `npm run db:synth` at its hidden tiny scale (岡山県 with its real tree, 東京都 and 鳥取県 with
 * generated ones, a few dozen cases each): the file is what the app opens without seeding anything
 * (ADR 0048), keeps every constraint, decrypts with the key beside it, and is a function of the seed.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-synth-"));
const file = path.join(dir, "a", "synth.db");
const twin = path.join(dir, "b", "synth.db");
const other = path.join(dir, "c", "synth.db");
let db: Database.Database;

/** The hash of a table's rows in a stable order (columns that hold no envelope and no salted hash). */
function tableHash(f: string, table: string, order: string): string {
  const d = new Database(f, { readonly: true });
  try {
    const h = createHash("sha256");
    for (const row of d.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).iterate()) h.update(JSON.stringify(row));
    return h.digest("hex");
  } finally {
    d.close();
  }
}

before(async () => {
  for (const f of [file, twin, other]) fs.mkdirSync(path.dirname(f), { recursive: true });
  await synthesize({ scale: "tiny", out: file, seed: 7 });
  await synthesize({ scale: "tiny", out: twin, seed: 7 });
  await synthesize({ scale: "tiny", out: other, seed: 8 });
  db = new Database(file);
});

after(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("db:synth (tiny scale)", () => {
  test("the schema is fully migrated and the file is in WAL mode", () => {
    const journal = JSON.parse(fs.readFileSync(path.join("db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    assert.equal((db.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n, journal.entries.length);
    assert.equal(db.pragma("journal_mode", { simple: true }), "wal");
  });

  test("every table prepareDatabase seeds when empty has rows, so the app adds nothing", () => {
    for (const table of ["prefectures", "regions", "health_centers", "municipalities", "plan_periods", "users", "cases", "peer_supporters", "meetings", "outreach_cases", "external_statistics"]) {
      assert.ok((db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n > 0, table);
    }
    // Every identity has its search tokens (the start-up step would otherwise add them).
    assert.equal((db.prepare("SELECT count(*) AS n FROM person_identities i WHERE NOT EXISTS (SELECT 1 FROM person_name_tokens t WHERE t.person_id = i.person_id)").get() as { n: number }).n, 0);
    assert.equal((db.prepare("SELECT count(*) AS n FROM person_identities WHERE family_name NOT LIKE 'v1:%' OR name_key = ''").get() as { n: number }).n, 0);
  });

  test("integrity, foreign keys and every index (unique ones included) hold", () => {
    assert.equal(db.pragma("integrity_check", { simple: true }), "ok");
    assert.deepEqual(db.pragma("foreign_key_check"), []);
    assert.ok((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index'").get() as { n: number }).n > 100);
  });

  test("nothing happened after today, and the ten fiscal years end with the current one", () => {
    const today = (db.prepare("SELECT max(date) AS d FROM case_activities").get() as { d: string }).d;
    const fy = currentFiscalYear();
    for (const [table, column] of [["case_activities", "date"], ["case_phase_events", "date"], ["cases", "referral_date"], ["outreach_contacts", "date"], ["peer_dispatches", "date"], ["meetings", "date"]] as const) {
      const max = (db.prepare(`SELECT max("${column}") AS d FROM "${table}"`).get() as { d: string }).d;
      assert.ok(max <= today, `${table}.${column}: ${max}`);
    }
    assert.equal((db.prepare("SELECT min(fiscal_year) AS a, max(fiscal_year) AS b FROM case_number_sequences").get() as { a: number }).a, fy - 9);
    assert.ok((db.prepare("SELECT count(*) AS n FROM case_activities a JOIN cases c ON c.id = a.case_id WHERE a.date < c.support_start_date OR a.date > coalesce(c.end_date, '9999')").get() as { n: number }).n === 0);
  });

  test("the monthly reports keep their arithmetic (lib/domain/activity-rules.ts)", () => {
    const rows = db.prepare("SELECT * FROM phone_line_months").all() as Record<string, number>[];
    assert.ok(rows.length > 0);
    for (const r of rows) {
      assert.equal(r.band_day! + r.band_night! + r.band_late_night!, r.calls_total);
      assert.equal(r.caller_self! + r.caller_family! + r.caller_agency!, r.calls_total);
      assert.equal(r.response_advice! + r.response_referral! + r.response_emergency!, r.calls_total);
      assert.ok(r.topic_symptoms! + r.topic_medication! + r.topic_daily_life! + r.topic_relationships! + r.topic_anxiety! + r.topic_systems! + r.topic_other! >= r.calls_total!);
    }
  });

  test("the sequences hold each office's last number, so a new case gets the next one", () => {
    const behind = db
      .prepare("SELECT count(*) AS n FROM case_number_sequences s WHERE s.last_seq <> (SELECT count(*) FROM cases c WHERE c.office_id = s.office_id AND c.case_no LIKE '%-' || s.fiscal_year || '-%')")
      .get() as { n: number };
    assert.equal(behind.n, 0);
  });

  test("identities decrypt with the key the app will use", () => {
    const ring = new Keyring(deriveDataKey(loadDataKey(file)));
    const families = new Set(FAMILY_NAMES.map(([name]) => name));
    const rows = db.prepare("SELECT family_name AS f, date_of_birth AS dob FROM person_identities LIMIT 20").all() as { f: string; dob: string }[];
    for (const r of rows) {
      assert.ok(families.has(ring.decrypt(r.f)));
      assert.match(ring.decrypt(r.dob), /^\d{4}-\d{2}-\d{2}$/);
    }
    assert.equal((db.prepare("SELECT id FROM data_keys WHERE state = 'current'").get() as { id: string }).id, ring.current.id);
  });

  test("the demo marker is there and a demo account signs in with the demo password", async () => {
    assert.deepEqual(JSON.parse((db.prepare("SELECT value FROM app_meta WHERE key = 'demo_data'").get() as { value: string }).value), { source: "synthetic tiny" });
    const hash = (db.prepare("SELECT password_hash AS h FROM users WHERE username = 'bizen.coord'").get() as { h: string }).h;
    assert.ok(await verifyPassword(hash, DEMO_PASSWORD));
    assert.ok(db.prepare("SELECT 1 FROM users WHERE username = 'p13.pref' AND role = 'prefecture'").get());
    // Not "unused for 90 days" at the next start (the account review would deactivate them all).
    const { isUnusedAccount, unusedAccountDays } = await import("@/lib/domain/account-inactivity");
    const accounts = db.prepare("SELECT last_sign_in_at AS lastSignInAt, created_at AS createdAt, updated_at AS updatedAt FROM users").all() as { lastSignInAt: string | null; createdAt: string; updatedAt: string }[];
    assert.equal(accounts.filter((a) => isUnusedAccount(a, new Date(), unusedAccountDays())).length, 0);
  });

  test("the audit log starts empty with a chain head that verifies", () => {
    const report = verifyAuditChain(db, chainFor(file));
    assert.ok(report.ok, report.problems.join("; "));
    assert.equal(report.rows, 0);
  });

  test("the same seed gives the same rows, another seed others", () => {
    // Tables without envelopes (an envelope's IV differs each run) or salted password hashes.
    for (const [table, order] of [["cases", "id"], ["meetings", "id"], ["health_centers", "id"], ["hospitals", "id"], ["peer_registrations", "peer_id, fiscal_year"]] as const) {
      assert.equal(tableHash(file, table, order), tableHash(twin, table, order), table);
    }
    assert.notEqual(tableHash(file, "cases", "id"), tableHash(other, "cases", "id"));
  });

  test("refuses to overwrite without --force", async () => {
    await assert.rejects(synthesize({ scale: "tiny", out: file, seed: 7 }), /exists/);
  });

  test("the app's own data-access layer lists a demo coordinator's cases", async () => {
    db.close();
    process.env.DATABASE_PATH = file;
    const { getDb } = await import("@/db/client");
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const { loadActor } = await import("@/lib/dal/actor");
    const { listCasesForActor } = await import("@/lib/dal/case-list");
    const row = getDb().select().from(users).where(eq(users.username, "bizen.coord")).get()!;
    const actor = loadActor(row.id, row.sessionVersion)!;
    const page = listCasesForActor(actor, { page: 1, pageSize: 20, sort: "caseNo", dir: "asc" }, {});
    assert.ok(page.total > 0);
    assert.ok(page.rows.every((r) => r.caseNo.startsWith("33-BZ-")));
    db = new Database(file);
  });

  test("a generated prefecture's indicators have figures (last fiscal year, prefecture account)", async () => {
    const { getDb } = await import("@/db/client");
    const { users } = await import("@/db/schema");
    const { eq } = await import("drizzle-orm");
    const { loadActor } = await import("@/lib/dal/actor");
    const { getIndicatorBoardForActor } = await import("@/lib/dal/indicators");
    const row = getDb().select().from(users).where(eq(users.username, "p13.pref")).get()!;
    const board = getIndicatorBoardForActor(loadActor(row.id, row.sessionVersion)!, { fiscalYear: currentFiscalYear() - 1, trends: false });
    const value = new Map(board.groups.flatMap((g) => g.figures).map((f) => [f.code, f.value]));
    for (const code of ["B.population", "B.inpatients", "B.health_centers", "S1", "S3", "A1", "A2", "A4", "A5", "A6", "A9", "A14", "A16", "A17", "C1", "C2", "C6"]) {
      assert.ok((value.get(code) ?? 0) > 0, `${code}: ${value.get(code)}`);
    }
  });
});
