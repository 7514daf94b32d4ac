import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, cases, personIdentities, users } from "@/db/schema";
import { acceptTransfer, listIncomingTransfers, listTransferredOut, requestTransfer } from "@/lib/dal/case-transfers";
import { createTarget, listTargetsForActor } from "@/lib/dal/indicator-targets";
import { TargetCreateSchema } from "@/lib/validation/indicator-targets";
import { listOfficesForActor } from "@/lib/dal/org";
import { reviewAccountsForActor } from "@/lib/dal/account-review";
import { getHostelTableForActor, getPhoneTableForActor } from "@/lib/dal/monthly-figures";
import { getMunicipalStatusTableForActor } from "@/lib/dal/kyogi";
import { fiscalYearOptions } from "@/lib/preferences";
import { listStatisticsForActor } from "@/lib/dal/statistics";
import { readAuditDetailText } from "@/lib/dal/audit";
import { openListExport, type ExportListKey, type OpenedExport } from "@/lib/export/lists";
import { catalogs } from "@/lib/i18n/messages";
import { makeTranslate } from "@/lib/i18n/translate";
import { accountReviewQuery, officeListQuery, statisticListQuery, targetListQuery } from "@/lib/list-queries";
import type { Cell } from "@/lib/export/stream";
import { STATISTIC_TOPIC_LABELS } from "@/lib/domain/statistic-codes";
import { formatStatisticReference } from "@/lib/domain/statistic-rules";
import { addCase } from "../helpers/indicator-fixtures";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * The exports of the remaining lists (ADR 0044): 移管, the offices, 外部統計 and 目標値. Each
 * holds the page's rows under the page's query, in its order; a role the page refuses is refused;
 * the transfer requests' names and reasons leave only with a supervisor's reason.
 */

const ctx = { t: makeTranslate(catalogs.ja), locale: "ja" as const };
const NO_IDENTITY = { requested: false };
const REFUSED = /not_found|forbidden|notFound|Forbidden/i;

async function open(username: string, key: ExportListKey, params: Record<string, string> = {}, identity: { requested: boolean; reason?: string } = NO_IDENTITY) {
  return openListExport(actorFor(username), key, params, identity, "csv", ctx, { batch: 3, exportsPerHour: 1_000_000 });
}

function rowsOf(opened: OpenedExport): Cell[][] {
  return [...opened.batches].flat();
}

function lastExportAudit(username: string) {
  const row = getDb()
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.actorUserId, actorFor(username).id), eq(auditLogs.action, "export")))
    .orderBy(desc(auditLogs.at), desc(auditLogs.id))
    .get();
  assert.ok(row, "an export audit row");
  return { ...row, detail: JSON.parse(readAuditDetailText(row) ?? "{}") as Record<string, unknown> };
}

const userId = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!.id;
const caseRow = (id: string) => getDb().select().from(cases).where(eq(cases.id, id)).get()!;

/** A 備前 case with a name, asked to move to 美作 (optionally accepted there). */
function transferBizenCase(familyName: string, accept: boolean) {
  const c = addCase({ officeId: "33-bizen", indexAdmissionDate: "2010-05-01", supportStartDate: "2016-06-01", dischargeDate: "2016-10-01" });
  getDb().update(cases).set({ coordinatorUserId: userId("bizen.coord") }).where(eq(cases.id, c.id)).run();
  getDb()
    .insert(personIdentities)
    .values({ personId: c.personId, familyName, givenName: "一郎", familyNameKana: "いかん", givenNameKana: "いちろう", kanaKey: "いかんいちろう", updatedAt: "2016-06-01T00:00:00.000Z" })
    .run();
  const tid = requestTransfer(actorFor("bizen.sup"), { caseId: c.id, version: caseRow(c.id).version, toOfficeId: "33-mimasaka", reason: "転居のため" });
  if (accept) {
    const incoming = listIncomingTransfers(actorFor("mimasaka.sup")).find((x) => x.id === tid)!;
    acceptTransfer(actorFor("mimasaka.sup"), { transferId: tid, version: incoming.version, coordinatorUserId: userId("mimasaka.coord") });
  }
  return caseRow(c.id).caseNo;
}

before(async () => {
  await seededDb();
});

describe("the remaining list exports", () => {
  test("移管: the open requests then the cases transferred out, as the page lists them; names only with a reason", async () => {
    const waiting = transferBizenCase("移管待", false);
    const moved = transferBizenCase("移管済", true);

    // The receiving office: the request, its names withheld unless a supervisor gives a reason.
    const incoming = listIncomingTransfers(actorFor("mimasaka.sup"));
    assert.ok(incoming.some((x) => x.caseNo === waiting));
    const plain = await open("mimasaka.sup", "transfers");
    assert.ok(plain.ok && !plain.withIdentity);
    assert.ok(!plain.header.includes("氏名") && !plain.header.includes("理由"));
    const plainRows = rowsOf(plain);
    assert.deepEqual(
      plainRows.filter((r) => r[0] === "受け入れの依頼").map((r) => r[1]),
      incoming.map((x) => x.caseNo),
    );
    assert.ok(!JSON.stringify(plainRows).includes("移管待"), "no name without identity");

    const named = await open("mimasaka.sup", "transfers", {}, { requested: true, reason: "移管の確認" });
    assert.ok(named.ok && named.withIdentity);
    const nameAt = named.header.indexOf("氏名");
    assert.ok(nameAt > 0);
    assert.ok(rowsOf(named).some((r) => r[1] === waiting && r[nameAt] === "移管待 一郎"));
    const audit = lastExportAudit("mimasaka.sup");
    assert.equal(audit.entityType, "case_transfer_inbox");
    assert.equal(audit.detail.reason, "移管の確認");
    assert.equal(audit.detail.rows, named.total);

    // The sending office: the case transferred out, after its own open requests (none here).
    const out = listTransferredOut(actorFor("bizen.sup"));
    assert.ok(out.some((o) => o.caseNo === moved));
    const sent = await open("bizen.sup", "transfers");
    assert.ok(sent.ok);
    const sentRows = rowsOf(sent);
    assert.deepEqual(
      sentRows.filter((r) => r[0] === "転出したケース" || r[0] === ctx.t("transfer.out.title")).map((r) => r[1]),
      out.map((o) => o.caseNo),
    );
    assert.equal(sentRows.length, listIncomingTransfers(actorFor("bizen.sup")).length + out.length);

    // Only the page's role: coordinators, prefecture staff and admins are refused.
    for (const username of ["bizen.coord", "okayama.pref", "okayama.admin"]) await assert.rejects(() => open(username, "transfers"), REFUSED, username);
  });

  test("the offices: the page's rows in the page's sort, for every role that opens the page", async () => {
    for (const [username, params] of [
      ["bizen.sup", {}],
      ["okayama.pref", { sort: "municipalities", dir: "desc" }],
      ["okayama.admin", { sort: "region" }],
    ] as const) {
      const actor = actorFor(username);
      const { req } = officeListQuery(actor, params);
      const screen = listOfficesForActor(actor, { ...req, page: 1, pageSize: 10_000 });
      const opened = await open(username, "offices", params);
      assert.ok(opened.ok);
      assert.ok(screen.total > 0);
      assert.equal(opened.total, screen.total);
      assert.deepEqual(
        rowsOf(opened).map((r) => r[0]),
        screen.rows.map((o) => o.name),
        `${username} ${JSON.stringify(params)}`,
      );
      assert.equal(lastExportAudit(username).entityType, "office_list");
    }
    // Prefecture staff see no staff counts (the page has no such column for them).
    const pref = await open("okayama.pref", "offices");
    assert.ok(pref.ok && rowsOf(pref).every((r) => r.at(-1) === null));
    // Another prefecture's offices are not in 岡山's file.
    const okayama = await open("okayama.pref", "offices");
    assert.ok(okayama.ok);
    const yamaguchiOffices = listOfficesForActor(actorFor("yamaguchi.pref"), { page: 1, pageSize: 10_000, sort: "name", dir: "asc" }).rows.map((o) => o.name);
    assert.ok(yamaguchiOffices.length > 0);
    assert.ok(rowsOf(okayama).every((r) => !yamaguchiOffices.includes(String(r[0]))));
  });

  test("外部統計 and 目標値: the input pages' rows under their filters; admins are refused", async () => {
    for (const params of [{}, { topic: "population" }] as Record<string, string>[]) {
      const actor = actorFor("okayama.pref");
      const screen = listStatisticsForActor(actor, statisticListQuery(actor, params).filter);
      const opened = await open("okayama.pref", "statistics", params);
      assert.ok(opened.ok);
      assert.equal(opened.total, screen.length, JSON.stringify(params));
      assert.deepEqual(
        rowsOf(opened).map((r) => [r[0], r[1]]),
        screen.map((s) => [STATISTIC_TOPIC_LABELS[s.topic].ja, formatStatisticReference(s, "ja")]),
        JSON.stringify(params),
      );
    }
    const all = listStatisticsForActor(actorFor("bizen.coord"));
    assert.ok(all.length > 0, "the seed has statistics");
    const coord = await open("bizen.coord", "statistics");
    assert.ok(coord.ok && coord.total === all.length);
    const populationAt = coord.header.findIndex((h) => h.startsWith("人口"));
    const population = all.find((s) => s.values.population !== undefined);
    if (population) assert.ok(rowsOf(coord).some((r) => r[populationAt] === population.values.population), "a value stays a number");
    await assert.rejects(() => open("okayama.admin", "statistics"), REFUSED);

    const pref = actorFor("okayama.pref");
    for (const overrides of [{}, { indicatorCode: "A5", scope: "office:33-tobi", fiscalYear: "2027" }, { indicatorCode: "A9", planPeriodId: "shogai_fukushi-8", fiscalYear: "" }]) {
      createTarget(pref, TargetCreateSchema.parse({ indicatorCode: "A11", scope: "prefecture", planPeriodId: "", fiscalYear: "2028", comparator: "gte", value: "30", text: "", baselineValue: "", baselineFiscalYear: "", source: "", ...overrides }));
    }
    for (const params of [{}, { scope: "prefecture" }, { scope: "office:33-tobi" }, { fy: "2028" }, { indicator: "A9" }] as Record<string, string>[]) {
      const actor = actorFor("okayama.pref");
      const screen = listTargetsForActor(actor, targetListQuery(actor, params).filter);
      assert.ok(screen.length > 0, JSON.stringify(params));
      const opened = await open("okayama.pref", "targets", params);
      assert.ok(opened.ok);
      assert.deepEqual(
        rowsOf(opened).map((r) => [r[0], r[5]]),
        screen.map((x) => [x.indicatorCode, x.value]),
        JSON.stringify(params),
      );
    }
    const bizen = await open("bizen.sup", "targets", { scope: "office:33-tobi" });
    assert.ok(bizen.ok && bizen.total === 1, "office staff read the prefecture's targets");
    assert.equal(lastExportAudit("okayama.pref").entityType, "indicator_target");
    await assert.rejects(() => open("okayama.admin", "targets"), REFUSED);
  });

  test("アカウントの棚卸し: the reviewer's accounts in the page's sort; roles without the review are refused", async () => {
    for (const [username, params] of [
      ["okayama.admin", { sort: "role" }],
      ["bizen.sup", {}],
    ] as const) {
      const actor = actorFor(username);
      const { req } = accountReviewQuery(actor, params);
      const screen = reviewAccountsForActor(actor, { ...req, page: 1, pageSize: 10_000 });
      const opened = await open(username, "accounts", params);
      assert.ok(opened.ok && screen.total > 0);
      assert.deepEqual(
        rowsOf(opened).map((r) => r[0]),
        screen.rows.map((u) => u.username),
        username,
      );
      assert.equal(lastExportAudit(username).entityType, "account_review");
    }
    const bizen = await open("bizen.sup", "accounts");
    assert.ok(bizen.ok && !rowsOf(bizen).some((r) => String(r[0]).startsWith("bitchu.")), "a supervisor: their offices' staff only");
    for (const username of ["bizen.coord", "okayama.pref"]) await assert.rejects(() => open(username, "accounts"), REFUSED, username);
  });

  test("the monthly reports: each item's twelve months and year total as the page's tables; admins are refused", async () => {
    const pref = actorFor("okayama.pref");
    const fy = fiscalYearOptions().find((y) => getPhoneTableForActor(pref, y).months.some((m) => m.figures));
    assert.ok(fy, "the seed has a year of phone-line reports");
    const phone = getPhoneTableForActor(pref, fy);
    const opened = await open("bizen.coord", "phone", { fy: String(fy) });
    assert.ok(opened.ok);
    assert.deepEqual(opened.header.slice(2, 4), ["4月", "5月"]);
    assert.equal(opened.header.at(-2), "3月");
    const calls = rowsOf(opened).find((r) => r[1] === ctx.t("activities.monthly.phone.fields.callsTotal"));
    assert.ok(calls);
    assert.deepEqual(
      calls.slice(2, 14),
      phone.months.map((m) => m.figures?.callsTotal ?? null),
    );
    assert.equal(
      calls.at(-1),
      phone.months.reduce((n, m) => n + (m.figures?.callsTotal ?? 0), 0),
    );
    assert.equal(lastExportAudit("bizen.coord").entityType, "phone_line_month");

    const hostel = getHostelTableForActor(pref, fy);
    const hostelFile = await open("okayama.pref", "hostel", { fy: String(fy) });
    assert.ok(hostelFile.ok);
    const rooms = rowsOf(hostelFile).find((r) => r[0] === ctx.t("activities.monthly.hostel.fields.rooms"));
    assert.ok(rooms);
    assert.deepEqual(
      rooms.slice(1, 13),
      hostel.months.map((m) => m.figures?.rooms ?? null),
    );
    assert.equal(rooms.at(-1), null, "rooms are no sum of the months");
    for (const key of ["phone", "hostel"] as const) await assert.rejects(() => open("okayama.admin", key, { fy: String(fy) }), REFUSED, key);
  });

  test("市町村の協議の場: every municipality's stored status for the year, for the prefecture role only", async () => {
    const pref = actorFor("okayama.pref");
    const fy = fiscalYearOptions().find((y) => getMunicipalStatusTableForActor(pref, y).rows.some((r) => r.recorded)) ?? fiscalYearOptions()[0]!;
    const table = getMunicipalStatusTableForActor(pref, fy);
    assert.ok(table.rows.length > 0);
    const opened = await open("okayama.pref", "kyogi-status", { fy: String(fy) });
    assert.ok(opened.ok);
    const rows = rowsOf(opened);
    assert.deepEqual(
      rows.map((r) => [r[0], r[5]]),
      table.rows.map((r) => [r.name, r.values?.meetingsHeld ?? null]),
    );
    assert.equal(lastExportAudit("okayama.pref").entityType, "municipal_kyogi_status");
    // Another prefecture's municipalities are not in 岡山's file.
    const yamaguchi = getMunicipalStatusTableForActor(actorFor("yamaguchi.pref"), fy).rows.map((r) => r.name);
    assert.ok(yamaguchi.length > 0 && rows.every((r) => !yamaguchi.includes(String(r[0]))));
    for (const username of ["bizen.sup", "bizen.coord", "okayama.admin"]) await assert.rejects(() => open(username, "kyogi-status", { fy: String(fy) }), REFUSED, username);
  });
});
