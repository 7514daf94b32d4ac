import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, cases, hospitals, peerDispatches, peerRegistrations, peerSupporters } from "@/db/schema";
import { createDispatch, getDispatchForActor, getDispatchFormForActor, setDispatchStatus, updateDispatch } from "@/lib/dal/peer-dispatches";
import { countDueDispatchesForActor, listDispatchesForActor } from "@/lib/dal/peer-dispatch-list";
import { getDispatchYearSummaryForActor } from "@/lib/dal/peer-dispatch-summary";
import { addPeerTraining, createPeer, getPeerForActor, listPeerAuditForActor, listPeersForActor, renewPeer, setPeerStatus, updatePeer } from "@/lib/dal/peers";
import { getPeerYearSummaryForActor } from "@/lib/dal/peer-summary";
import type { PageRequest } from "@/lib/dal/pagination";
import { END_REASONS } from "@/lib/domain/case-codes";
import { setAppToday } from "@/lib/domain/clock";
import { currentFiscalYear, fiscalYearOf, fiscalYearRange, todayIso } from "@/lib/domain/fiscal-year";
import { addDays } from "@/lib/domain/date-math";
import { DispatchCreateSchema, DispatchUpdateSchema, PeerCreateSchema, PeerUpdateSchema } from "@/lib/validation/peer";
import { actorFor, seededDb } from "../helpers/test-db";
import { detailOf } from "../helpers/audit-detail";

let hospitalId = "";
const today = todayIso();
const page: PageRequest<"displayCode"> = { page: 1, pageSize: 100, sort: "displayCode", dir: "asc" };
const dpage: PageRequest<"date"> = { page: 1, pageSize: 100, sort: "date", dir: "desc" };

/** What the registration form sends. */
const rawPeer = (overrides: Record<string, unknown> = {}) => ({
  officeId: "33-bizen",
  familyName: "仮名",
  givenName: "ピア子",
  familyNameKana: "かめい",
  givenNameKana: "ぴあこ",
  phone: "",
  email: "",
  registeredOn: today.replaceAll("-", "/"),
  consentDate: "",
  volunteerInsuranceUntil: "",
  activities: ["inhospital_salon", "testimony"],
  regionIds: "33-bizen",
  training_peer_yousei: today,
  ...overrides,
});
const peerInput = (overrides: Record<string, unknown> = {}) => PeerCreateSchema.parse(rawPeer(overrides));

/** What the dispatch form sends: peers ticked in `peerIds`, their hours as `hours:<id>`. */
const rawDispatch = (peerIds: string[], overrides: Record<string, unknown> = {}) => ({
  officeId: "33-bizen",
  date: today,
  startTime: "13:30",
  endTime: "15:00",
  status: "scheduled",
  requestingOrg: "",
  destinationKind: "hospital",
  hospitalId,
  destinationName: "",
  purpose: "inhospital_salon",
  audienceCount: "12",
  caseId: "",
  report: "",
  peerIds,
  ...Object.fromEntries(peerIds.flatMap((id) => [[`hours:${id}`, "1.5"], [`honorarium:${id}`, "3,000"], [`travel:${id}`, ""]])),
  ...overrides,
});
const dispatchInput = (peerIds: string[], overrides: Record<string, unknown> = {}) => DispatchCreateSchema.parse(rawDispatch(peerIds, overrides));

const lastAudit = () => getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!;
const listed = (username: string, id: string) => listPeersForActor(actorFor(username), page, { q: "" }).rows.some((p) => p.id === id);

before(async () => {
  await seededDb();
  hospitalId = getDb().select().from(hospitals).where(eq(hospitals.prefectureCode, "33")).get()!.id;
});

describe("peer registry", () => {
  test("a registration gets the next office display code, a registration row for its fiscal year, and an audit row without the name", () => {
    const before = listPeersForActor(actorFor("bizen.coord"), page, {}).total;
    const { id, displayCode } = createPeer(actorFor("bizen.coord"), peerInput());
    assert.match(displayCode, /^BZ-P-\d{3}$/);
    const row = getDb().select().from(peerSupporters).where(eq(peerSupporters.id, id)).get()!;
    assert.equal(row.registrationFy, currentFiscalYear());
    assert.equal(row.expiresOn, `${currentFiscalYear() + 1}-03-31`);
    const registrations = getDb().select().from(peerRegistrations).where(eq(peerRegistrations.peerId, id)).all();
    assert.deepEqual(registrations.map((r) => r.fiscalYear), [currentFiscalYear()]);
    const audit = lastAudit();
    assert.deepEqual([audit.action, audit.entityType, audit.entityId], ["create", "peer", id]);
    assert.doesNotMatch(audit.detail!, /ピア子/); // the identity stays out of the audit trail
    assert.equal(listPeersForActor(actorFor("bizen.coord"), page, {}).total, before + 1);
    // Codes follow the office's highest number.
    const second = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "次" }));
    assert.equal(Number(second.displayCode.slice(-3)), Number(displayCode.slice(-3)) + 1);
  });

  test("only the owning office's staff (and its supervisor) see a peer; others get not_found", () => {
    const { id } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "範囲" }));
    assert.ok(listed("bizen.coord", id));
    assert.ok(listed("bizen.sup", id));
    assert.equal(listed("tobi.coord", id), false);
    assert.equal(listed("ube.coord", id), false);
    assert.throws(() => listPeersForActor(actorFor("okayama.pref"), page, {}), { code: "not_found" });
    assert.throws(() => getPeerForActor(actorFor("tobi.coord"), id), { code: "not_found" });
    assert.throws(() => getPeerForActor(actorFor("ube.sup"), id), { code: "not_found" });
    assert.throws(() => getPeerForActor(actorFor("okayama.pref"), id), { code: "not_found" });
    assert.throws(() => setPeerStatus(actorFor("tobi.coord"), id, 1, "paused"), { code: "not_found" });
    assert.throws(() => createPeer(actorFor("tobi.coord"), peerInput()), { code: "invalid" });
    assert.ok(getPeerForActor(actorFor("bizen.sup"), id));
  });

  test("reading a peer's record is audited; the list view is audited with the ids shown", () => {
    const { id } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "閲覧", givenNameKana: "えつらん" }));
    getPeerForActor(actorFor("bizen.coord2"), id);
    const view = lastAudit();
    assert.deepEqual([view.action, view.entityType, view.entityId, view.actorUsername], ["view", "peer", id, "bizen.coord2"]);
    listPeersForActor(actorFor("bizen.coord"), page, { q: "えつらん" });
    const list = lastAudit();
    assert.equal(list.entityType, "peer_list");
    assert.ok(detailOf(list).peerIds.includes(id));
    assert.equal(listPeerAuditForActor(actorFor("bizen.sup"), id).rows.some((a) => a.action === "view"), true);
    assert.throws(() => listPeerAuditForActor(actorFor("bizen.coord"), id), { code: "not_found" });
  });

  test("kana search matches hiragana and katakana; filters by status, training and area", () => {
    const { id } = createPeer(actorFor("bizen.coord"), peerInput({ familyNameKana: "けんさく", givenNameKana: "たろう", training_peer_yousei: "", training_peer_followup: today }));
    const find = (filter: object) => listPeersForActor(actorFor("bizen.coord"), page, filter).rows.some((p) => p.id === id);
    assert.ok(find({ q: "ケンサク" }));
    assert.ok(find({ q: "ｹﾝｻｸ ﾀﾛｳ" }));
    assert.equal(find({ q: "べつじん" }), false);
    assert.ok(find({ status: "active" }));
    assert.equal(find({ status: "paused" }), false);
    assert.ok(find({ training: "peer_followup" }));
    assert.equal(find({ training: "peer_yousei" }), false);
    assert.ok(find({ regionId: "33-bizen" }));
    assert.equal(find({ regionId: "33-maniwa" }), false);
    assert.ok(find({ purpose: "testimony" }));
    assert.equal(find({ purpose: "training_lecturer" }), false);
  });

  test("a lapsed registration shows as 期間満了 (also in the status filter) and renewal carries it over with a new registration row", () => {
    const { id } = createPeer(actorFor("bizen.coord"), peerInput({ registeredOn: "2021-06-01", training_peer_yousei: "2021-05-01" }));
    const list = (status?: string) => listPeersForActor(actorFor("bizen.coord"), page, status ? { status: status as never } : {}).rows.find((p) => p.id === id);
    assert.equal(list()!.status, "expired");
    assert.ok(list("expired"));
    assert.equal(list("active"), undefined);
    assert.deepEqual(getPeerForActor(actorFor("bizen.coord"), id).renewableYears, [currentFiscalYear(), currentFiscalYear() + 1]);
    renewPeer(actorFor("bizen.coord"), id, 1, currentFiscalYear());
    assert.equal(list()!.status, "active");
    assert.equal(list()!.expiresOn, `${currentFiscalYear() + 1}-03-31`);
    const years = getDb().select().from(peerRegistrations).where(eq(peerRegistrations.peerId, id)).all().map((r) => r.fiscalYear).sort();
    assert.deepEqual(years, [2021, currentFiscalYear()]);
    // The same year again is refused; so is a stale version.
    assert.throws(() => renewPeer(actorFor("bizen.coord"), id, 2, currentFiscalYear()), { code: "invalid" });
    assert.throws(() => renewPeer(actorFor("bizen.coord"), id, 1, currentFiscalYear() + 1), { code: "conflict" });
  });

  test("status rules and versions", () => {
    const { id } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "状態" }));
    setPeerStatus(actorFor("bizen.coord"), id, 1, "paused");
    assert.throws(() => setPeerStatus(actorFor("bizen.coord"), id, 1, "active"), { code: "conflict" });
    setPeerStatus(actorFor("bizen.coord"), id, 2, "withdrawn");
    assert.throws(() => setPeerStatus(actorFor("bizen.coord"), id, 3, "active"), { code: "invalid" });
    assert.deepEqual(getPeerForActor(actorFor("bizen.coord"), id).renewableYears, []);
  });

  test("editing: saved with the version, a stale save writes nothing and names what changed", () => {
    const { id } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "編集" }));
    const loaded = getPeerForActor(actorFor("bizen.coord"), id);
    const base = JSON.stringify(loaded.record);
    const form = (overrides: Record<string, unknown>) =>
      PeerUpdateSchema.parse({ ...rawPeer({ givenName: "編集" }), id, version: String(loaded.version), base, ...overrides });
    updatePeer(actorFor("bizen.coord"), form({ phone: "086-000-0000", activities: ["group_work"] }));
    const after = getPeerForActor(actorFor("bizen.coord"), id);
    assert.equal(after.version, 2);
    assert.equal(after.record.phone, "086-000-0000");
    assert.deepEqual(after.record.activities, ["group_work"]);
    // The identity is not written to the log, only named.
    assert.doesNotMatch(getDb().select().from(auditLogs).where(and(eq(auditLogs.entityId, id), eq(auditLogs.action, "update"))).get()!.detail!, /086/);
    // A second editor still holding version 1.
    assert.throws(
      () => updatePeer(actorFor("bizen.coord2"), form({ email: "x@example.jp" })),
      (e: { code: string; conflicts: Record<string, unknown> }) => e.code === "conflict" && "phone" in e.conflicts && "activities" in e.conflicts,
    );
    assert.equal(getPeerForActor(actorFor("bizen.coord"), id).record.email, null);
  });

  test("a training completion is added to the peer's record and audited", () => {
    const { id } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "研修" }));
    addPeerTraining(actorFor("bizen.coord"), { peerId: id, kind: "peer_support_kiso", completedOn: "2024-10-01" });
    assert.deepEqual(getPeerForActor(actorFor("bizen.coord"), id).trainings.map((t) => t.kind).sort(), ["peer_support_kiso", "peer_yousei"]);
    assert.throws(() => addPeerTraining(actorFor("tobi.coord"), { peerId: id, kind: "peer_followup", completedOn: "2024-10-01" }), { code: "not_found" });
  });

  test("the year summary counts registrations of the year, new ones and 養成研修; the prefecture sees counts only", () => {
    const fy = currentFiscalYear();
    const before = getPeerYearSummaryForActor(actorFor("bizen.coord"), fy);
    createPeer(actorFor("bizen.coord"), peerInput({ givenName: "集計" }));
    const after = getPeerYearSummaryForActor(actorFor("bizen.coord"), fy);
    assert.equal(after.registered, before.registered + 1);
    assert.equal(after.newlyRegistered, before.newlyRegistered + 1);
    assert.equal(after.trainedYousei, before.trainedYousei + 1);
    const pref = getPeerYearSummaryForActor(actorFor("okayama.pref"), fy);
    assert.ok(pref.registered >= after.registered);
    assert.equal(pref.offices, 11);
    assert.equal(getPeerYearSummaryForActor(actorFor("yamaguchi.pref"), fy).registered, 0);
    assert.throws(() => getPeerYearSummaryForActor(actorFor("okayama.admin"), fy), { code: "not_found" });
  });
});

describe("peer status dates", () => {
  // Tests here fix the app's day in Japan; the real clock comes back whatever happens.
  after(() => setAppToday(null));
  const stored = (id: string) => getDb().select().from(peerSupporters).where(eq(peerSupporters.id, id)).get()!;

  test("a withdrawal on 1 April is dated that JST day: the ending year still counts the peer, the new one does not", () => {
    try {
      setAppToday("2025-03-15");
      const before2024 = getPeerYearSummaryForActor(actorFor("bizen.coord"), 2024).registered;
      const { id } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "抹消", registeredOn: "2024-06-01", training_peer_yousei: "2024-05-01" }));
      renewPeer(actorFor("bizen.coord"), id, 1, 2025); // renewed ahead for FY2025, as in the spring rush
      assert.equal(stored(id).statusChangedOn, null); // a renewal of an active peer is no status change
      setAppToday("2025-04-01");
      const before2025 = getPeerYearSummaryForActor(actorFor("bizen.coord"), 2025).registered;
      setPeerStatus(actorFor("bizen.coord"), id, 2, "withdrawn");
      assert.equal(stored(id).statusChangedOn, "2025-04-01");
      assert.equal(getPeerForActor(actorFor("bizen.coord"), id).statusChangedOn, "2025-04-01");
      assert.equal(getPeerYearSummaryForActor(actorFor("bizen.coord"), 2024).registered, before2024 + 1);
      assert.equal(getPeerYearSummaryForActor(actorFor("bizen.coord"), 2025).registered, before2025 - 1);
    } finally {
      setAppToday(null);
    }
  });

  test("no edit after a withdrawal moves its date: record, training, status and renewal", () => {
    try {
      setAppToday("2025-04-01");
      const { id } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "確定", registeredOn: "2024-06-01", training_peer_yousei: "2024-05-01" }));
      setPeerStatus(actorFor("bizen.coord"), id, 1, "withdrawn");
      setAppToday("2025-04-20");
      const loaded = getPeerForActor(actorFor("bizen.coord"), id);
      updatePeer(actorFor("bizen.coord"), PeerUpdateSchema.parse({ ...rawPeer({ givenName: "確定", registeredOn: "2024-06-01" }), id, version: String(loaded.version), base: JSON.stringify(loaded.record), phone: "086-111-1111" }));
      addPeerTraining(actorFor("bizen.coord"), { peerId: id, kind: "peer_followup", completedOn: "2025-04-10" });
      assert.throws(() => setPeerStatus(actorFor("bizen.coord"), id, 3, "active"), { code: "invalid" });
      assert.throws(() => setPeerStatus(actorFor("bizen.coord"), id, 3, "withdrawn"), { code: "invalid" });
      assert.throws(() => renewPeer(actorFor("bizen.coord"), id, 3, 2025), { code: "invalid" });
      const row = stored(id);
      assert.equal(row.version, 3); // the record edit went through
      assert.equal(row.status, "withdrawn");
      assert.equal(row.statusChangedOn, "2025-04-01");
      assert.equal(getPeerYearSummaryForActor(actorFor("bizen.coord"), 2024).registered > 0, true);
    } finally {
      setAppToday(null);
    }
  });

  test("pausing and resuming are dated with the day of the change", () => {
    try {
      setAppToday("2025-05-10");
      const { id } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "休止日", registeredOn: "2025-04-15", training_peer_yousei: "2025-04-01" }));
      setPeerStatus(actorFor("bizen.coord"), id, 1, "paused");
      assert.equal(stored(id).statusChangedOn, "2025-05-10");
      setAppToday("2025-06-02");
      setPeerStatus(actorFor("bizen.coord"), id, 2, "active");
      assert.equal(stored(id).statusChangedOn, "2025-06-02");
    } finally {
      setAppToday(null);
    }
  });

  test("every seeded paused or withdrawn peer has its status date (the yearly counts need it)", () => {
    const undated = getDb()
      .select({ id: peerSupporters.id })
      .from(peerSupporters)
      .where(and(inArray(peerSupporters.status, ["paused", "withdrawn"]), isNull(peerSupporters.statusChangedOn)))
      .all();
    assert.deepEqual(undated, []);
  });
});

describe("peer dispatches", () => {
  test("依頼 → 予定 → 実施 with a report; listed with display codes only", () => {
    const { id: peerId, displayCode } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "派遣" }));
    const { id } = createDispatch(actorFor("bizen.coord"), dispatchInput([peerId], { status: "requested" }));
    setDispatchStatus(actorFor("bizen.coord"), { id, version: 1, status: "scheduled", report: null, audienceCount: null });
    assert.throws(() => setDispatchStatus(actorFor("bizen.coord"), { id, version: 1, status: "done", report: null, audienceCount: null }), { code: "conflict" });
    setDispatchStatus(actorFor("bizen.coord"), { id, version: 2, status: "done", report: "院内茶話会で体験を話した。", audienceCount: 15 });
    const row = listDispatchesForActor(actorFor("bizen.coord"), dpage, { peerId }).rows.find((d) => d.id === id)!;
    assert.equal(row.status, "done");
    assert.deepEqual(row.members, [displayCode]);
    assert.equal(row.hours, 1.5);
    const stored = getDb().select().from(peerDispatches).where(eq(peerDispatches.id, id)).get()!;
    assert.equal(stored.report, "院内茶話会で体験を話した。");
    assert.equal(stored.audienceCount, 15);
    assert.throws(() => setDispatchStatus(actorFor("bizen.coord"), { id, version: 3, status: "cancelled", report: null, audienceCount: null }), { code: "invalid" });
  });

  test("a paused, lapsed or other office's peer cannot be dispatched; a past date needs a registration that covered it", () => {
    const { id: paused } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "休止" }));
    setPeerStatus(actorFor("bizen.coord"), paused, 1, "paused");
    assert.throws(() => createDispatch(actorFor("bizen.coord"), dispatchInput([paused])), { code: "invalid" });
    const { id: tobiPeer } = createPeer(actorFor("tobi.coord"), peerInput({ officeId: "33-tobi", givenName: "東備" }));
    assert.throws(() => createDispatch(actorFor("bizen.coord"), dispatchInput([tobiPeer])), { code: "invalid" });
    const { id: lapsed } = createPeer(actorFor("bizen.coord"), peerInput({ registeredOn: "2021-06-01", training_peer_yousei: "" }));
    assert.throws(() => createDispatch(actorFor("bizen.coord"), dispatchInput([lapsed])), { code: "invalid" });
    // Its registration covered 2021-10-01, so recording that past dispatch is fine.
    assert.ok(createDispatch(actorFor("bizen.coord"), dispatchInput([lapsed], { date: "2021-10-01", status: "done" })).id);
  });

  test("実施 cannot be in the future; the linked case must be in reach", () => {
    const { id: peerId } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "未来" }));
    assert.throws(() => createDispatch(actorFor("bizen.coord"), { ...dispatchInput([peerId]), status: "done", date: addDays(today, 3) }), { code: "invalid" });
    assert.throws(() => createDispatch(actorFor("bizen.coord"), { ...dispatchInput([peerId]), caseId: "no-such-case" }), { code: "invalid" });
  });

  test("the linked case must be of the dispatch's own office, even for a supervisor who reaches both (issue 12)", () => {
    const sup = actorFor("bizen.sup");
    const { id: tobiPeer } = createPeer(actorFor("tobi.coord"), peerInput({ officeId: "33-tobi", givenName: "支所派遣" }));
    const openCaseOf = (officeId: string) =>
      getDb().select({ id: cases.id }).from(cases).where(and(eq(cases.officeId, officeId), ne(cases.phase, "closed"))).get()!.id;
    const parentCase = openCaseOf("33-bizen");
    const tobiCase = openCaseOf("33-tobi");
    const before = getDb().select({ id: peerDispatches.id }).from(peerDispatches).all().length;
    // Create: a 支所 dispatch linked to a parent-office case is refused on the case field, nothing written.
    assert.throws(() => createDispatch(sup, dispatchInput([tobiPeer], { officeId: "33-tobi", caseId: parentCase })), {
      code: "invalid",
      messageKey: "validation.dispatch.caseInvalid",
    });
    assert.equal(getDb().select({ id: peerDispatches.id }).from(peerDispatches).all().length, before);
    // The 支所's own case links; the form offers the 支所's cases only.
    const { id } = createDispatch(sup, dispatchInput([tobiPeer], { officeId: "33-tobi", caseId: tobiCase }));
    const form = getDispatchFormForActor(sup, "33-tobi");
    assert.ok(form.cases.some((c) => c.id === tobiCase));
    assert.equal(form.cases.some((c) => c.id === parentCase), false);
    // Update: relinking it to the parent office's case is refused too, and the link stays.
    const row = getDispatchForActor(sup, id);
    assert.throws(
      () => updateDispatch(sup, DispatchUpdateSchema.parse({ ...rawDispatch([tobiPeer], { officeId: "33-tobi", caseId: parentCase }), id, version: String(row.version), base: row.base })),
      { code: "invalid", messageKey: "validation.dispatch.caseInvalid" },
    );
    assert.equal(getDb().select().from(peerDispatches).where(eq(peerDispatches.id, id)).get()!.caseId, tobiCase);
    // A cross-office link written behind the app's back is not shown to the 支所's staff.
    getDb().update(peerDispatches).set({ caseId: parentCase }).where(eq(peerDispatches.id, id)).run();
    assert.equal(getDispatchForActor(actorFor("tobi.coord"), id).case, null);
  });

  test("a closed case takes no new dispatch link; a dispatch linked before the case closed keeps its link", () => {
    const { id: peerId } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "終結" }));
    const caseOf = (phase: "closed" | "open") =>
      getDb()
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.officeId, "33-bizen"), phase === "closed" ? eq(cases.phase, "closed") : ne(cases.phase, "closed")))
        .get()!.id;
    const closed = caseOf("closed");
    assert.throws(() => createDispatch(actorFor("bizen.coord"), { ...dispatchInput([peerId]), caseId: closed }), { code: "invalid", messageKey: "validation.dispatch.caseClosed" });
    const open = caseOf("open");
    const { id } = createDispatch(actorFor("bizen.coord"), { ...dispatchInput([peerId]), caseId: open });
    const was = getDb().select({ phase: cases.phase }).from(cases).where(eq(cases.id, open)).get()!.phase;
    getDb().update(cases).set({ phase: "closed", endDate: today, endReason: END_REASONS[0] }).where(eq(cases.id, open)).run();
    try {
      const row = getDispatchForActor(actorFor("bizen.coord"), id);
      updateDispatch(actorFor("bizen.coord"), DispatchUpdateSchema.parse({ ...rawDispatch([peerId], { caseId: open, audienceCount: "5" }), id, version: String(row.version), base: row.base }));
      assert.equal(getDb().select().from(peerDispatches).where(eq(peerDispatches.id, id)).get()!.caseId, open);
    } finally {
      getDb().update(cases).set({ phase: was, endDate: null, endReason: null }).where(eq(cases.id, open)).run();
    }
  });

  test("scoping: another office's coordinator, another prefecture and the prefecture role get not_found", () => {
    const { id: peerId } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "範囲派遣" }));
    const { id } = createDispatch(actorFor("bizen.coord"), dispatchInput([peerId]));
    assert.ok(getDispatchForActor(actorFor("bizen.sup"), id));
    for (const user of ["tobi.coord", "ube.coord", "okayama.pref", "okayama.admin"]) {
      assert.throws(() => getDispatchForActor(actorFor(user), id), { code: "not_found" }, user);
    }
    assert.equal(listDispatchesForActor(actorFor("tobi.coord"), dpage, {}).rows.some((d) => d.id === id), false);
    assert.throws(() => setDispatchStatus(actorFor("tobi.coord"), { id, version: 1, status: "cancelled", report: null, audienceCount: null }), { code: "not_found" });
    assert.throws(() => createDispatch(actorFor("tobi.coord"), dispatchInput([peerId])), { code: "invalid" });
  });

  test("editing a dispatch replaces its members; a stale save lists what changed", () => {
    const { id: a } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "甲" }));
    const { id: b } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "乙" }));
    const { id } = createDispatch(actorFor("bizen.coord"), dispatchInput([a]));
    const loaded = getDispatchForActor(actorFor("bizen.coord"), id);
    const edit = (peerIds: string[], overrides: Record<string, unknown> = {}) =>
      DispatchUpdateSchema.parse({ ...rawDispatch(peerIds), id, version: String(loaded.version), base: loaded.base, ...overrides });
    updateDispatch(actorFor("bizen.coord"), edit([a, b], { purpose: "group_work" }));
    const after = getDispatchForActor(actorFor("bizen.coord"), id);
    assert.deepEqual(after.members.map((m) => m.peerId).sort(), [a, b].sort());
    assert.equal(after.purpose, "group_work");
    assert.equal(after.members[0]!.honorariumYen, 3000);
    assert.throws(
      () => updateDispatch(actorFor("bizen.coord2"), edit([a], { audienceCount: "3" })),
      (e: { code: string; conflicts: Record<string, unknown> }) => e.code === "conflict" && "purpose" in e.conflicts && "members" in e.conflicts,
    );
  });

  test("a hospital destination keeps no free-text name and any other keeps no hospital, on create and on update", () => {
    const { id: peerId } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "行き先" }));
    const { id } = createDispatch(actorFor("bizen.coord"), { ...dispatchInput([peerId]), destinationName: "残らない名前" });
    const created = getDispatchForActor(actorFor("bizen.coord"), id);
    assert.equal(created.hospital?.id, hospitalId);
    assert.equal(created.destinationName, null);
    const edit = DispatchUpdateSchema.parse({ ...rawDispatch([peerId], { destinationKind: "venue", hospitalId: "", destinationName: "会場（見本）" }), id, version: String(created.version), base: created.base });
    updateDispatch(actorFor("bizen.coord"), { ...edit, hospitalId });
    const updated = getDispatchForActor(actorFor("bizen.coord"), id);
    assert.equal(updated.hospital, null);
    assert.equal(updated.destinationName, "会場（見本）");
  });

  test("the form offers the office's peers and copies the previous entry; its view is audited", () => {
    const { id: peerId } = createPeer(actorFor("bizen.coord2"), peerInput({ givenName: "前回" }));
    createDispatch(actorFor("bizen.coord2"), dispatchInput([peerId], { destinationKind: "venue", hospitalId: "", destinationName: "備前市民会館（見本）", purpose: "testimony" }));
    const form = getDispatchFormForActor(actorFor("bizen.coord2"), undefined);
    assert.equal(form.office.id, "33-bizen");
    assert.ok(form.peers.some((p) => p.id === peerId && p.status === "active"));
    assert.equal(form.previous!.destinationName, "備前市民会館（見本）");
    assert.equal(form.previous!.purpose, "testimony");
    assert.deepEqual(form.previous!.members.map((m) => m.peerId), [peerId]);
    assert.equal(lastAudit().entityType, "peer_dispatch_form");
    assert.throws(() => getDispatchFormForActor(actorFor("okayama.pref"), undefined), { code: "not_found" });
  });

  test("due dispatches: still 依頼・予定 on or after their day, listed by the due filter and counted for the home page", () => {
    // Registered from the start of yesterday's fiscal year (and renewed when today starts a new one).
    const yesterdayFy = fiscalYearOf(addDays(today, -1));
    const { id: peerId } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "期日", registeredOn: fiscalYearRange(yesterdayFy).start, training_peer_yousei: "" }));
    if (yesterdayFy !== fiscalYearOf(today)) renewPeer(actorFor("bizen.coord"), peerId, 1, fiscalYearOf(today));
    const before = countDueDispatchesForActor(actorFor("bizen.coord"));
    const { id: past } = createDispatch(actorFor("bizen.coord"), dispatchInput([peerId], { status: "scheduled", date: addDays(today, -1) }));
    const { id: ahead } = createDispatch(actorFor("bizen.coord"), dispatchInput([peerId], { status: "scheduled", date: addDays(today, 5) }));
    assert.equal(countDueDispatchesForActor(actorFor("bizen.coord")), before + 1);
    const due = listDispatchesForActor(actorFor("bizen.coord"), dpage, { due: true }).rows.map((d) => d.id);
    assert.ok(due.includes(past));
    assert.equal(due.includes(ahead), false);
  });

  test("the year summary counts 実施 only: dispatches, person-dispatches, hours, audience, hospitals, honoraria", () => {
    const fy = fiscalYearOf(today);
    const before = getDispatchYearSummaryForActor(actorFor("bizen.sup"), fy);
    const { id: a } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "集計甲" }));
    const { id: b } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "集計乙" }));
    createDispatch(actorFor("bizen.coord"), dispatchInput([a, b], { status: "done", audienceCount: "20" }));
    createDispatch(actorFor("bizen.coord"), dispatchInput([a], { status: "requested" }));
    const after = getDispatchYearSummaryForActor(actorFor("bizen.sup"), fy);
    assert.equal(after.done, before.done + 1);
    assert.equal(after.open, before.open + 1);
    assert.equal(after.personDispatches, before.personDispatches + 2);
    assert.equal(after.hours, Math.round((before.hours + 3) * 100) / 100);
    assert.equal(after.audience, before.audience + 20);
    assert.equal(after.honorariumYen, before.honorariumYen + 6000);
    assert.equal(after.byPurpose.inhospital_salon, before.byPurpose.inhospital_salon + 1);
    assert.equal(after.byMonth.reduce((s, m) => s + m.n, 0), after.done);
    // Another office's coordinator does not see these.
    assert.equal(getDispatchYearSummaryForActor(actorFor("tobi.coord"), fy).done < after.done, true);
  });
});

describe("peer schemas", () => {
  test("a registration: training dates per kind become a list; the 養成研修 cannot follow the registration", () => {
    const ok = PeerCreateSchema.parse(rawPeer({ training_peer_yousei: "R3.5.1", training_peer_support_kiso: "2021/7/1", registeredOn: "令和3年6月1日" }));
    assert.deepEqual(ok.trainings, [
      { kind: "peer_yousei", completedOn: "2021-05-01" },
      { kind: "peer_support_kiso", completedOn: "2021-07-01" },
    ]);
    assert.deepEqual(ok.regionIds, ["33-bizen"]);
    const bad = PeerCreateSchema.safeParse(rawPeer({ registeredOn: "2021-06-01", training_peer_yousei: "2021-07-01", email: "not-mail", familyNameKana: "Kamei" }));
    assert.equal(bad.success, false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    assert.equal(messages.training_peer_yousei, "validation.peer.trainingAfterRegistration");
    assert.equal(messages.email, "validation.peer.emailFormat");
    assert.equal(messages.familyNameKana, "validation.person.kanaFormat");
  });

  test("a dispatch: every problem at once, per-peer fields by peer, hours and yen in the forms people type", () => {
    const bad = DispatchCreateSchema.safeParse(rawDispatch([], { hospitalId: "", startTime: "15:00", endTime: "13:30", audienceCount: "十" }));
    assert.equal(bad.success, false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    assert.deepEqual(messages, {
      audienceCount: "validation.dispatch.countFormat",
      peerIds: "validation.dispatch.membersRequired",
      hospitalId: "validation.dispatch.hospitalRequired",
      endTime: "validation.dispatch.endBeforeStart",
    });
    const venue = DispatchCreateSchema.safeParse(rawDispatch(["p1"], { destinationKind: "venue", hospitalId: "", destinationName: "", "hours:p1": "25" }));
    const venueMessages = Object.fromEntries(venue.error!.issues.map((i) => [String(i.path[0]), i.message]));
    assert.deepEqual(venueMessages, { "hours:p1": "validation.dispatch.hoursFormat", destinationName: "validation.dispatch.placeRequired" });
    const good = DispatchCreateSchema.parse(rawDispatch(["p1", "p2"], { startTime: "９:05", "hours:p2": "２", "travel:p2": "1,200" }));
    assert.equal(good.startTime, "09:05");
    assert.deepEqual(good.members, [
      { peerId: "p1", hours: 1.5, honorariumYen: 3000, travelYen: null },
      { peerId: "p2", hours: 2, honorariumYen: 3000, travelYen: 1200 },
    ]);
    assert.equal("peerIds" in good, false);
  });

  test("a dispatch recorded as 実施 cannot be dated in the future", () => {
    const future = DispatchCreateSchema.safeParse(rawDispatch(["p1"], { status: "done", date: addDays(today, 2) }));
    assert.equal(future.error!.issues[0]!.message, "validation.dispatch.doneInFuture");
    assert.equal(DispatchCreateSchema.safeParse(rawDispatch(["p1"], { status: "scheduled", date: addDays(today, 2) })).success, true);
  });
});
