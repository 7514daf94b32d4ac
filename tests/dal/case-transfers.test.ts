import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, caseTransfers, cases, personIdentities, users } from "@/db/schema";
import { acceptTransfer, cancelTransfer, declineTransfer, listIncomingTransfers, listTransferredOut, listTransfersOfCase, requestTransfer, transferTargetsFor } from "@/lib/dal/case-transfers";
import { getCaseForActor } from "@/lib/dal/cases";
import { countScopeOf, type ScopeRef } from "@/lib/dal/count-scope";
import { IndicatorContext } from "@/lib/dal/indicators/context";
import { computeFor } from "@/lib/dal/indicators/registry";
import { describeRecordsForActor } from "@/lib/dal/indicators/records";
import { lockYear } from "@/lib/dal/year-close";
import { currentFiscalYear, todayIso } from "@/lib/domain/fiscal-year";
import { addCase, addFollowUp } from "../helpers/indicator-fixtures";
import { thrown } from "../helpers/dal-asserts";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * Transfer of a case within the prefecture (ADR 0032), through the DAL: who may ask, who may
 * decide, what each side sees before and after, and the figures per office by date (a past,
 * locked year of either office does not move).
 */

const BIZEN: ScopeRef = { level: "office", officeId: "33-bizen" };
const MIMASAKA: ScopeRef = { level: "office", officeId: "33-mimasaka" };
const PREF: ScopeRef = { level: "prefecture" };
const userId = (username: string) => getDb().select().from(users).where(eq(users.username, username)).get()!.id;
const caseRow = (id: string) => getDb().select().from(cases).where(eq(cases.id, id)).get()!;
const transferRow = (id: string) => getDb().select().from(caseTransfers).where(eq(caseTransfers.id, id)).get()!;
const value = (code: string, ref: ScopeRef, fy: number) => computeFor(code)(new IndicatorContext(countScopeOf("33", ref), ref, fy, todayIso())).value;
const PAST = 2016;

/** A case of 備前 supported since FY2016 and discharged in it, still open. */
function bizenCase() {
  const c = addCase({ officeId: "33-bizen", indexAdmissionDate: "2010-05-01", supportStartDate: "2016-06-01", dischargeDate: "2016-10-01" });
  getDb().update(cases).set({ coordinatorUserId: userId("bizen.coord") }).where(eq(cases.id, c.id)).run();
  addFollowUp(c.id, 1, "2016-11-01", "2016-11-01");
  getDb()
    .insert(personIdentities)
    .values({ personId: c.personId, familyName: "移管", givenName: "一郎", familyNameKana: "いかん", givenNameKana: "いちろう", kanaKey: "いかんいちろう", updatedAt: "2016-06-01T00:00:00.000Z" })
    .run();
  return c.id;
}

const request = (caseId: string, username = "bizen.sup", toOfficeId = "33-mimasaka") =>
  requestTransfer(actorFor(username), { caseId, version: caseRow(caseId).version, toOfficeId, reason: "転居のため" });

before(async () => {
  await seededDb();
});

describe("asking for a transfer", () => {
  test("a coordinator cannot ask; a supervisor of another office cannot either", () => {
    const id = bizenCase();
    assert.equal(thrown(() => request(id, "bizen.coord")).code, "not_found");
    assert.equal(thrown(() => request(id, "mimasaka.sup")).code, "not_found");
    assert.equal(getDb().select().from(caseTransfers).where(eq(caseTransfers.caseId, id)).all().length, 0);
  });

  test("the target is an office of the prefecture outside the sender's reach; one open request per case", () => {
    const id = bizenCase();
    const targets = transferTargetsFor(actorFor("bizen.sup")).map((o) => o.id);
    assert.ok(targets.includes("33-mimasaka"));
    assert.ok(!targets.includes("33-bizen") && !targets.includes("33-tobi"), "not its own offices");
    assert.ok(!targets.some((t) => t.startsWith("35-")), "not another prefecture");
    assert.equal(thrown(() => request(id, "bizen.sup", "33-tobi")).fieldErrors.toOfficeId, "transfer.validation.officeInvalid");
    assert.equal(thrown(() => request(id, "bizen.sup", "35-ube")).fieldErrors.toOfficeId, "transfer.validation.officeInvalid");
    request(id);
    assert.equal(thrown(() => request(id, "bizen.sup", "33-bitchu")).messageKey, "transfer.validation.alreadyRequested");
  });

  test("a stale version is refused and writes nothing", () => {
    const id = bizenCase();
    const stale = caseRow(id).version - 1 || 99;
    assert.equal(thrown(() => requestTransfer(actorFor("bizen.sup"), { caseId: id, version: stale, toOfficeId: "33-mimasaka", reason: "x" })).code, "conflict");
    assert.equal(getDb().select().from(caseTransfers).where(eq(caseTransfers.caseId, id)).all().length, 0);
  });
});

describe("deciding", () => {
  test("until accepted the sender keeps the case; the receiver sees the request with the least identity, audited", () => {
    const id = bizenCase();
    const tid = request(id);
    assert.equal(getCaseForActor(actorFor("bizen.sup"), id).id, id);
    assert.equal(thrown(() => getCaseForActor(actorFor("mimasaka.sup"), id)).code, "not_found");
    const inbox = listIncomingTransfers(actorFor("mimasaka.sup")).find((t) => t.id === tid)!;
    assert.equal(inbox.fromOffice, "備前保健所");
    assert.equal(inbox.reason, "転居のため");
    assert.match(inbox.birthYearMonth, /^\d{4}-\d{2}$/);
    const audit = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityType, "case_transfer_inbox"), eq(auditLogs.actorUserId, userId("mimasaka.sup")))).all();
    assert.ok(audit.some((a) => a.detail!.includes(id)), "the inbox view is audited");
    // Neither a coordinator of the receiving office nor a third office's supervisor sees it.
    assert.deepEqual(listIncomingTransfers(actorFor("mimasaka.coord")), []);
    assert.ok(!listIncomingTransfers(actorFor("bitchu.sup")).some((t) => t.id === tid));
  });

  test("only the receiving office's supervisor accepts: not the sender, not a third office, not a coordinator", () => {
    const id = bizenCase();
    const tid = request(id);
    const v = transferRow(tid).version;
    const accept = (username: string) => acceptTransfer(actorFor(username), { transferId: tid, version: v, coordinatorUserId: userId("mimasaka.coord") });
    assert.equal(thrown(() => accept("bizen.sup")).code, "not_found");
    assert.equal(thrown(() => accept("bitchu.sup")).code, "not_found");
    assert.equal(thrown(() => accept("mimasaka.coord")).code, "not_found");
    // The coordinator must be staff of the receiving office.
    assert.equal(
      thrown(() => acceptTransfer(actorFor("mimasaka.sup"), { transferId: tid, version: v, coordinatorUserId: userId("bizen.coord") })).fieldErrors.coordinatorUserId,
      "validation.case.coordinatorInvalid",
    );
    assert.equal(thrown(() => acceptTransfer(actorFor("mimasaka.sup"), { transferId: tid, version: v + 1, coordinatorUserId: userId("mimasaka.coord") })).code, "conflict");
    assert.equal(transferRow(tid).status, "requested");
    assert.equal(caseRow(id).officeId, "33-bizen");
  });

  test("accepted: the case moves with its history; the sender gets not_found and lists it as 転出", () => {
    const id = bizenCase();
    const tid = request(id);
    acceptTransfer(actorFor("mimasaka.sup"), { transferId: tid, version: transferRow(tid).version, coordinatorUserId: userId("mimasaka.coord") });
    const row = caseRow(id);
    assert.equal(row.officeId, "33-mimasaka");
    assert.equal(row.coordinatorUserId, userId("mimasaka.coord"));
    assert.equal(transferRow(tid).status, "accepted");
    assert.equal(transferRow(tid).effectiveDate, todayIso());
    assert.equal(thrown(() => getCaseForActor(actorFor("bizen.sup"), id)).code, "not_found");
    assert.equal(thrown(() => getCaseForActor(actorFor("bizen.coord"), id)).code, "not_found");
    assert.equal(getCaseForActor(actorFor("mimasaka.coord"), id).id, id);
    const history = listTransfersOfCase(actorFor("mimasaka.sup"), id);
    assert.deepEqual(history.map((h) => [h.status, h.fromOffice, h.toOffice]), [["accepted", "備前保健所", "美作保健所"]]);
    const out = listTransferredOut(actorFor("bizen.sup")).find((o) => o.caseNo === row.caseNo);
    assert.deepEqual(out, { caseNo: row.caseNo, toOffice: "美作保健所", effectiveDate: todayIso() });
    assert.ok(!listTransferredOut(actorFor("mimasaka.sup")).some((o) => o.caseNo === row.caseNo));
    const audits = getDb().select().from(auditLogs).where(and(eq(auditLogs.entityType, "case"), eq(auditLogs.entityId, id))).all();
    assert.ok(audits.some((a) => a.detail!.includes('"transfer":"requested"')));
    assert.ok(audits.some((a) => a.detail!.includes('"transfer":"accepted"')));
  });

  test("declined or cancelled: the case stays; only the sender cancels", () => {
    const id = bizenCase();
    const tid = request(id);
    assert.equal(thrown(() => cancelTransfer(actorFor("mimasaka.sup"), { transferId: tid, version: 1 })).code, "not_found");
    declineTransfer(actorFor("mimasaka.sup"), { transferId: tid, version: 1, note: "管轄外です" });
    assert.equal(transferRow(tid).status, "declined");
    assert.equal(caseRow(id).officeId, "33-bizen");
    const again = request(id);
    assert.equal(thrown(() => declineTransfer(actorFor("bizen.sup"), { transferId: again, version: 1, note: "x" })).code, "not_found");
    cancelTransfer(actorFor("bizen.sup"), { transferId: again, version: 1 });
    assert.equal(transferRow(again).status, "cancelled");
    assert.equal(thrown(() => acceptTransfer(actorFor("mimasaka.sup"), { transferId: again, version: 2, coordinatorUserId: userId("mimasaka.coord") })).code, "not_found");
  });
});

describe("figures per office by date", () => {
  test("a past, locked year keeps its figures for both offices after a transfer; the current year follows the case", () => {
    const id = bizenCase();
    lockYear(actorFor("okayama.pref"), { fiscalYear: PAST });
    const codes = ["C1", "C2"];
    const before = codes.map((c) => [value(c, BIZEN, PAST), value(c, MIMASAKA, PAST), value(c, PREF, PAST)]);
    const nowBefore = [value("C1", BIZEN, currentFiscalYear()), value("C1", MIMASAKA, currentFiscalYear())];
    const tid = request(id);
    acceptTransfer(actorFor("mimasaka.sup"), { transferId: tid, version: transferRow(tid).version, coordinatorUserId: userId("mimasaka.coord") });
    assert.deepEqual(
      codes.map((c) => [value(c, BIZEN, PAST), value(c, MIMASAKA, PAST), value(c, PREF, PAST)]),
      before,
      "the past year's figures of the sending and the receiving office are unchanged",
    );
    // This year the case (still supported) counts under the office holding it at the year's end.
    assert.deepEqual([value("C1", BIZEN, currentFiscalYear()), value("C1", MIMASAKA, currentFiscalYear())], [Number(nowBefore[0]) - 1, Number(nowBefore[1]) + 1]);
  });

  test("the sender's drill-down lists the transferred case as 転出, without a link; a third office's does not list it", () => {
    const id = bizenCase();
    const tid = request(id);
    acceptTransfer(actorFor("mimasaka.sup"), { transferId: tid, version: transferRow(tid).version, coordinatorUserId: userId("mimasaka.coord") });
    const groups = [{ kind: "case" as const, ids: [id] }];
    const sender = describeRecordsForActor(actorFor("bizen.sup"), groups);
    assert.equal(sender.rows.length, 1);
    assert.equal(sender.rows[0]!.href, null);
    assert.match(sender.rows[0]!.facts[0]!.ja, /^転出 → 美作保健所（\d{4}-\d{2}-\d{2}）$/);
    const receiver = describeRecordsForActor(actorFor("mimasaka.sup"), groups);
    assert.equal(receiver.rows[0]!.href, `/cases/${id}`);
    assert.deepEqual(describeRecordsForActor(actorFor("bitchu.sup"), groups), { rows: [], notListed: 1 });
  });
});
