import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, count, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters, meetingAttendance, meetings } from "@/db/schema";
import { MEETING_COLUMNS } from "@/lib/import/meetings";
import { runImport, type ImportResult } from "@/lib/import/run";
import { headerNames, japaneseHeader, templateRows } from "@/lib/import/template";
import { actorFor, seededDb } from "../helpers/test-db";

/* Import of meetings (ADR 0043): MeetingCreateSchema and createMeeting / updateMeeting, row by row in savepoints. */

const HEADERS = MEETING_COLUMNS.map(japaneseHeader);
let bizen = "";
let tobi = "";

function row(overrides: Record<string, string> = {}): string[] {
  const values: Record<string, string> = { officeId: bizen, kind: "地域移行推進検討会", date: "R6.5.20", title: "取込の検討会", venue: "会議室", targetsReviewed: "はい", att_health: "３", att_medical_psych: "2", ...overrides };
  return MEETING_COLUMNS.map((c) => values[c.field] ?? "");
}
const csv = (rows: string[][]) => [HEADERS, ...rows].map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(",")).join("\r\n");

async function importMeetings(rows: string[][], mode: "preview" | "commit", username = "bizen.coord"): Promise<Extract<ImportResult, { ok: true }>> {
  const result = await runImport(actorFor(username), "meetings", new TextEncoder().encode(csv(rows)), { mode, headerNames, fileName: "m.csv", importsPerHour: 1_000_000 });
  assert.ok(result.ok, JSON.stringify(result));
  return result as Extract<ImportResult, { ok: true }>;
}
const meetingsTitled = (title: string) => getDb().select().from(meetings).where(eq(meetings.title, title)).all();

before(async () => {
  await seededDb();
  bizen = getDb().select({ name: healthCenters.name }).from(healthCenters).where(eq(healthCenters.id, "33-bizen")).get()!.name;
  tobi = getDb().select({ name: healthCenters.name }).from(healthCenters).where(eq(healthCenters.id, "33-tobi")).get()!.name;
});

describe("importing meetings", () => {
  test("preview writes nothing; commit writes the meeting and its attendance; the same file again is unchanged; a changed count is an update", async () => {
    const file = [row()];
    const preview = await importMeetings(file, "preview");
    assert.deepEqual([preview.create, preview.errors.length, meetingsTitled("取込の検討会").length], [1, 0, 0]);
    const done = await importMeetings(file, "commit");
    assert.equal(done.committed, true);
    const [stored] = meetingsTitled("取込の検討会");
    assert.equal(stored!.date, "2024-05-20");
    assert.equal(stored!.targetsReviewed, true);
    const attendance = getDb().select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, stored!.id)).all();
    assert.deepEqual(attendance.map((a) => [a.sector, a.count]).sort(), [["health", 3], ["medical_psych", 2]]);
    const again = await importMeetings(file, "commit");
    assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 1]);
    const changed = await importMeetings([row({ att_health: "4" })], "commit");
    assert.deepEqual([changed.create, changed.update, changed.unchanged], [0, 1, 0]);
    assert.equal(meetingsTitled("取込の検討会").length, 1);
  });

  test("one bad row (out-of-reach host, unknown kind, a bad checkbox, an impossible date) and nothing is written", async () => {
    const result = await importMeetings(
      [row({ title: "全部か無か" }), row({ title: "他所", officeId: tobi }), row({ title: "種別", kind: "お茶会" }), row({ title: "印", advisorDispatched: "たぶん" }), row({ title: "日付", date: "2021-02-30" })],
      "commit",
    );
    assert.equal(result.committed, false);
    assert.deepEqual(result.errors.map((e) => [e.row, e.column]), [[3, "主催"], [4, "会議の種別"], [5, "アドバイザーを派遣した"], [6, "開催日"]]);
    assert.equal(meetingsTitled("全部か無か").length, 0);
  });

  test("prefecture staff import the prefecture's own meetings (host = the prefecture's name), not an office's", async () => {
    const result = await importMeetings([row({ officeId: "岡山県", title: "県の会議", kind: "県地域生活移行推進会議" }), row({ title: "県から保健所へ" })], "commit", "okayama.pref");
    assert.deepEqual(result.errors.map((e) => [e.row, e.column]), [[3, "主催"]]);
    const fixed = await importMeetings([row({ officeId: "岡山県", title: "県の会議", kind: "県地域生活移行推進会議" })], "commit", "okayama.pref");
    assert.equal(fixed.create, 1);
    const n = (getDb().select({ n: count() }).from(meetings).where(and(eq(meetings.title, "県の会議"), isNull(meetings.officeId))).all() as [{ n: number }])[0].n;
    assert.equal(n, 1);
  });

  test("the template's example row imports as it is", async () => {
    const [header, example] = templateRows(actorFor("bizen.coord"), "meetings");
    assert.deepEqual(header, HEADERS);
    const result = await importMeetings([example!], "preview");
    assert.deepEqual(result.errors, []);
  });
});
