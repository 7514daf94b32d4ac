import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, hospitals, peerDispatches, peerSupporters } from "@/db/schema";
import { createDispatch, createPeer, listDispatchesForActor, listPeersForActor, renewPeer, setDispatchStatus, setPeerStatus } from "@/lib/dal/peers";
import { todayIso, currentFiscalYear } from "@/lib/domain/fiscal-year";
import { DispatchCreateSchema, PeerCreateSchema } from "@/lib/validation/peer";
import { actorFor, seededDb } from "../helpers/test-db";

let hospitalId = "";
const today = todayIso();

const peerInput = (overrides: Record<string, unknown> = {}) =>
  PeerCreateSchema.parse({
    officeId: "33-bizen",
    familyName: "仮名",
    givenName: "ピア子",
    familyNameKana: "かめい",
    givenNameKana: "ぴあこ",
    phone: "",
    email: "",
    registeredOn: today,
    consentDate: "",
    volunteerInsuranceUntil: "",
    activities: ["inhospital_salon", "testimony"],
    regionIds: ["33-bizen"],
    trainings: [{ kind: "peer_yousei", completedOn: today }],
    ...overrides,
  });

const rawDispatch = (peerIds: string[], overrides: Record<string, unknown> = {}) => ({
    officeId: "33-bizen",
    date: today,
    startTime: "13:30",
    endTime: "15:00",
    requestingOrg: "",
    destinationKind: "hospital",
    hospitalId,
    destinationName: "",
    purpose: "inhospital_salon",
    audienceCount: "12",
    caseId: "",
    members: peerIds.map((peerId) => ({ peerId, hours: 1.5, honorariumYen: 3000, travelYen: null })),
    ...overrides,
  });
const dispatchInput = (peerIds: string[], overrides: Record<string, unknown> = {}) => DispatchCreateSchema.parse(rawDispatch(peerIds, overrides));

before(async () => {
  await seededDb();
  hospitalId = getDb().select().from(hospitals).where(eq(hospitals.prefectureCode, "33")).get()!.id;
});

describe("peer registry", () => {
  test("a registration gets an office display code and expires at the end of the fiscal year", () => {
    const { id, displayCode } = createPeer(actorFor("bizen.coord"), peerInput());
    assert.match(displayCode, /^BZ-P-\d{3}$/);
    const row = getDb().select().from(peerSupporters).where(eq(peerSupporters.id, id)).get()!;
    assert.equal(row.registrationFy, currentFiscalYear());
    assert.equal(row.expiresOn, `${currentFiscalYear() + 1}-03-31`);
    const last = getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!;
    assert.deepEqual([last.action, last.entityType, last.entityId], ["create", "peer", id]);
    assert.doesNotMatch(last.detail!, /ピア子/); // the identity stays out of the audit trail
  });

  test("only the owning office's staff see a peer; the prefecture role is refused", () => {
    const { id } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "範囲" }));
    assert.ok(listPeersForActor(actorFor("bizen.coord")).some((p) => p.id === id));
    assert.ok(listPeersForActor(actorFor("bizen.sup")).some((p) => p.id === id));
    assert.ok(!listPeersForActor(actorFor("tobi.coord")).some((p) => p.id === id));
    assert.ok(!listPeersForActor(actorFor("ube.coord")).some((p) => p.id === id));
    assert.throws(() => listPeersForActor(actorFor("okayama.pref")), { code: "not_found" });
    assert.throws(() => setPeerStatus(actorFor("tobi.coord"), id, 1, "paused"), { code: "not_found" });
    assert.throws(() => createPeer(actorFor("tobi.coord"), peerInput()), { code: "invalid" });
  });

  test("a lapsed registration shows as 期間満了 and renewal carries it over", () => {
    const { id } = createPeer(actorFor("bizen.coord"), peerInput({ registeredOn: "2021-06-01", trainings: [] }));
    assert.equal(listPeersForActor(actorFor("bizen.coord")).find((p) => p.id === id)!.status, "expired");
    renewPeer(actorFor("bizen.coord"), id, 1, currentFiscalYear());
    const renewed = listPeersForActor(actorFor("bizen.coord")).find((p) => p.id === id)!;
    assert.equal(renewed.status, "active");
    assert.equal(renewed.expiresOn, `${currentFiscalYear() + 1}-03-31`);
  });

  test("status rules and versions", () => {
    const { id } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "状態" }));
    setPeerStatus(actorFor("bizen.coord"), id, 1, "paused");
    assert.throws(() => setPeerStatus(actorFor("bizen.coord"), id, 1, "active"), { code: "conflict" });
    setPeerStatus(actorFor("bizen.coord"), id, 2, "withdrawn");
    assert.throws(() => setPeerStatus(actorFor("bizen.coord"), id, 3, "active"), { code: "invalid" });
  });
});

describe("peer dispatches", () => {
  test("依頼 → 予定 → 実施, listed with display codes only", () => {
    const { id: peerId, displayCode } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "派遣" }));
    const { id } = createDispatch(actorFor("bizen.coord"), dispatchInput([peerId]));
    setDispatchStatus(actorFor("bizen.coord"), id, 1, "scheduled");
    setDispatchStatus(actorFor("bizen.coord"), id, 2, "done", "院内茶話会で体験を話した。");
    const row = listDispatchesForActor(actorFor("bizen.coord")).find((d) => d.id === id)!;
    assert.equal(row.status, "done");
    assert.deepEqual(row.members, [displayCode]);
    assert.equal(getDb().select().from(peerDispatches).where(eq(peerDispatches.id, id)).get()!.report, "院内茶話会で体験を話した。");
    assert.throws(() => setDispatchStatus(actorFor("bizen.coord"), id, 3, "cancelled"), { code: "invalid" });
  });

  test("a paused peer, or one of another office, cannot be dispatched", () => {
    const { id: paused } = createPeer(actorFor("bizen.coord"), peerInput({ givenName: "休止" }));
    setPeerStatus(actorFor("bizen.coord"), paused, 1, "paused");
    assert.throws(() => createDispatch(actorFor("bizen.coord"), dispatchInput([paused])), { code: "invalid" });
    const { id: tobiPeer } = createPeer(actorFor("tobi.coord"), peerInput({ officeId: "33-tobi", givenName: "東備" }));
    assert.throws(() => createDispatch(actorFor("bizen.coord"), dispatchInput([tobiPeer])), { code: "invalid" });
  });

  test("the shared schema: a hospital destination needs a hospital, times in order, at least one peer", () => {
    const bad = DispatchCreateSchema.safeParse(rawDispatch([], { hospitalId: "", startTime: "15:00", endTime: "13:30" }));
    assert.equal(bad.success, false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    assert.deepEqual(messages, {
      members: "validation.dispatch.membersRequired",
      hospitalId: "validation.case.hospitalRequired",
      endTime: "validation.dispatch.endBeforeStart",
    });
    const venue = DispatchCreateSchema.safeParse(rawDispatch(["p"], { destinationKind: "venue", hospitalId: "", destinationName: "" }));
    assert.equal(venue.error!.issues[0]!.message, "validation.dispatch.placeRequired");
  });
});
