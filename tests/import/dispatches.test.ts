import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq, gte, lte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters, peerDispatchMembers, peerDispatches, peerSupporters } from "@/db/schema";
import { todayIso } from "@/lib/domain/fiscal-year";
import { DISPATCH_COLUMNS } from "@/lib/import/dispatches";
import { runImport, type ImportResult } from "@/lib/import/run";
import { headerNames, japaneseHeader, templateRows } from "@/lib/import/template";
import { actorFor, seededDb } from "../helpers/test-db";

/* Import of peer dispatches (ADR 0043): DispatchCreateSchema and createDispatch / updateDispatch, row by row in savepoints. */

const HEADERS = DISPATCH_COLUMNS.map(japaneseHeader);
let bizen = "";
let peerCodes: string[] = [];
const today = todayIso();

function row(overrides: Record<string, string> = {}): string[] {
  const values: Record<string, string> = {
    officeId: bizen,
    date: today,
    startTime: "１３時半",
    endTime: "15:00",
    status: "実施",
    purpose: "院内茶話会・交流会",
    destinationKind: "会場",
    destinationName: "取込テスト会場",
    audienceCount: "8",
    members: peerCodes.slice(0, 2).join("、"),
    hours: "1.5",
    honorariumYen: "3,000",
    travelYen: "",
    ...overrides,
  };
  return DISPATCH_COLUMNS.map((c) => values[c.field] ?? "");
}
const csv = (rows: string[][]) => [HEADERS, ...rows].map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(",")).join("\r\n");

async function importDispatches(rows: string[][], mode: "preview" | "commit", username = "bizen.coord"): Promise<Extract<ImportResult, { ok: true }>> {
  const result = await runImport(actorFor(username), "dispatches", new TextEncoder().encode(csv(rows)), { mode, headerNames, fileName: "d.csv", importsPerHour: 1_000_000 });
  assert.ok(result.ok, JSON.stringify(result));
  return result as Extract<ImportResult, { ok: true }>;
}
const dispatchesAt = (place: string) => getDb().select().from(peerDispatches).where(eq(peerDispatches.destinationName, place)).all();

before(async () => {
  await seededDb();
  bizen = getDb().select({ name: healthCenters.name }).from(healthCenters).where(eq(healthCenters.id, "33-bizen")).get()!.name;
  peerCodes = getDb()
    .select({ code: peerSupporters.displayCode })
    .from(peerSupporters)
    .where(and(eq(peerSupporters.officeId, "33-bizen"), eq(peerSupporters.status, "active"), lte(peerSupporters.registeredOn, today), gte(peerSupporters.expiresOn, today)))
    .all()
    .map((p) => p.code);
  assert.ok(peerCodes.length >= 2, "the demo data has two active 備前 peers");
});

describe("importing peer dispatches", () => {
  test("preview writes nothing; commit writes the dispatch and a member row per peer; again is unchanged; changed hours update it", async () => {
    const preview = await importDispatches([row()], "preview");
    assert.deepEqual([preview.create, preview.errors, dispatchesAt("取込テスト会場").length], [1, [], 0]);
    assert.equal((await importDispatches([row()], "commit")).create, 1);
    const [stored] = dispatchesAt("取込テスト会場");
    assert.equal(stored!.startTime, "13:30");
    const members = getDb().select().from(peerDispatchMembers).where(eq(peerDispatchMembers.dispatchId, stored!.id)).all();
    assert.deepEqual(members.map((m) => [m.hours, m.honorariumYen]), [[1.5, 3000], [1.5, 3000]]);
    const again = await importDispatches([row()], "commit");
    assert.deepEqual([again.create, again.update, again.unchanged], [0, 0, 1]);
    const changed = await importDispatches([row({ hours: "2" })], "commit");
    assert.deepEqual([changed.create, changed.update, changed.unchanged], [0, 1, 0]);
    assert.equal(dispatchesAt("取込テスト会場").length, 1);
  });

  test("an unknown peer number, a bad time and a missing destination are row errors; nothing is written", async () => {
    const result = await importDispatches([row({ destinationName: "全部か無か" }), row({ destinationName: "番号", members: "ZZ-999" }), row({ destinationName: "時刻", startTime: "25時" }), row({ destinationName: "" })], "commit");
    assert.equal(result.committed, false);
    assert.deepEqual(result.errors.map((e) => [e.row, e.column]), [[3, "派遣したピアサポーター"], [4, "開始時刻"], [5, "派遣先の名称"]]);
    assert.equal(dispatchesAt("全部か無か").length, 0);
  });

  test("the template's example row imports as it is (a real peer of the office, today)", async () => {
    const [header, example] = templateRows(actorFor("bizen.coord"), "dispatches");
    assert.deepEqual(header, HEADERS);
    const result = await importDispatches([example!], "preview");
    assert.deepEqual(result.errors, []);
  });
});
