import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { healthCenters, hospitals, municipalities, peerDispatchMembers, peerDispatches, peerRegistrations, peerSupporters, userOffices, users } from "@/db/schema";
import { addDays } from "@/lib/domain/date-math";
import { fiscalYearOf, fiscalYearRange } from "@/lib/domain/fiscal-year";
import type { DispatchStatus, PeerPurpose } from "@/lib/domain/peer-codes";
import type { RecentCaseSpan } from "./demo-recent-cases";
import { createRng, type Rng } from "./random";
import { RECENT_FIRST_FY, dateBetween, maxDate, minDate, pad, ts, type RecentContext } from "./demo-recent-util";

/*
 * 岡山県's peer dispatches after FY2024, up to the seeding day and a few weeks beyond (ADR 0020):
 * each office's year at the FY2024 pace, dispatches done in the past weeks and some scheduled
 * (予定) or requested (依頼) in the coming weeks, a few past ones still 予定 (the home page's "due").
 * Only peers registered for the day go, never a paused or withdrawn one; 山口県 has none (its
 * sheet lists peer use as not yet started). demo-peers.ts registers the peers through this year.
 */

const SEED = "tsunagu-demo-recent-peers-v1";

/** As in demo-peers.ts (FY2019–FY2024), which keeps its lists to itself. */
const PURPOSE_WEIGHTS: Partial<Record<PeerPurpose, number>> = {
  inhospital_salon: 5,
  group_work: 3,
  testimony: 3,
  individual_accompany: 3,
  hospital_community_exchange: 2,
  kyogi_member: 1,
  training_lecturer: 1,
  awareness_event: 1,
};
const AT_HOSPITAL: readonly PeerPurpose[] = ["inhospital_salon", "group_work", "testimony", "hospital_community_exchange", "individual_accompany"];
const WITH_AUDIENCE: readonly PeerPurpose[] = ["inhospital_salon", "group_work", "testimony", "hospital_community_exchange", "awareness_event"];
const VENUES = ["市民交流センター（見本）", "保健センター会議室（見本）", "地域生活支援センター（見本）", "公民館ホール（見本）"];

export type RecentPeerSummary = { done: number; planned: number };

type Office = { id: string; coordinatorId: string; hospitalIds: string[]; peers: { id: string; registrations: { from: string; to: string }[] }[]; size: number };

function loadOffices(tx: Tx): Office[] {
  const hospitalRows = tx
    .select({ id: hospitals.id, regionId: municipalities.regionId })
    .from(hospitals)
    .innerJoin(municipalities, eq(municipalities.code, hospitals.municipalityCode))
    .where(eq(hospitals.prefectureCode, "33"))
    .orderBy(asc(hospitals.id))
    .all();
  const coordinators = tx
    .select({ id: users.id, officeId: userOffices.healthCenterId })
    .from(users)
    .innerJoin(userOffices, eq(userOffices.userId, users.id))
    .where(and(eq(users.role, "coordinator"), eq(users.prefectureCode, "33")))
    .orderBy(asc(users.username))
    .all();
  const peers = tx.select().from(peerSupporters).where(eq(peerSupporters.prefectureCode, "33")).orderBy(asc(peerSupporters.id)).all();
  const registrations = tx.select().from(peerRegistrations).orderBy(asc(peerRegistrations.peerId), asc(peerRegistrations.fiscalYear)).all();
  return tx
    .select()
    .from(healthCenters)
    .where(eq(healthCenters.prefectureCode, "33"))
    .orderBy(asc(healthCenters.sort))
    .all()
    .flatMap((hc) => {
      const coordinator = coordinators.find((c) => c.officeId === hc.id);
      const all = peers.filter((p) => p.officeId === hc.id);
      if (!coordinator || all.length === 0) return [];
      const near = hospitalRows.filter((h) => h.regionId === hc.regionId).map((h) => h.id);
      return [
        {
          id: hc.id,
          coordinatorId: coordinator.id,
          hospitalIds: near.length > 0 ? near : hospitalRows.map((h) => h.id),
          // Active peers only: a paused one is not sent, a withdrawn one no longer registered.
          peers: all
            .filter((p) => p.status === "active")
            .map((p) => ({ id: p.id, registrations: registrations.filter((r) => r.peerId === p.id).map((r) => ({ from: r.registeredOn, to: r.expiresOn })) })),
          size: all.length >= 5 ? 2 : 1,
        },
      ];
    });
}

type Draft = { date: string; status: DispatchStatus; recordedOn: string };

/** The dispatches of one office: the year's at the FY2024 pace, then those around today. */
function draftDispatches(office: Office, root: Rng, ctx: RecentContext): Draft[] {
  const drafts: Draft[] = [];
  for (let fy = RECENT_FIRST_FY; fy <= ctx.currentFy; fy++) {
    const g = root.fork(`${office.id}-${fy}`);
    const { start, end } = fiscalYearRange(fy);
    const n = g.int(3, 7) * office.size;
    for (let k = 0; k < n; k++) {
      const date = dateBetween(g, start, end);
      const cancelled = g.chance(0.07);
      // Those later in the year are not asked for yet.
      if (date <= ctx.today) drafts.push({ date, status: cancelled ? "cancelled" : "done", recordedOn: date });
    }
  }
  const g = root.fork(`${office.id}-around-${ctx.today}`);
  const fyEnd = fiscalYearRange(ctx.currentFy).end; // registrations run to the end of this year
  const past = (from: number, to: number) => maxDate(ctx.start, addDays(ctx.today, -g.int(from, to)));
  const ahead = (from: number, to: number) => addDays(ctx.today, g.int(from, to));
  for (let i = g.int(1, 2); i > 0; i--) {
    const date = past(1, 21);
    drafts.push({ date, status: "done", recordedOn: date });
  }
  if (g.chance(0.35)) drafts.push({ date: past(1, 3), status: "scheduled", recordedOn: past(7, 20) }); // done, not yet marked
  for (let i = g.int(1, 2); i > 0; i--) {
    const date = ahead(1, 28);
    if (date <= fyEnd) drafts.push({ date, status: "scheduled", recordedOn: past(0, 10) });
  }
  if (g.chance(0.3)) {
    const date = ahead(14, 40);
    if (date <= fyEnd) drafts.push({ date, status: "requested", recordedOn: past(0, 5) });
  }
  return drafts.sort((a, b) => a.date.localeCompare(b.date));
}

export function seedRecentPeers(tx: Tx, ctx: RecentContext, spans: RecentCaseSpan[]): RecentPeerSummary {
  const root = createRng(SEED);
  const dispatches: (typeof peerDispatches.$inferInsert)[] = [];
  const members: (typeof peerDispatchMembers.$inferInsert)[] = [];
  for (const office of loadOffices(tx)) {
    const g = root.fork(`details-${office.id}`);
    const numbers = new Map<number, number>();
    for (const d of draftDispatches(office, root, ctx)) {
      const available = office.peers.filter((p) => p.registrations.some((r) => r.from <= d.date && r.to >= d.date));
      if (available.length === 0) continue;
      const purpose = g.weighted(PURPOSE_WEIGHTS);
      const team = [g.pick(available)];
      if (available.length > 1 && purpose !== "individual_accompany" && g.chance(0.45)) team.push(g.pick(available.filter((p) => p.id !== team[0]!.id)));
      const linked =
        purpose === "individual_accompany"
          ? spans.find((c) => c.officeId === office.id && c.supportStartDate <= d.date && (!c.endDate || c.endDate >= d.date) && (!c.dischargeDate || c.dischargeDate >= d.date))
          : undefined;
      const atHospital = AT_HOSPITAL.includes(purpose);
      const startHour = g.int(9, 15);
      const hours = g.pick([1, 1.5, 2, 2, 3]);
      const endMinutes = startHour * 60 + hours * 60;
      const fy = fiscalYearOf(d.date);
      const k = (numbers.get(fy) ?? 0) + 1;
      numbers.set(fy, k);
      const id = `dispatch-${office.id}-${fy}-${pad(k, 2)}`;
      const done = d.status === "done";
      const recorded = ts(minDate(d.recordedOn, ctx.today), "09:00");
      dispatches.push({
        id,
        prefectureCode: "33",
        officeId: office.id,
        date: d.date,
        startTime: `${pad(startHour, 2)}:00`,
        endTime: `${pad(Math.floor(endMinutes / 60), 2)}:${pad(endMinutes % 60, 2)}`,
        requestingOrg: atHospital ? "病院 精神保健福祉士（見本）" : g.pick(["市町村 障害福祉課（見本）", "相談支援事業所（見本）", null]),
        destinationKind: atHospital ? "hospital" : "venue",
        hospitalId: atHospital ? g.pick(office.hospitalIds) : null,
        destinationName: atHospital ? null : g.pick(VENUES),
        purpose,
        audienceCount: done && WITH_AUDIENCE.includes(purpose) ? g.int(4, 24) : null,
        caseId: linked?.id ?? null,
        status: d.status,
        report: done ? (atHospital ? "入院中の方と退院後の生活について話し合った（見本の記録）。" : "体験を伝え、参加者と意見を交わした（見本の記録）。") : null,
        version: 1,
        createdBy: office.coordinatorId,
        createdAt: recorded,
        updatedBy: office.coordinatorId,
        updatedAt: done ? ts(d.date, "09:00") : recorded,
      });
      for (const p of team) members.push({ dispatchId: id, peerId: p.id, hours, honorariumYen: Math.round(hours * 1000), travelYen: g.pick([0, 400, 800, 1200, 1600]) });
    }
  }
  ctx.insert(peerDispatches, dispatches);
  ctx.insert(peerDispatchMembers, members);
  return { done: dispatches.filter((d) => d.status === "done").length, planned: dispatches.filter((d) => d.status === "scheduled" || d.status === "requested").length };
}
