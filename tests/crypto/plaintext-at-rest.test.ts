// The raw files of a database hold no demo name (issue 12, deliverable 5; ADR 0040): a file
// database (not the in-memory one of the other tests), seeded and written to by the app, a case
// imported from a file among the writes (ADR 0043); and a backup of it holds none either (ADR 0045).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-crypt-"));
process.env.DATABASE_PATH = path.join(dir, "tsunagu.db");
process.env.TSUNAGU_DEMO_DATA = "on";
delete process.env.TSUNAGU_DATA_KEY;

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq, sql } from "drizzle-orm";
import { encryptedColumnsOf, FREE_TEXT_TABLES } from "@/db/seed/encrypt-identities";

type Name = { familyName: string; givenName: string; familyNameKana: string; givenNameKana: string };

let names: Name[] = [];
let mod: {
  getDb: typeof import("@/db/client").getDb;
  schema: typeof import("@/db/schema");
  keyring: typeof import("@/lib/crypto/keyring").keyring;
};

before(async () => {
  const { getDb } = await import("@/db/client");
  const { prepareDatabase } = await import("@/db/seed");
  const schema = await import("@/db/schema");
  const { keyring } = await import("@/lib/crypto/keyring");
  mod = { getDb, schema, keyring };
  const db = getDb();
  await prepareDatabase(db);

  // Some of the app's own writes and reads, through the DAL.
  const { loadActor } = await import("@/lib/dal/actor");
  const { createCase } = await import("@/lib/dal/cases");
  const { correctPerson, getPersonForCorrection } = await import("@/lib/dal/persons");
  const { listCasesForActor } = await import("@/lib/dal/case-list");
  const { listPeersForActor } = await import("@/lib/dal/peers");
  const { CaseCreateSchema } = await import("@/lib/validation/case");
  const { PersonCorrectionSchema } = await import("@/lib/validation/person");
  const actor = (username: string) => {
    const u = db.select().from(schema.users).where(eq(schema.users.username, username)).get()!;
    return loadActor(u.id, u.sessionVersion)!;
  };
  const coord = actor("bizen.coord");
  const hospital = db.select().from(schema.hospitals).where(eq(schema.hospitals.prefectureCode, "33")).get()!;
  const created = createCase(
    coord,
    CaseCreateSchema.parse({
      familyName: "暗号",
      givenName: "試子",
      familyNameKana: "あんごう",
      givenNameKana: "ためこ",
      dateOfBirth: "1970-02-03",
      birthYearMonth: "1970-02",
      sex: "female",
      municipalityCode: "",
      phone: "086-765-4321",
      address: "岡山市北区暗号町1-2-3",
      referralDate: "2024-04-10",
      referralSource: "hospital_psw",
      hospitalId: hospital.id,
      wardType: "",
      indexAdmissionDate: "2010-04-01",
      admissionDatePrecision: "day",
      admissionType: "",
      diagnosisGroup: "",
      techoGrade: "",
      supportCategory: "",
      consentDate: "",
      consentScope: "",
      supportStartDate: "2024-05-01",
      plannedDischargeDate: "",
      coordinatorUserId: coord.id,
      officeId: "33-bizen",
    }),
  );
  const loaded = getPersonForCorrection(coord, "case", created.id);
  const typed = Object.fromEntries(Object.entries(loaded.values).map(([k, v]) => [k, v ?? ""]));
  correctPerson(coord, PersonCorrectionSchema.parse({ ...typed, givenName: "試代", givenNameKana: "ためよ", from: "case", recordId: created.id, version: String(loaded.version), base: JSON.stringify(loaded.values) }));

  // A case brought in from a CSV file through the import (the same DAL path as the form).
  const { runImport } = await import("@/lib/import/run");
  const { CASE_COLUMNS } = await import("@/lib/import/cases");
  const { headerNames, japaneseHeader } = await import("@/lib/import/template");
  const imported: Record<string, string> = {
    officeId: "備前保健所", familyName: "取込", givenName: "秘子", familyNameKana: "とりこみ", givenNameKana: "ひめこ", birthYearMonth: "昭和50年3月",
    sex: "女性", referralDate: "令和6年4月12日", referralSource: "本人", hospitalId: hospital.name, indexAdmissionDate: "2012/6/1",
    supportStartDate: "R6.4.20", coordinatorUserId: "bizen.coord", address: "岡山市北区取込町4-5-6",
  };
  const file = [CASE_COLUMNS.map(japaneseHeader), CASE_COLUMNS.map((c) => imported[c.field] ?? "")].map((r) => r.map((v) => `"${v}"`).join(",")).join("\r\n");
  const result = await runImport(coord, "cases", new TextEncoder().encode(file), { mode: "commit", headerNames, fileName: "cases.csv", importsPerHour: 1_000_000 });
  assert.ok(result.ok && result.committed && result.create === 1, JSON.stringify(result));

  names = [
    ...db.select().from(schema.personIdentities).all(),
    ...db.select().from(schema.peerIdentities).all(),
    { familyName: "暗号", givenName: "試子", familyNameKana: "アンゴウ", givenNameKana: "タメコ" },
    { familyName: "取込", givenName: "秘子", familyNameKana: "トリコミ", givenNameKana: "ヒメコ" },
  ];
  // Searches by a demo person's and peer's kana and kanji (the query lands in the audit log).
  const page = { page: 1, pageSize: 20, sort: "kana", dir: "asc" } as const;
  const person = names[0]!;
  listCasesForActor(actor("bizen.sup"), page, { q: person.familyNameKana + person.givenNameKana });
  listCasesForActor(actor("bizen.sup"), page, { q: person.familyName });
  const peer = db.select().from(schema.peerIdentities).get()!;
  listPeersForActor(coord, { ...page, sort: "kana" }, { q: peer.givenNameKana });
});

/** Plain text of the organisation (hospitals, staff, offices, places, venues): not patients' data, kept plain. */
function organisationalTexts(): string[] {
  return mod.getDb().all<{ t: string }>(sql`
    SELECT name AS t FROM hospitals UNION ALL SELECT display_name FROM users UNION ALL SELECT name FROM health_centers
    UNION ALL SELECT name FROM municipalities UNION ALL SELECT team_name FROM outreach_cases WHERE team_name IS NOT NULL
    UNION ALL SELECT requesting_org FROM peer_dispatches WHERE requesting_org IS NOT NULL UNION ALL SELECT destination_name FROM peer_dispatches WHERE destination_name IS NOT NULL
    UNION ALL SELECT venue FROM meetings WHERE venue IS NOT NULL UNION ALL SELECT venue FROM training_events WHERE venue IS NOT NULL
    UNION ALL SELECT venue FROM community_events WHERE venue IS NOT NULL`).map((r) => r.t);
}

after(() => {
  if (process.env.KEEP_CRYPT_DB) fs.cpSync(dir, process.env.KEEP_CRYPT_DB, { recursive: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Every name and reading of `names` found in the raw bytes of `files`: full names and readings as
 * stored and as typed (with and without the space, hiragana), and each part on its own but for the
 * invented words the demo's organisations share (hospitals such as 見本ヶ丘病院, staff accounts such
 * as 岡山 のぞみ, which stay plain: not patients' data) and single characters (正, 学: in any Japanese text).
 */
function namesFoundIn(files: string[]): string[] {
  const texts = files.map((f) => ({ f, bytes: fs.readFileSync(f) }));
  const needles = new Set<string>();
  const hiragana = (v: string) => v.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  for (const n of names) {
    for (const [a, b] of [[n.familyName, n.givenName], [n.familyNameKana, n.givenNameKana], [hiragana(n.familyNameKana), hiragana(n.givenNameKana)]] as const) {
      needles.add(a + b);
      needles.add(`${a} ${b}`);
      needles.add(`${a}　${b}`);
    }
  }
  const organisational = organisationalTexts();
  for (const n of names) {
    for (const part of [n.familyName, n.givenName, n.familyNameKana, n.givenNameKana, hiragana(n.familyNameKana), hiragana(n.givenNameKana)]) {
      if ([...part].length >= 2 && !organisational.some((t) => t.includes(part))) needles.add(part);
    }
  }
  const found: string[] = [];
  for (const needle of needles) {
    const pattern = Buffer.from(needle, "utf8");
    for (const { f, bytes } of texts) if (bytes.includes(pattern)) found.push(`${needle} in ${path.basename(f)}`);
  }
  return found;
}

describe("encryption at rest", () => {
  test("the database file, its WAL and -shm hold no name or kana of any demo person or peer, the imported one included", () => {
    assert.ok(names.length > 100, `${names.length} identities`);
    const files = ["", "-wal", "-shm"].map((s) => process.env.DATABASE_PATH + s).filter((f) => fs.existsSync(f));
    assert.ok(files.some((f) => f.endsWith("-wal")), "the WAL is looked at too");
    assert.deepEqual(namesFoundIn(files), []);
  });

  test("a backup of the database (npm run db:backup) holds no name or kana either", async () => {
    const { backupDatabase } = await import("@/db/backup");
    const file = path.join(dir, "backup.db");
    backupDatabase(process.env.DATABASE_PATH!, file);
    assert.ok(fs.statSync(file).size > 100_000, "the backup holds the database");
    assert.deepEqual(namesFoundIn([file]), []);
  });

  test("the free text of case and outreach records is not in the files either", () => {
    const { getDb } = mod;
    const texts = new Set<string>();
    for (const table of FREE_TEXT_TABLES) {
      for (const column of encryptedColumnsOf(table)) {
        for (const r of getDb().select({ v: column }).from(table).all() as { v: string | null }[]) if (r.v && [...r.v].length >= 6) texts.add(r.v);
      }
    }
    assert.ok(texts.size > 20, `${texts.size} distinct free texts`);
    const bytes = ["", "-wal", "-shm"].map((s) => process.env.DATABASE_PATH + s).filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
    // A place typed as an office's own room (保健所 会議室) is also the venue of a meeting: not a patient's.
    const organisational = organisationalTexts();
    const found = [...texts].filter((t) => !organisational.includes(t) && bytes.some((b) => b.includes(Buffer.from(t, "utf8"))));
    assert.deepEqual(found, []);
    const raw = getDb().get<{ v: string }>(sql`SELECT summary AS v FROM case_activities WHERE summary IS NOT NULL LIMIT 1`)!;
    assert.match(raw.v, /^v1:/);
  });

  test("stored identity values are envelopes with the current key's id, and decrypt back", () => {
    const { getDb, schema, keyring } = mod;
    const raw = getDb().get<{ f: string; g: string; fk: string; gk: string; dob: string | null; kana: string }>(
      sql`SELECT family_name AS f, given_name AS g, family_name_kana AS fk, given_name_kana AS gk, date_of_birth AS dob, kana_key AS kana FROM person_identities WHERE person_id = (SELECT person_id FROM cases ORDER BY case_no LIMIT 1)`,
    )!;
    const id = keyring().current.id;
    for (const v of [raw.f, raw.g, raw.fk, raw.gk, raw.dob]) assert.ok(v?.startsWith(`v1:${id}:`), String(v));
    assert.match(raw.kana, /^[0-9a-f]{64}$/, "the kana key is an HMAC");
    const decrypted = getDb().select().from(schema.personIdentities).all();
    assert.ok(decrypted.some((i) => i.familyName === keyring().decrypt(raw.f) && i.givenNameKana === keyring().decrypt(raw.gk)));
    // Every envelope of the same text differs (a random IV).
    assert.notEqual(keyring().encrypt("同じ"), keyring().encrypt("同じ"));
    const history = getDb().get<{ changes: string }>(sql`SELECT changes FROM person_identity_history LIMIT 1`)!;
    assert.ok(history.changes.startsWith("v1:"), "a correction's old and new values are encrypted");
  });

  test("the data key is a file beside the database with mode 0600, and the data folder is 0700", () => {
    const keyFile = path.join(dir, "data.key");
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    assert.match(fs.readFileSync(keyFile, "utf8").trim(), /^[0-9a-f]{64}$/);
    const db = fs.readFileSync(process.env.DATABASE_PATH!);
    assert.ok(!db.includes(Buffer.from(fs.readFileSync(keyFile, "utf8").trim())), "the key is not in the database");
  });
});
