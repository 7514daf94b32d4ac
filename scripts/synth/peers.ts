import type { Ctx, Office } from "./context";
import type { CaseRef } from "./cases";
import { fyEnd, fyStart, iso } from "./dates";
import { drawPerson } from "./people";

/*
 * Peer supporters (ADR 0012, 0015): registered per fiscal year (peer_registrations, one row a year,
 * the supporter's row carrying the latest), trained, and dispatched only on days a registration
 * covers. A dispatch of individual accompaniment is linked to a case of the office that was open
 * and in hospital that day (indicator C12).
 */

const PURPOSES = { inhospital_salon: 30, group_work: 15, testimony: 12, individual_accompany: 18, hospital_community_exchange: 8, awareness_event: 10, training_lecturer: 4, kyogi_member: 3 } as const;
const AT_HOSPITAL = new Set(["inhospital_salon", "group_work", "testimony", "hospital_community_exchange", "individual_accompany"]);
const VENUES = ["地域活動支援センター（見本）", "市民会館（見本）", "保健所会議室", "福祉センター（見本）"];

type Peer = { id: string; registrations: { fy: number; from: number; to: number }[]; withdrawnOn: number | null };

export function generatePeers(ctx: Ctx, office: Office, peerCount: number, dispatchesPerYear: number, cases: readonly CaseRef[]): void {
  const { w, today } = ctx;
  const supporter = w.table("peer_supporters", [
    "id", "prefecture_code", "office_id", "display_code", "registered_on", "registration_fy", "expires_on", "status", "status_changed_on", "consent_date",
    "volunteer_insurance_until", "version", "created_by", "created_at", "updated_by", "updated_at",
  ]);
  const registration = w.table("peer_registrations", ["peer_id", "fiscal_year", "registered_on", "expires_on", "created_by", "created_at"]);
  const training = w.table("peer_trainings", ["id", "peer_id", "kind", "completed_on"]);
  const accepts = w.table("peer_activities", ["peer_id", "purpose"]);
  const area = w.table("peer_areas", ["peer_id", "region_id"]);
  const dispatch = w.table("peer_dispatches", [
    "id", "prefecture_code", "office_id", "date", "start_time", "end_time", "requesting_org", "destination_kind", "hospital_id", "destination_name", "purpose",
    "audience_count", "case_id", "status", "report", "version", "created_by", "created_at", "updated_by", "updated_at",
  ]);
  const member = w.table("peer_dispatch_members", ["dispatch_id", "peer_id", "hours", "honorarium_yen", "travel_yen"]);
  const rng = ctx.rng.fork(`peers-${office.id}`);
  const coordinator = office.coordinatorIds[0]!;
  const years = ctx.fiscalYears;
  const lastFy = years.at(-1)!;
  const stamp = (d: number, t: string) => {
    const s = `${iso(d)}T${t}.000Z`;
    return s < ctx.nowIso ? s : ctx.nowIso;
  };

  const peers: Peer[] = [];
  // The first two are veterans registered from the first year; the others join later, spread over
  // the years (from an offset of the office's own), so a prefecture has new peers most years (A8).
  const offset = rng.int(0, years.length - 1);
  for (let i = 0; i < peerCount; i++) {
    const p = rng.fork(`p${i}`);
    const firstFy = i < 2 ? years[0]! : years[(offset + (i - 2) * 3) % years.length]!;
    const regs: Peer["registrations"] = [];
    let fy = firstFy;
    while (fy <= lastFy) {
      const from = fy === firstFy ? Math.min(fyStart(fy) + p.int(0, 120), today) : fyStart(fy);
      regs.push({ fy, from, to: fyEnd(fy) });
      if (i >= 2 && p.chance(0.1)) break;
      fy += p.chance(0.05) ? 2 : 1;
    }
    const current = regs.at(-1)!;
    const lapsed = current.fy < lastFy;
    const status = lapsed && p.chance(0.3) ? "withdrawn" : !lapsed && p.chance(0.06) ? "paused" : "active";
    const statusOn = status === "withdrawn" ? Math.min(current.to - p.int(10, 120), today) : status === "paused" ? Math.min(current.from + p.int(30, 150), today) : null;
    const id = ctx.ids.at(iso(regs[0]!.from));
    const created = stamp(regs[0]!.from, "09:00:00");
    supporter(
      id, office.prefectureCode, office.id, `${office.casePrefix}-P-${String(i + 1).padStart(3, "0")}`, iso(regs[0]!.from), current.fy, iso(current.to), status,
      statusOn === null ? null : iso(Math.max(statusOn, regs[0]!.from)), iso(regs[0]!.from), iso(current.to), 1, coordinator, created, coordinator, stamp(statusOn ?? current.from, "09:00:00"),
    );
    for (const r of regs) registration(id, r.fy, iso(r.from), iso(r.to), coordinator, stamp(r.from, "09:00:00"));
    ctx.people.writePeerIdentity(id, drawPerson(p, 1950, 1995, { male: 50, female: 50 }), p.chance(0.8) ? `090-0000-${String(p.int(0, 9999)).padStart(4, "0")}` : null, created);
    const trainedOn = regs[0]!.from - p.int(7, 60);
    training(ctx.ids.at(iso(trainedOn)), id, "peer_yousei", iso(trainedOn));
    if (regs.length > 1 && p.chance(0.5)) training(ctx.ids.at(iso(regs[1]!.from)), id, "peer_followup", iso(Math.min(regs[1]!.from + p.int(60, 200), today)));
    accepts(id, "inhospital_salon");
    for (const purpose of ["group_work", "testimony", "individual_accompany", "awareness_event"] as const) if (p.chance(0.5)) accepts(id, purpose);
    area(id, office.regionId);
    peers.push({ id, registrations: regs, withdrawnOn: status === "withdrawn" ? statusOn : null });
  }

  const hospitals = office.nearHospitals.length > 0 ? office.nearHospitals : office.prefectureHospitals;
  const ownCases = cases.filter((c) => c.officeId === office.id);
  for (const fy of years) {
    const from = fyStart(fy);
    const to = Math.min(fyEnd(fy), today);
    if (to < from) continue;
    const n = Math.round(dispatchesPerYear * (0.6 + rng.next() * 0.8));
    for (let k = 0; k < n; k++) {
      const d = from + rng.int(0, to - from);
      const available = peers.filter((p) => p.registrations.some((r) => r.from <= d && d <= r.to) && !(p.withdrawnOn !== null && p.withdrawnOn < d));
      if (available.length === 0) continue;
      const purpose = rng.weighted(PURPOSES);
      const team = [rng.pick(available)];
      if (available.length > 1 && purpose !== "individual_accompany" && rng.chance(0.45)) {
        const second = rng.pick(available);
        if (second !== team[0]) team.push(second);
      }
      let caseId: string | null = null;
      if (purpose === "individual_accompany") {
        for (let tries = 0; tries < 8 && caseId === null && ownCases.length > 0; tries++) {
          const c = ownCases[rng.int(0, ownCases.length - 1)]!;
          if (c.start <= d && d <= c.until) caseId = c.id;
        }
      }
      const atHospital = AT_HOSPITAL.has(purpose);
      const status = d > today - 3 ? "scheduled" : rng.chance(fy === 2020 || fy === 2021 ? 0.3 : 0.07) ? "cancelled" : "done";
      const hour = rng.int(9, 15);
      const hours = rng.pick([1, 1.5, 2, 2, 3]);
      const endMinutes = hour * 60 + hours * 60;
      const id = ctx.ids.at(iso(d));
      const audience = status === "done" && purpose !== "individual_accompany" && purpose !== "kyogi_member" ? rng.int(4, 24) : null;
      dispatch(
        id, office.prefectureCode, office.id, iso(d), `${String(hour).padStart(2, "0")}:00`,
        `${String(Math.floor(endMinutes / 60)).padStart(2, "0")}:${String(endMinutes % 60).padStart(2, "0")}`,
        atHospital ? "病院 精神保健福祉士（見本）" : "市町村 障害福祉課（見本）", atHospital ? "hospital" : "venue", atHospital ? rng.pick(hospitals) : null,
        atHospital ? null : rng.pick(VENUES), purpose, audience, caseId, status,
        status === "done" ? ctx.people.encrypt(atHospital ? "入院中の方と退院後の生活について話し合った（見本の記録）。" : "体験を伝え、参加者と意見を交わした（見本の記録）。") : null,
        1, coordinator, stamp(d, "09:00:00"), coordinator, stamp(d, "18:00:00"),
      );
      for (const p of team) member(id, p.id, hours, Math.round(hours * 1000), rng.pick([0, 400, 800, 1200]));
    }
  }
}
