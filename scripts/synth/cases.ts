import { ACTIVITY_MINUTES, ACTIVITY_WEIGHTS, activityGroup, chooseOpenTarget, DISCHARGE_LIVING, END_NOTES, NOMINAL_DAYS, READMISSION_NOTE, RESUME_NOTE, SUMMARIES, SUSPEND_NOTES, TAIL_DAYS } from "@/db/seed/demo-cases";
import type { Rng } from "@/db/seed/random";
import type { ActivityType, AdmissionType, DiagnosisGroup, DischargeDestination, EndReason, Phase, ReferralSource, WardType } from "@/lib/domain/case-codes";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { PHASE_ORDER } from "@/lib/domain/case-phase";
import type { Ctx, Office } from "./context";
import { day, fiscalYearOfDay, fyEnd, fyStart, iso } from "./dates";
import { drawPerson } from "./people";

/*
 * Discharge-support cases (ADR 0010) with what the demo gives a case (db/seed/demo-cases.ts, whose
 * code lists, weights and texts are reused): a person and identity owned by the office (ADR 0024),
 * the phase events from 把握 to the current phase, the index hospitalisation and readmissions,
 * follow-up checks, care plans, trial stays and the activities (ADR 0014/0017), all dated inside
 * the case's life and never after today. Numbers per office and fiscal year follow the referral
 * order, and case_number_sequences holds each office's last number so new cases continue it.
 */

export type CaseRef = { id: string; officeId: string; start: number; until: number };

const stamp = (ctx: Ctx, d: number, time: string) => {
  const s = `${iso(d)}T${time}.000Z`;
  return s < ctx.nowIso ? s : ctx.nowIso;
};

function chooseTarget(rng: Rng, y: number): Phase {
  const pClosed = y < 0.5 ? 0.03 : y < 1 ? 0.1 : y < 2 ? 0.3 : y < 3 ? 0.55 : y < 4 ? 0.72 : y < 5 ? 0.85 : 0.92;
  if (rng.chance(pClosed)) return "closed";
  return chooseOpenTarget(rng, y);
}

const line = (upTo: Phase): Phase[] => PHASE_ORDER.slice(0, PHASE_ORDER.indexOf(upTo as (typeof PHASE_ORDER)[number]) + 1);

function buildPath(rng: Rng, target: Phase, y: number): { phases: Phase[]; endReason: EndReason | null } {
  if (target === "suspended") {
    const at = rng.weighted<Phase>({ identified: 0.5, assessment: 1.5, engagement: 4, preparation: 3, discharged: 0.5, settling: 2.5 });
    return { phases: [...line(at), "suspended"], endReason: null };
  }
  if (target !== "closed") {
    const phases = line(target);
    // A pause that ended: suspended, then back to the interrupted phase.
    if (phases.length > 2 && rng.chance(0.08)) {
      const i = rng.int(1, phases.length - 2);
      phases.splice(i + 1, 0, "suspended", phases[i]!);
    }
    return { phases, endReason: null };
  }
  const kind = rng.weighted({ full: y < 1 ? 0.5 : y < 2 ? 3 : 6, afterDischarge: 0.4, early: 2.5 });
  if (kind === "full") return { phases: line("closed"), endReason: rng.weighted<EndReason>({ settled: 70, handed_over: 12, long_term_care: 5, transferred_out: 6, death: 3, other: 4 }) };
  if (kind === "afterDischarge") return { phases: [...line("discharged"), "closed"], endReason: rng.weighted<EndReason>({ handed_over: 3, transferred_out: 1 }) };
  const at = rng.weighted<Phase>({ identified: 1, assessment: 2, engagement: 4, preparation: 2 });
  return { phases: [...line(at), "closed"], endReason: rng.weighted<EndReason>({ withdrew: 4, condition_worsened: 3, death: 1.5, transferred_out: 1, other: 0.5 }) };
}

type Step = { phase: Phase; from: Phase | null; date: number; note: string | null };

function datePath(rng: Rng, phases: Phase[], endReason: EndReason | null, referral: number, start: number, today: number, pace: number): Step[] {
  const durations = phases.map((p, i) => Math.round(rng.int(...NOMINAL_DAYS[p]) * (phases.slice(0, i).includes(p) ? 0.5 : 1) * pace));
  const last = phases.length - 1;
  const current = phases[last]!;
  let nominal = durations.slice(0, last).reduce((a, b) => a + b, 0);
  const available = Math.max(0, today - start);
  let scale: number;
  if (current === "closed") {
    const room = Math.max(0, available - rng.int(0, 10));
    scale = nominal === 0 ? 0 : Math.min(0.8 + rng.next() * 0.8, room / nominal);
  } else {
    const tail = Math.min(rng.int(...TAIL_DAYS[current]), available);
    const room = available - tail;
    const engagement = phases.indexOf("engagement");
    if (nominal > 0 && room > 2.5 * nominal && engagement >= 0 && engagement < last) {
      const extra = room - 2.5 * nominal;
      durations[engagement]! += extra;
      nominal += extra;
    }
    scale = nominal === 0 ? 0 : Math.min(2.5, room / nominal);
  }
  const steps: Step[] = [];
  let cumulative = 0;
  phases.forEach((phase, i) => {
    const from = i === 0 ? null : phases[i - 1]!;
    let date = referral;
    if (i > 0) {
      cumulative += durations[i - 1]!;
      date = start + Math.floor(cumulative * scale);
    }
    let note: string | null = null;
    if (phase === "suspended") note = phases.slice(0, i).includes("discharged") ? READMISSION_NOTE : rng.pick(SUSPEND_NOTES);
    else if (from === "suspended" && phase !== "closed") note = RESUME_NOTE;
    else if (phase === "closed") note = endReason ? (END_NOTES[endReason] ?? null) : null;
    steps.push({ phase, from, date, note });
  });
  return steps;
}

/** Referrals per fiscal year, relative: the programme grows over the ten years. */
const fyWeight = (i: number) => 10 + i;

export function generateCases(ctx: Ctx, office: Office, count: number, out: CaseRef[]): void {
  const { w, today } = ctx;
  const insertCase = w.table("cases", [
    "id", "case_no", "person_id", "prefecture_code", "office_id", "coordinator_user_id", "phase", "referral_date", "referral_source", "hospital_id", "ward_type",
    "index_admission_date", "admission_date_precision", "admission_type", "diagnosis_group", "techo_grade", "support_category", "consent_date", "consent_scope",
    "support_start_date", "planned_discharge_date", "discharge_date", "discharge_destination", "living_arrangement_after", "end_date", "end_reason",
    "last_activity_date", "version", "created_by", "created_at", "updated_by", "updated_at",
  ]);
  const event = w.table("case_phase_events", ["id", "case_id", "from_phase", "phase", "date", "note", "created_by", "created_at"]);
  const activity = w.table("case_activities", ["id", "case_id", "date", "activity_type", "minutes", "staff_user_id", "with_peer", "summary", "created_by", "created_at", "version"]);
  const hospitalization = w.table("hospitalizations", ["id", "case_id", "hospital_id", "admission_date", "discharge_date", "admission_type", "is_index", "created_by", "created_at"]);
  const followUp = w.table("follow_up_checks", ["id", "case_id", "offset_months", "due_date", "checked_date", "status", "note", "updated_by", "updated_at"]);
  const carePlan = w.table("care_plans", ["id", "case_id", "plan_type", "status", "created_date", "review_due_date", "period_end_date", "consent_date", "ended_on", "created_by", "created_at"]);
  const trialStay = w.table("trial_stays", ["id", "case_id", "kind", "place_type", "start_date", "end_date", "outcome", "created_by", "created_at"]);
  const sequence = w.table("case_number_sequences", ["office_id", "fiscal_year", "last_seq"]);

  const rng = ctx.rng.fork(`cases-${office.id}`);
  const years = ctx.fiscalYears;
  const weights = Object.fromEntries(years.map((fy, i) => [String(fy), fyWeight(i)]));
  const referrals: number[] = [];
  for (let i = 0; i < count; i++) {
    const fy = Number(rng.weighted(weights));
    const from = fyStart(fy);
    const to = Math.min(fyEnd(fy), today);
    referrals.push(from + rng.int(0, Math.max(0, to - from)));
  }
  referrals.sort((a, b) => a - b);
  const hospitals = office.nearHospitals.length > 0 ? office.nearHospitals : office.prefectureHospitals;
  const lastSeq = new Map<number, number>();

  referrals.forEach((referral, index) => {
    const c = rng.fork(`c${index}`);
    const coordinator = office.coordinatorIds[index % office.coordinatorIds.length]!;
    const y = (today - referral) / 365;
    const referralIso = iso(referral);
    const caseId = ctx.ids.at(referralIso);
    const personId = ctx.ids.at(referralIso);
    const createdAt = stamp(ctx, referral, "00:30:00");

    // --- person ---
    const refYear = Number(referralIso.slice(0, 4));
    const person = drawPerson(c, Math.max(1930, refYear - 85), Math.min(refYear - 20, 2004));
    const municipality = office.municipalities.length > 0 ? c.pick(office.municipalities) : null;
    ctx.people.writePerson(
      personId,
      person,
      { prefectureCode: office.prefectureCode, officeId: office.id, municipality },
      { phone: c.chance(0.85) ? `090-0000-${String(c.int(0, 9999)).padStart(4, "0")}` : null, address: municipality && c.chance(0.6) ? `（見本）${municipality.name}` : null },
      createdAt,
    );

    // --- clinical background ---
    const age = refYear - person.birthYear;
    const diagnosisGroup = c.weighted<DiagnosisGroup>({ F2: 60, F0: age >= 70 ? 30 : 4, F3: 8, F7: 6, F1: 4, F8: 3, F6: 2, F4: 2, G40: 2, F9: 0.5, F5: 0.3, unknown: 3 });
    const admissionType = c.weighted<AdmissionType>({ medical_protection: 45, voluntary: 40, involuntary_measures: 6, emergency_measures: 1, urgent: 1, forensic: 2, unknown: 5 });
    const wardType: WardType | null = c.chance(0.05)
      ? null
      : diagnosisGroup === "F0" && c.chance(0.5)
        ? "dementia"
        : c.weighted<WardType>({ psych_recuperation: 35, psych_general: 30, psych_acute: 8, community_transition: 5, psych_community_care: referralIso >= "2024-06-01" ? 4 : 0, other: 2 });
    const referralSource: ReferralSource =
      admissionType === "forensic"
        ? "forensic"
        : c.weighted<ReferralSource>({ hospital_psw: 45, hospital_survey: 12, health_center: 10, municipality: 8, soudan_office: 8, welfare_office_cw: 7, family: 4, self: 3, peer: 1, mhwc: 1, other: 1 });
    const lag = c.chance(0.12) ? c.int(90, 350) : Math.min(Math.max(400, (age - 16) * 365), c.int(365, c.pick([2, 5, 10, 20, 25]) * 365));
    const admissionDay = referral - lag;
    const precision = c.weighted(lag > 5 * 365 ? { day: 50, month: 35, year: 15 } : { day: 85, month: 12, year: 3 });
    const admissionIso = iso(admissionDay);
    const indexAdmission = precision === "day" ? admissionIso : precision === "month" ? `${admissionIso.slice(0, 7)}-01` : `${admissionIso.slice(0, 4)}-01-01`;
    const hospitalId = c.chance(0.75) ? c.pick(hospitals) : c.pick(office.prefectureHospitals);

    // --- timeline ---
    const start = Math.min(referral + c.int(0, 60), today);
    const { phases, endReason: pathEnd } = buildPath(c, chooseTarget(c, y), y);
    // One in ten goes fast (a short stay, a ready placement): discharged within months of the start.
    const steps = datePath(c, phases, pathEnd, referral, start, today, c.chance(0.1) ? 0.2 : 1);
    const phase = steps.at(-1)!.phase;
    const first = (p: Phase) => steps.find((s) => s.phase === p)?.date ?? null;
    const engagement = first("engagement");
    const preparation = first("preparation");
    const discharge = first("discharged");
    const end = phase === "closed" ? steps.at(-1)!.date : null;
    const endReason = phase === "closed" ? pathEnd : null;
    const limit = end ?? today;
    steps.forEach((s) => event(ctx.ids.at(iso(s.date)), caseId, s.from, s.phase, iso(s.date), s.note === null ? null : ctx.people.encrypt(s.note), coordinator, stamp(ctx, s.date, "02:00:00")));

    // --- consent ---
    const noConsent = phase === "identified" || phase === "assessment" ? 0.4 : phase === "engagement" || phase === "suspended" ? 0.1 : phase === "closed" && engagement === null ? 0.3 : 0;
    const consent = c.chance(noConsent) ? null : Math.max(referral, Math.min(start + c.int(0, 21), engagement ?? Infinity, end ?? Infinity, today));
    const consentScope = consent === null ? null : c.weighted({ support_and_sharing: 80, support_only: 12, verbal: 8 });

    // --- discharge ---
    let destination: DischargeDestination | null = null;
    if (discharge !== null) {
      destination = c.weighted<DischargeDestination>({
        group_home: 30, rental_apartment: 18, home_family: 14, home_alone: 8, public_housing: 6, residential_training: 6,
        elderly_facility_ltc: age >= 65 ? 10 : 0.5, elderly_housing: age >= 65 ? 6 : 0.5, disability_facility: 3, relief_facility: 3, other: 1,
      });
    }
    const planned = preparation === null ? null : Math.max(referral, discharge !== null ? discharge + c.int(-20, 30) : Math.min(preparation + c.int(60, 150), today + 365));

    // --- hospitalisations: the index stay, then a readmission now and then ---
    hospitalization(ctx.ids.at(indexAdmission), caseId, hospitalId, indexAdmission, discharge !== null ? iso(discharge) : endReason === "death" && end !== null ? iso(end) : null, admissionType, 1, coordinator, createdAt);
    const readmissions: { from: number; to: number | null }[] = [];
    if (discharge !== null) {
      steps.forEach((s, i) => {
        if (s.date <= discharge || s.phase !== "suspended") return;
        const next = steps[i + 1];
        const from = Math.max(s.date - c.int(0, 7), discharge + 1);
        const back = next && next.phase !== "closed" ? next.date : null;
        if (from <= today) readmissions.push({ from, to: back !== null && back >= from ? back : null });
      });
      if (readmissions.length === 0 && c.chance(0.12)) {
        const from = discharge + c.int(20, 120);
        const to = from + c.int(14, 100);
        if (end !== null ? to <= end - 7 : from <= today) readmissions.push({ from, to: to <= today ? to : null });
      }
      for (const r of readmissions) {
        hospitalization(ctx.ids.at(iso(r.from)), caseId, c.chance(0.7) ? hospitalId : c.pick(office.prefectureHospitals), iso(r.from), r.to === null ? null : iso(r.to), c.weighted<AdmissionType>({ voluntary: 5, medical_protection: 4, involuntary_measures: 0.5 }), 0, coordinator, stamp(ctx, r.from, "03:00:00"));
      }
    }

    // --- follow-up checks (1, 3, 6 and 12 months after discharge) ---
    let lastCheck = 0;
    if (discharge !== null) {
      const dischargeIso = iso(discharge);
      for (const months of [1, 3, 6, 12]) {
        const due = day(addMonthsIso(dischargeIso, months));
        let checked: number | null = null;
        let status: string | null = null;
        if (due <= today && !(phase !== "closed" && c.chance(0.06))) {
          checked = Math.min(due + c.int(0, 10), today);
          const inHospital = readmissions.some((r) => r.from <= checked! && (r.to === null || checked! <= r.to));
          status = inHospital ? "readmitted" : end !== null && checked >= end && endReason === "death" ? "deceased" : end !== null && checked >= end && endReason === "transferred_out" ? "moved" : c.chance(0.04) ? "unreachable" : "living_in_community";
          lastCheck = Math.max(lastCheck, checked);
        }
        followUp(ctx.ids.at(iso(due)), caseId, months, iso(due), checked === null ? null : iso(checked), status, null, checked === null ? null : coordinator, checked === null ? null : stamp(ctx, checked, "06:00:00"));
      }
    }

    // --- activities: first visit at the support start, then through the case's life ---
    const stale = phase !== "closed" && c.chance(phase === "suspended" ? 0.6 : 0.2);
    const room = today - start;
    const lastActivity = end !== null ? end : stale && room > 31 ? today - c.int(31, Math.min(150, room)) : today - c.int(0, Math.min(20, Math.max(0, room)));
    const window = Math.max(0, lastActivity - start);
    const n = Math.max(2, Math.min(ctx.maxActivities, Math.round(window / c.int(ctx.activityGap[0], ctx.activityGap[1])) + 2));
    const dates = [start, lastActivity];
    for (let i = 2; i < n; i++) dates.push(start + c.int(0, window));
    dates.sort((a, b) => a - b);
    let k = 0;
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i]!;
      while (k + 1 < steps.length && steps[k + 1]!.date <= d) k++;
      const type: ActivityType = i === 0 ? "ward_visit" : c.weighted(ACTIVITY_WEIGHTS[activityGroup(steps[k]!.phase, discharge !== null && d >= discharge)]);
      const [lo, hi] = ACTIVITY_MINUTES[type];
      const peerLikely = type === "ward_visit" || type === "outing_accompany" || type === "trial_use_accompany";
      const summary = i === 0 ? "初回面会。支援の内容を説明し、本人の話を聞いた。" : c.chance(ctx.summaryShare) ? c.pick(SUMMARIES[type]) : null;
      const dIso = iso(d);
      activity(ctx.ids.at(dIso), caseId, dIso, type, Math.max(15, Math.round(c.int(lo, hi) / 5) * 5), coordinator, c.chance(peerLikely ? 0.22 : 0.05) ? 1 : 0, summary === null ? null : ctx.people.encrypt(summary), coordinator, stamp(ctx, d, "06:00:00"), 1);
    }

    // --- trial stays ---
    if (preparation !== null && c.chance(0.4)) {
      const stayLimit = Math.min(discharge ?? Infinity, end ?? Infinity, today);
      if (stayLimit - preparation >= 3) {
        const s0 = preparation + c.int(0, stayLimit - preparation - 1);
        const kind = c.weighted({ experience_stay: 6, trial_leave: 3, experience_use: 2 });
        const place = kind === "experience_stay" ? c.weighted({ group_home: 5, trial_room: 3, residential_training: 1, hostel: 1 }) : kind === "trial_leave" ? c.weighted({ home: 4, other: 1 }) : c.weighted({ group_home: 2, other: 1 });
        const e0 = Math.min(s0 + c.int(kind === "experience_use" ? 0 : 1, 5), stayLimit);
        trialStay(ctx.ids.at(iso(s0)), caseId, kind, place, iso(s0), iso(e0), c.weighted({ as_planned: 80, returned_early: 12, cancelled: 8 }), coordinator, stamp(ctx, e0, "07:00:00"));
      }
    }

    // --- care plans (with consent only) ---
    if (consent !== null && engagement !== null && c.chance(0.85)) {
      const created = Math.max(consent, Math.min(engagement + c.int(7, 45), discharge ?? Infinity, end ?? Infinity, today));
      const createdIso = iso(created);
      const six = day(addMonthsIso(createdIso, 6)) - 1;
      const stillIn = discharge ?? end ?? today;
      const extended = stillIn > six;
      const periodEnd = extended ? day(addMonthsIso(createdIso, 12)) - 1 : six;
      const closedStatus = endReason === "withdrew" ? "consent_withdrawn" : endReason === "transferred_out" ? "moved_out" : "ended";
      const status = end !== null ? closedStatus : discharge !== null ? "ended" : extended ? "extended" : "active";
      const endedOn = status === "ended" ? iso(Math.max(created, discharge ?? end ?? created)) : null;
      carePlan(ctx.ids.at(createdIso), caseId, "chiiki_iko", status, createdIso, addMonthsIso(createdIso, 3), iso(periodEnd), iso(Math.min(consent, created)), endedOn, coordinator, stamp(ctx, created, "05:00:00"));
    }
    const involuntary = admissionType === "involuntary_measures" || admissionType === "emergency_measures";
    if (consent !== null && discharge !== null && c.chance(involuntary ? 0.8 : 0.2)) {
      const created = Math.max(start, discharge - c.int(0, 14));
      const periodEnd = day(addMonthsIso(iso(discharge), 6)) - 1;
      const status = end !== null && end < periodEnd ? "ended" : periodEnd < today ? "ended" : "active";
      // Ended with the case, or around the period's end (some a little late).
      const endedOn = status !== "ended" ? null : end !== null && end < periodEnd ? end : Math.max(created, Math.min(periodEnd + c.int(-20, 10), today));
      carePlan(ctx.ids.at(iso(created)), caseId, "post_discharge_gl", status, iso(created), addMonthsIso(iso(discharge), 3), iso(periodEnd), iso(created), endedOn === null ? null : iso(endedOn), coordinator, stamp(ctx, created, "05:00:00"));
    }

    // --- the case ---
    const fy = fiscalYearOfDay(referral);
    const seq = (lastSeq.get(fy) ?? 0) + 1;
    lastSeq.set(fy, seq);
    const updated = Math.max(steps.at(-1)!.date, lastActivity, lastCheck);
    insertCase(
      caseId, formatCaseNumber(office.prefectureCode, office.casePrefix, fy, seq), personId, office.prefectureCode, office.id, coordinator, phase, referralIso, referralSource,
      hospitalId, wardType, indexAdmission, precision, admissionType, diagnosisGroup,
      c.chance(0.05) ? null : c.weighted({ grade1: 20, grade2: 40, grade3: 8, none: 15, applying: 5, unknown: 12 }),
      c.chance(0.05) ? null : c.weighted({ not_applicable: 5, level1: 5, level2: 20, level3: 25, level4: 15, level5: 5, level6: 3, not_applied: 20 }),
      consent === null ? null : iso(consent), consentScope, iso(start), planned === null ? null : iso(planned),
      discharge === null ? null : iso(discharge), destination, destination === null ? null : DISCHARGE_LIVING[destination],
      end === null ? null : iso(end), endReason, iso(lastActivity), 1, coordinator, createdAt, coordinator, stamp(ctx, updated, "08:00:00"),
    );
    out.push({ id: caseId, officeId: office.id, start, until: Math.min(discharge ?? Infinity, limit) });
  });
  for (const [fy, seq] of lastSeq) sequence(office.id, fy, seq);
}

/** `iso` plus whole months, clamped to the end of a shorter month (as lib/domain/date-math.ts addMonths). */
export function addMonthsIso(isoDate: string, months: number): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
