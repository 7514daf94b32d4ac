import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { listCasesForActor, type CaseListRow } from "@/lib/dal/case-list";
import { listMeetingsForActor } from "@/lib/dal/meetings";
import { listUsersForActor } from "@/lib/dal/users";
import { listRemindersForActor } from "@/lib/dal/reminders";
import { readAuditDetailText } from "@/lib/dal/audit";
import { openListExport, type ExportListKey, type OpenedExport } from "@/lib/export/lists";
import { csvStream } from "@/lib/export/stream";
import { catalogs } from "@/lib/i18n/messages";
import { makeTranslate } from "@/lib/i18n/translate";
import { caseListQuery } from "@/lib/list-queries";
import { fiscalYearOptions } from "@/lib/preferences";
import type { Cell } from "@/lib/export/stream";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * The list exports (ADR 0044) against the seeded demo data: the rows are the list page's rows
 * under the same query, across all pages and in the same order; identity only for a supervisor
 * who asks with a reason; another office's records never; prefecture staff never reach a person
 * list; every export audited before the file goes out; the hourly limit answers 429.
 */

const ctx = { t: makeTranslate(catalogs.ja), locale: "ja" as const };
const NO_IDENTITY = { requested: false };
const MANY = { exportsPerHour: 1_000_000 };

async function open(username: string, key: ExportListKey, params: Record<string, string> = {}, identity: { requested: boolean; reason?: string } = NO_IDENTITY, options: object = MANY) {
  return openListExport(actorFor(username), key, params, identity, "csv", ctx, { batch: 7, ...options });
}

function rowsOf(opened: OpenedExport): Cell[][] {
  return [...opened.batches].flat();
}

/** Every row of the case list page under `params`, page by page as the screen pages it. */
function screenCases(username: string, params: Record<string, string>): CaseListRow[] {
  const actor = actorFor(username);
  const { filter, req } = caseListQuery(actor, params);
  const out: CaseListRow[] = [];
  for (let page = 1; ; page++) {
    const p = listCasesForActor(actor, { ...req, page, pageSize: 20 }, filter);
    out.push(...p.rows);
    if (page * 20 >= p.total) return out;
  }
}

function lastExportAudit(username: string) {
  const actor = actorFor(username);
  const row = getDb()
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.actorUserId, actor.id), eq(auditLogs.action, "export")))
    .orderBy(desc(auditLogs.at), desc(auditLogs.id))
    .get();
  assert.ok(row, "an export audit row");
  return { ...row, detail: JSON.parse(readAuditDetailText(row) ?? "{}") as Record<string, unknown> };
}

before(async () => {
  await seededDb();
});

describe("list exports", () => {
  test("the case export holds the list's filtered rows across all pages, in the list's order", async () => {
    for (const params of [{}, { closed: "1" }, { closed: "1", sort: "kana", dir: "desc" }, { phase: "referral" }] as Record<string, string>[]) {
      const screen = screenCases("bizen.sup", params);
      const opened = await open("bizen.sup", "cases", params);
      assert.ok(opened.ok);
      const rows = rowsOf(opened);
      assert.equal(opened.total, screen.length, JSON.stringify(params));
      assert.deepEqual(
        rows.map((r) => r[0]),
        screen.map((c) => c.caseNo),
        `same rows, same order for ${JSON.stringify(params)}`,
      );
    }
    assert.ok(screenCases("bizen.sup", { closed: "1" }).length > 7, "more rows than one export batch (the test pages)");
  });

  test("a coordinator's export has no identity columns even when asked", async () => {
    const names = screenCases("bizen.coord", { closed: "1" }).map((c) => c.name);
    assert.ok(names.length > 0);
    const opened = await open("bizen.coord", "cases", { closed: "1" }, { requested: true, reason: "会議資料" });
    assert.ok(opened.ok);
    assert.equal(opened.withIdentity, false);
    assert.ok(!opened.header.includes("氏名") && !opened.header.includes("ふりがな"));
    const text = JSON.stringify(rowsOf(opened));
    for (const name of names) assert.ok(!text.includes(name), `no name in the file (${name})`);
    assert.equal(lastExportAudit("bizen.coord").detail.withIdentity, false);
  });

  test("a supervisor gets names only with a reason, and the reason is in the audit", async () => {
    const refused = await open("bizen.sup", "cases", {}, { requested: true, reason: " " });
    assert.deepEqual(refused, { ok: false, status: 400, error: "reason_required" });

    const plain = await open("bizen.sup", "cases");
    assert.ok(plain.ok && !plain.withIdentity && !plain.header.includes("氏名"));

    const opened = await open("bizen.sup", "cases", { closed: "1" }, { requested: true, reason: "地域移行推進会議の資料" });
    assert.ok(opened.ok && opened.withIdentity);
    assert.equal(opened.header[1], "氏名");
    const rows = rowsOf(opened);
    const screen = screenCases("bizen.sup", { closed: "1" });
    assert.deepEqual(
      rows.map((r) => r[1]),
      screen.map((c) => c.name),
    );
    const audit = lastExportAudit("bizen.sup");
    assert.equal(audit.entityType, "case_list");
    assert.equal(audit.detail.withIdentity, true);
    assert.equal(audit.detail.reason, "地域移行推進会議の資料");
    assert.equal(audit.detail.rows, screen.length);
    assert.equal(audit.detail.list, "cases");
    assert.deepEqual(audit.detail.filter, JSON.parse(JSON.stringify(caseListQuery(actorFor("bizen.sup"), { closed: "1" }).filter)));
  });

  test("another office's records are never in the export", async () => {
    const bizen = new Set(screenCases("bizen.sup", { closed: "1" }).map((c) => c.caseNo));
    const bitchu = new Set(screenCases("bitchu.sup", { closed: "1" }).map((c) => c.caseNo));
    assert.ok(bizen.size > 0 && bitchu.size > 0);
    for (const [username, own, other] of [
      ["bitchu.sup", bitchu, bizen],
      ["bizen.sup", bizen, bitchu],
    ] as const) {
      const opened = await open(username, "cases", { closed: "1", scope: "office" });
      assert.ok(opened.ok);
      const exported = rowsOf(opened).map((r) => String(r[0]));
      assert.ok(exported.length > 0 && exported.every((no) => own.has(no)), `${username}: only its own offices' cases`);
      assert.ok(exported.every((no) => !other.has(no)), `${username}: none of the other office's cases`);
    }
    // A filter naming another office's coordinator matches nothing of theirs.
    const outreach = await open("bitchu.sup", "outreach", { closed: "1", scope: "office" });
    assert.ok(outreach.ok);
  });

  test("prefecture staff never reach a person list; they export activity lists without names", async () => {
    await assert.rejects(() => open("okayama.pref", "cases"), /not_found|forbidden|notFound|Forbidden/i);
    await assert.rejects(() => open("okayama.pref", "outreach"), /not_found|forbidden|notFound|Forbidden/i);
    const opened = await open("okayama.pref", "meetings", { fy: "all" }, { requested: true, reason: "理由あり" });
    assert.ok(opened.ok);
    assert.equal(opened.withIdentity, false);
    const screen = listMeetingsForActor(actorFor("okayama.pref"), { page: 1, pageSize: 10_000, sort: "date", dir: "desc" }, {});
    assert.equal(opened.total, screen.total);
    assert.deepEqual(
      rowsOf(opened).map((r) => r[2]),
      screen.rows.map((m) => m.title),
    );
  });

  test("the other record lists export through their own list functions", async () => {
    for (const key of ["outreach", "peers", "dispatches", "meetings", "trainings", "events", "kyogi"] as const) {
      // 協議の場 counts a year's sessions: it takes a year, never "all".
      const opened = await open("bizen.sup", key, { fy: key === "kyogi" ? String(fiscalYearOptions()[0]) : "all", closed: "1" });
      assert.ok(opened.ok, key);
      const rows = rowsOf(opened);
      assert.equal(rows.length, opened.total, `${key}: every row`);
      assert.ok(rows.every((r) => r.length === opened.header.length), `${key}: one cell per column`);
      const audit = lastExportAudit("bizen.sup");
      assert.equal(audit.detail.list, key);
      assert.equal(audit.detail.rows, opened.total);
    }
  });

  test("the admin's account list: the prefecture's accounts only; office staff are refused", async () => {
    const opened = await open("okayama.admin", "users", { sort: "role" });
    assert.ok(opened.ok);
    const screen = listUsersForActor(actorFor("okayama.admin"), { page: 1, pageSize: 10_000, sort: "role", dir: "asc" }, {});
    assert.deepEqual(
      rowsOf(opened).map((r) => r[0]),
      screen.rows.map((u) => u.username),
    );
    assert.ok(!rowsOf(opened).some((r) => String(r[0]).startsWith("ube.")), "no 山口県 account");
    await assert.rejects(() => open("bizen.sup", "users"), /not_found|forbidden|notFound|Forbidden/i);
  });

  test("the caseload (supervisors, counts only) and the hospital master (admins) export as their pages show them", async () => {
    const caseload = await open("bizen.sup", "caseload");
    assert.ok(caseload.ok);
    const rows = rowsOf(caseload);
    const openCases = screenCases("bizen.sup", {}).length;
    assert.equal(rows.reduce((n, r) => n + Number(r.at(-1)), 0), openCases, "the per-coordinator totals add up to the open cases");
    await assert.rejects(() => openListExport(actorFor("bizen.coord"), "caseload", {}, NO_IDENTITY, "csv", ctx, MANY), /not_found|forbidden|notFound|Forbidden/i);
    const hospitals = await open("okayama.admin", "hospitals");
    assert.ok(hospitals.ok && hospitals.total > 0);
    await assert.rejects(() => openListExport(actorFor("bizen.sup"), "hospitals", {}, NO_IDENTITY, "csv", ctx, MANY), /not_found|forbidden|notFound|Forbidden/i);
  });

  test("the schedule: the page's reminders in its order; names only with a supervisor's reason", async () => {
    const screen = listRemindersForActor(actorFor("bizen.sup"), "office").items;
    assert.ok(screen.length > 0);
    const plain = await open("bizen.sup", "schedule", { scope: "office" });
    assert.ok(plain.ok && !plain.header.includes("氏名"));
    assert.deepEqual(
      rowsOf(plain).map((r) => [r[0], r[3]]),
      screen.map((r) => [r.date, r.code]),
    );
    const named = await open("bizen.sup", "schedule", { scope: "office" }, { requested: true, reason: "週次の打合せ" });
    assert.ok(named.ok && named.withIdentity);
    assert.deepEqual(
      rowsOf(named).map((r) => r[4]),
      screen.map((r) => r.name),
    );
  });

  test("over the hourly limit the export is refused (429), and the refusal does not count", async () => {
    const first = await open("tobi.coord", "cases", {}, NO_IDENTITY, { exportsPerHour: 2 });
    const second = await open("tobi.coord", "cases", {}, NO_IDENTITY, { exportsPerHour: 2 });
    assert.ok(first.ok && second.ok);
    const refused = await open("tobi.coord", "cases", {}, NO_IDENTITY, { exportsPerHour: 2 });
    assert.deepEqual(refused, { ok: false, status: 429, error: "throttled", limit: 2 });
    // The refusal is audited as a view, so it does not use up the next hour's allowance.
    assert.ok((await open("tobi.coord", "cases", {}, NO_IDENTITY, { exportsPerHour: 3 })).ok);
    assert.equal((await open("tobi.coord", "cases", {}, NO_IDENTITY, { exportsPerHour: 3 })).ok, false);
    // An hour later the window is empty again.
    assert.ok((await open("tobi.coord", "cases", {}, NO_IDENTITY, { exportsPerHour: 1, now: new Date(Date.now() + 61 * 60 * 1000) })).ok);
  });

  test("the CSV of an export starts with the BOM and the header, CRLF lines", async () => {
    const opened = await open("bizen.sup", "cases", { closed: "1" });
    assert.ok(opened.ok);
    const bytes = new Uint8Array(await new Response(csvStream(opened.header, opened.batches)).arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    assert.ok(text.startsWith(`\uFEFF"${opened.header[0]}",`), "BOM then the quoted header");
    const lines = text.slice(1).split("\r\n");
    assert.equal(lines.at(-1), "", "ends with CRLF");
    assert.equal(lines.length - 2, opened.total, "header + one line per row");
  });
});
