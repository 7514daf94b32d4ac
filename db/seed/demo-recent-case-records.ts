import "server-only";
import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { carePlans, caseActivities, casePhaseEvents, cases, followUpChecks, hospitalizations, trialStays } from "@/db/schema";
import type {
  ActivityType,
  AdmissionType,
  CarePlanStatus,
  CarePlanType,
  ConsentScope,
  DischargeDestination,
  EndReason,
  FollowUpStatus,
  LivingArrangement,
  Phase,
  TrialOutcome,
  TrialPlace,
  TrialStayKind,
} from "@/lib/domain/case-codes";
import { followUpDueDates } from "@/lib/domain/case-metrics";
import { addDays, addMonths, daysBetween } from "@/lib/domain/date-math";
import { ACTIVITY_MINUTES, ACTIVITY_WEIGHTS, SUMMARIES, activityGroup, type OfficeInfo } from "./demo-cases";
import type { Rng } from "./random";
import { dateBetween, maxDate, minDate, pad, ts, type RecentContext } from "./demo-recent-util";

/*
 * What a coordinator records while a case moves on after FY2024 (demo-recent-cases.ts decides
 * the phase changes): the phase events, activities up to the last few weeks, the follow-ups a
 * discharge creates and their results, plans renewed with their next reviews, trial stays (some
 * planned ahead) and readmissions. Row shapes are the DAL's (lib/dal/cases.ts, case-records.ts).
 */

type CaseRow = typeof cases.$inferSelect;
export type Step = { phase: Phase; from: Phase | null; date: string; note: string | null };
export type Stay = { id: string; admission: string; discharge: string | null; isIndex: boolean; fresh: boolean; hospitalId: string | null };

/** One case's way after the anchor (or from its referral, for a new case). */
export type Story = {
  id: string;
  /** The id without its "c-": the stem of every child row's id. */
  key: string;
  /** Referred after the anchor (a new case) rather than continued. */
  fresh: boolean;
  /** "" for a new case; "r" marks the rows added to a continuing one (they sort after the old). */
  tag: string;
  office: OfficeInfo;
  row: CaseRow;
  rng: Rng;
  coordinator: string;
  referralDate: string;
  supportStart: string;
  admissionType: AdmissionType | null;
  birthYear: number;
  history: Step[];
  added: Step[];
  phase: Phase;
  resume: Phase | null;
  readmittedAtAnchor: boolean;
  consentDate: string | null;
  consentScope: ConsentScope | null;
  dischargeDate: string | null;
  dischargeAdded: boolean;
  destination: DischargeDestination | null;
  living: LivingArrangement | null;
  endDate: string | null;
  endReason: EndReason | null;
  plannedDischargeDate: string | null;
  stays: Stay[];
  /** The office's case that must stay open (every office keeps one, with recent activity). */
  forceOpen: boolean;
  lastActivityDate: string | null;
};

export type CaseRecordRows = {
  events: (typeof casePhaseEvents.$inferInsert)[];
  activities: (typeof caseActivities.$inferInsert)[];
  trialStays: (typeof trialStays.$inferInsert)[];
  carePlans: (typeof carePlans.$inferInsert)[];
  hospitalizations: (typeof hospitalizations.$inferInsert)[];
  followUps: (typeof followUpChecks.$inferInsert)[];
  caseUpdates: Map<string, Partial<CaseRow>>;
};

const OPEN_PLAN: readonly CarePlanStatus[] = ["drafting", "active", "extended"];
const POST_DISCHARGE: readonly Phase[] = ["discharged", "settling"];

const phaseAt = (s: Story, date: string): Phase => {
  let current: Phase = "identified";
  for (const h of s.history) if (h.date <= date) current = h.phase;
  return current;
};

// ---------------------------------------------------------------------------------------
// Activities

/** Activities after the anchor (from the support start for a new case); returns the last date. */
function addActivities(s: Story, ctx: RecentContext, out: CaseRecordRows): void {
  const { rng } = s;
  const from = s.fresh ? s.supportStart : ctx.start;
  if (from > ctx.today) return;
  let last: string | null;
  if (s.endDate) {
    last = s.endDate;
  } else {
    // Most open cases were seen in the last three weeks; a few have gone quiet (「30日以上活動なし」).
    const stale = !s.forceOpen && rng.chance(s.phase === "suspended" ? 0.5 : 0.1);
    last = addDays(ctx.today, stale ? -rng.int(31, 90) : -rng.int(0, 20));
    if (last < from) last = stale ? null : from;
  }
  if (!last) return;
  const span = daysBetween(from, last);
  const n = Math.max(1, Math.min(30, Math.round(span / rng.int(25, 45)) + 1));
  const dates = [last];
  if (s.fresh && n > 1) dates.push(from);
  while (dates.length < n) dates.push(dateBetween(rng, from, last));
  dates.sort();
  dates.forEach((date, i) => {
    const first = s.fresh && i === 0;
    const type: ActivityType = first ? "ward_visit" : rng.weighted(ACTIVITY_WEIGHTS[activityGroup(phaseAt(s, date), !!s.dischargeDate && date >= s.dischargeDate)]);
    const [lo, hi] = ACTIVITY_MINUTES[type];
    const peerLikely = type === "ward_visit" || type === "outing_accompany" || type === "trial_use_accompany";
    out.activities.push({
      id: `a-${s.key}-${s.tag}${pad(i + 1, 2)}`,
      caseId: s.id,
      date,
      activityType: type,
      minutes: Math.max(15, Math.round(rng.int(lo, hi) / 5) * 5),
      staffUserId: s.coordinator,
      withPeer: rng.chance(peerLikely ? 0.22 : 0.05),
      summary: first ? "初回面会。支援の内容を説明し、本人の話を聞いた。" : rng.pick(SUMMARIES[type]),
      createdBy: s.coordinator,
      createdAt: ts(date, "06:00"),
    });
  });
  s.lastActivityDate = maxDate(s.lastActivityDate, last);
}

// ---------------------------------------------------------------------------------------
// Follow-ups

type Check = { id: string; offsetMonths: number; dueDate: string; checkedDate: string | null; status: FollowUpStatus | null; existing: boolean; changed: boolean };

function checkStatus(s: Story, date: string): FollowUpStatus {
  if (s.stays.some((x) => !x.isIndex && x.admission <= date && (x.discharge === null || date <= x.discharge))) return "readmitted";
  if (s.endDate && date >= s.endDate && s.endReason === "death") return "deceased";
  if (s.endDate && date >= s.endDate && s.endReason === "transferred_out") return "moved";
  return s.rng.chance(0.04) ? "unreachable" : "living_in_community";
}

/**
 * The checks of a discharged case: those due up to today are recorded a few days after the due
 * date, except a few left overdue on open cases (more often the latest); those still to come stay
 * open. A check left unrecorded before the anchor is recorded late, as most would be.
 */
function settleChecks(s: Story, old: (typeof followUpChecks.$inferSelect)[], ctx: RecentContext): Check[] {
  if (!s.dischargeDate) return [];
  const { rng, dischargeDate } = s;
  const checks: Check[] = s.dischargeAdded
    ? followUpDueDates(dischargeDate).map((f) => ({ id: `f-${s.key}-${pad(f.offsetMonths, 2)}`, offsetMonths: f.offsetMonths, dueDate: f.dueDate, checkedDate: null, status: null, existing: false, changed: true }))
    : old.map((f) => ({ id: f.id, offsetMonths: f.offsetMonths, dueDate: f.dueDate, checkedDate: f.checkedDate, status: f.status, existing: true, changed: false }));
  const open = s.phase !== "closed";
  for (const c of checks) {
    if (c.checkedDate || c.dueDate > ctx.today) continue;
    let checked: string;
    if (c.dueDate <= ctx.anchor) {
      if (open && !rng.chance(0.85)) continue;
      checked = minDate(ctx.today, addDays(ctx.anchor, rng.int(3, 45)));
    } else {
      const overdue = open && (c.dueDate >= addDays(ctx.today, -60) ? rng.chance(0.3) : rng.chance(0.03));
      if (overdue) continue;
      checked = minDate(ctx.today, addDays(c.dueDate, rng.int(0, 10)));
    }
    c.checkedDate = checked;
    c.status = checkStatus(s, checked);
    c.changed = true;
  }
  return checks;
}

// ---------------------------------------------------------------------------------------
// Care plans

type PlanRow = typeof carePlans.$inferSelect;

const closedPlanStatus = (reason: EndReason | null): CarePlanStatus => (reason === "withdrew" ? "consent_withdrawn" : reason === "transferred_out" ? "moved_out" : "ended");

/** When the next review of a renewed plan falls: a few overdue, many in the coming weeks. */
function drawReview(rng: Rng, today: string): string {
  const r = rng.next();
  if (r < 0.12) return addDays(today, -rng.int(1, 20));
  if (r < 0.45) return addDays(today, rng.int(3, 21));
  return addDays(today, rng.int(22, 80));
}

/**
 * Plans after the anchor. The DAL cannot move a plan's review date, so a plan is renewed as a
 * coordinator does it: the old one ends (終了) and a new one starts, reviewed 3 (地域移行支援) or 6
 * (サービス等利用計画) months later. Discharge ends the in-hospital plans; closure ends them all.
 */
function planCases(s: Story, old: PlanRow[], ctx: RecentContext, out: CaseRecordRows, updates: { id: string; status: CarePlanStatus; endedOn: string | null }[]): void {
  const { rng, today } = { rng: s.rng, today: ctx.today };
  const open = new Map(old.filter((p) => OPEN_PLAN.includes(p.status)).map((p) => [p.id, p]));
  let n = 0;
  const end = (p: PlanRow, status: CarePlanStatus, on: string) => {
    updates.push({ id: p.id, status, endedOn: status === "ended" ? maxDate(on, p.createdDate) : null });
    open.delete(p.id);
  };
  const add = (plan: Omit<typeof carePlans.$inferInsert, "id" | "caseId" | "createdBy" | "createdAt">) => {
    const row = { id: `cp-${s.key}-${s.tag}${++n}`, caseId: s.id, createdBy: s.coordinator, createdAt: ts(plan.createdDate, "05:00"), ...plan };
    out.carePlans.push(row);
    return row;
  };

  if (s.endDate) {
    for (const p of [...open.values()]) end(p, closedPlanStatus(s.endReason), s.endDate);
    return;
  }
  if (s.dischargeAdded) {
    const discharge = s.dischargeDate!;
    for (const p of [...open.values()]) if (p.planType === "chiiki_iko" || p.planType === "hospital_discharge") end(p, "ended", discharge);
    const involuntary = s.admissionType === "involuntary_measures" || s.admissionType === "emergency_measures";
    if (s.consentDate && rng.chance(involuntary ? 0.8 : 0.2)) {
      // 退院後支援計画: made at a meeting before discharge, for 6 months.
      const created = maxDate(ctx.start, s.supportStart, s.consentDate, addDays(discharge, -rng.int(0, 14)));
      const periodEnd = addDays(addMonths(discharge, 6), -1);
      const ended = periodEnd < today;
      add({ planType: "post_discharge_gl", status: ended ? "ended" : "active", createdDate: created, reviewDueDate: addMonths(discharge, 3), periodEndDate: periodEnd, consentDate: created, endedOn: ended ? periodEnd : null });
    }
  }
  for (const p of [...open.values()]) {
    if (p.planType === "post_discharge_gl" && p.periodEndDate && p.periodEndDate < today) end(p, "ended", p.periodEndDate);
  }
  if (!s.consentDate) return;

  const renew = (type: CarePlanType, prev: PlanRow | null) => {
    const every = type === "chiiki_iko" ? 3 : 6;
    let review = drawReview(rng, today);
    let created = addMonths(review, -every);
    const engagement = s.history.find((h) => h.phase === "engagement" && h.date >= ctx.start)?.date;
    const lower = maxDate(ctx.start, s.consentDate, prev ? addDays(prev.createdDate, 1) : null, type === "chiiki_iko" ? engagement : s.dischargeAdded ? addDays(s.dischargeDate!, -30) : null);
    if (created < lower) {
      created = lower;
      review = addMonths(created, every);
    }
    if (created > today) return;
    if (prev) end(prev, "ended", created);
    add({
      planType: type,
      status: "active",
      createdDate: created,
      reviewDueDate: review,
      periodEndDate: addDays(addMonths(created, type === "chiiki_iko" ? 6 : 12), -1),
      consentDate: minDate(s.consentDate, created),
      endedOn: null,
    });
  };
  const post = !!s.dischargeDate && (POST_DISCHARGE.includes(s.phase) || s.phase === "suspended");
  // A plan whose review is long past is renewed (the in-hospital plan only while in hospital).
  for (const p of [...open.values()]) {
    if (!p.reviewDueDate || p.reviewDueDate >= addDays(today, -25)) continue;
    if (p.planType === "service_use" || (p.planType === "chiiki_iko" && !post)) renew(p.planType, p);
  }
  const main: CarePlanType | null = post ? "service_use" : s.phase === "engagement" || s.phase === "preparation" || s.phase === "suspended" ? "chiiki_iko" : null;
  const hasMain = [...open.values()].some((p) => p.planType === main) || out.carePlans.some((p) => p.caseId === s.id && p.planType === main && p.status === "active");
  if (main && !hasMain && rng.chance(0.9)) renew(main, null);
}

// ---------------------------------------------------------------------------------------
// Trial stays

function addTrialStays(s: Story, ctx: RecentContext, out: CaseRecordRows): void {
  const { rng } = s;
  const entries = s.history.map((h, i) => ({ h, next: s.history[i + 1] })).filter((x) => x.h.phase === "preparation");
  const latest = entries.at(-1);
  if (!latest) return;
  const from = maxDate(latest.h.date, s.fresh ? s.supportStart : ctx.start);
  const to = minDate(latest.next?.date, ctx.today);
  let n = 0;
  const add = (start: string, nights: number, outcome: TrialOutcome | null, recorded: string) => {
    const kind = rng.weighted<TrialStayKind>({ experience_stay: 6, trial_leave: 3, experience_use: 2 });
    const placeType: TrialPlace =
      kind === "experience_stay"
        ? rng.weighted<TrialPlace>({ group_home: 5, trial_room: 3, residential_training: 1, hostel: 1 })
        : kind === "trial_leave"
          ? rng.weighted<TrialPlace>({ home: 4, other: 1 })
          : rng.weighted<TrialPlace>({ group_home: 2, other: 1 });
    out.trialStays.push({ id: `t-${s.key}-${s.tag}${++n}`, caseId: s.id, kind, placeType, startDate: start, endDate: addDays(start, nights), outcome, createdBy: s.coordinator, createdAt: ts(recorded, "07:00") });
  };
  const room = daysBetween(from, to);
  if (room >= 5 && rng.chance(0.4)) {
    const count = rng.int(1, 2);
    const starts = Array.from({ length: count }, () => addDays(from, rng.int(0, room - 5))).sort();
    for (const start of starts) {
      const nights = rng.int(1, 4);
      add(start, nights, rng.weighted<TrialOutcome>({ as_planned: 80, returned_early: 12, cancelled: 8 }), addDays(start, nights));
    }
  }
  // Planned ahead: a stay booked for the coming weeks (no outcome yet).
  if (s.phase === "preparation" && from <= ctx.today && rng.chance(0.5)) {
    add(addDays(ctx.today, rng.int(3, 28)), rng.int(1, 4), null, maxDate(from, addDays(ctx.today, -rng.int(0, 10))));
  }
}

// ---------------------------------------------------------------------------------------
// Writing it all

export function writeCaseRecords(tx: Tx, stories: Story[], ctx: RecentContext): CaseRecordRows {
  const out: CaseRecordRows = { events: [], activities: [], trialStays: [], carePlans: [], hospitalizations: [], followUps: [], caseUpdates: new Map() };
  const continuing = stories.filter((s) => !s.fresh).map((s) => s.id);
  const group = <T extends { caseId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of list) map.set(r.caseId, [...(map.get(r.caseId) ?? []), r]);
    return map;
  };
  const oldChecks = group(continuing.length ? tx.select().from(followUpChecks).where(inArray(followUpChecks.caseId, continuing)).all() : []);
  const oldPlans = group(continuing.length ? tx.select().from(carePlans).where(inArray(carePlans.caseId, continuing)).all() : []);

  // Phase events, activities, trial stays.
  for (const s of stories) {
    s.added.forEach((step, i) => {
      out.events.push({ id: `e-${s.key}-${s.tag}${pad(i + 1, 2)}`, caseId: s.id, fromPhase: step.from, phase: step.phase, date: step.date, note: step.note, createdBy: s.coordinator, createdAt: ts(step.date, "02:00") });
    });
    addActivities(s, ctx, out);
    addTrialStays(s, ctx, out);
  }

  // Follow-ups, with a few overdue in each prefecture whatever the draws said.
  const checks = new Map(stories.map((s) => [s.id, settleChecks(s, oldChecks.get(s.id) ?? [], ctx)]));
  for (const pref of [...new Set(stories.map((s) => s.office.prefectureCode))]) {
    const open = stories.filter((s) => s.office.prefectureCode === pref && s.phase !== "closed");
    const overdue = open.some((s) => checks.get(s.id)!.some((c) => !c.checkedDate && c.dueDate < ctx.today));
    if (overdue) continue;
    const recent = open
      .flatMap((s) => checks.get(s.id)!.filter((c) => c.changed && c.checkedDate && c.dueDate > ctx.anchor && c.dueDate < ctx.today))
      .sort((a, b) => b.dueDate.localeCompare(a.dueDate) || a.id.localeCompare(b.id))[0];
    if (recent) Object.assign(recent, { checkedDate: null, status: null });
  }
  for (const s of stories) {
    for (const c of checks.get(s.id)!) {
      if (!c.changed) continue;
      const values = { checkedDate: c.checkedDate, status: c.status, note: null, updatedBy: c.checkedDate ? s.coordinator : null, updatedAt: c.checkedDate ? ts(c.checkedDate, "06:00") : null };
      if (c.existing) {
        if (c.checkedDate) ctx.update(followUpChecks, values, { id: c.id });
      } else {
        out.followUps.push({ id: c.id, caseId: s.id, offsetMonths: c.offsetMonths, dueDate: c.dueDate, ...values });
      }
    }
  }

  // Plans.
  const planUpdates: { id: string; status: CarePlanStatus; endedOn: string | null }[] = [];
  for (const s of stories) planCases(s, oldPlans.get(s.id) ?? [], ctx, out, planUpdates);
  for (const u of planUpdates) ctx.update(carePlans, { status: u.status, endedOn: u.endedOn }, { id: u.id });

  // Hospital stays: the index stay of a new case, readmissions, a first discharge.
  for (const s of stories) {
    for (const stay of s.stays) {
      if (stay.fresh) {
        out.hospitalizations.push({
          id: stay.id,
          caseId: s.id,
          hospitalId: stay.hospitalId ?? s.row.hospitalId,
          admissionDate: stay.admission,
          dischargeDate: stay.discharge,
          admissionType: stay.isIndex ? s.admissionType : s.rng.weighted<AdmissionType>({ voluntary: 5, medical_protection: 4, involuntary_measures: 0.5 }),
          isIndex: stay.isIndex,
          createdBy: s.coordinator,
          createdAt: ts(stay.isIndex ? s.referralDate : maxDate(stay.admission, ctx.start), "03:00"),
        });
      } else if (stay.isIndex && s.dischargeAdded) {
        ctx.update(hospitalizations, { dischargeDate: s.dischargeDate }, { caseId: s.id, isIndex: true });
      }
    }
  }

  // The case itself.
  for (const s of stories) {
    let planned = s.plannedDischargeDate;
    if (s.phase === "preparation" && (!planned || planned < ctx.today)) planned = addDays(ctx.today, s.rng.int(10, 120));
    if (s.dischargeAdded) planned = maxDate(s.supportStart, addDays(s.dischargeDate!, s.rng.int(-20, 30)));
    const consentAdded = s.consentDate !== s.row.consentDate;
    const plannedChanged = planned !== s.row.plannedDischargeDate;
    const transitions = s.added.filter((a) => a.from !== null).length;
    const lastCheck = checks.get(s.id)!.reduce<string | null>((m, c) => (c.changed && c.checkedDate ? maxDate(m, c.checkedDate) : m), null);
    const touched = maxDate(s.row.updatedAt.slice(0, 10), s.history.at(-1)!.date, s.lastActivityDate, lastCheck, consentAdded ? s.consentDate : null);
    const values: Partial<CaseRow> = {
      phase: s.phase,
      consentDate: s.consentDate,
      consentScope: s.consentScope,
      plannedDischargeDate: planned,
      dischargeDate: s.dischargeDate,
      dischargeDestination: s.destination,
      livingArrangementAfter: s.living,
      endDate: s.endDate,
      endReason: s.endReason,
      lastActivityDate: s.lastActivityDate,
      version: s.row.version + transitions + (consentAdded ? 1 : 0) + (plannedChanged ? 1 : 0),
      updatedBy: s.coordinator,
      updatedAt: ts(touched, "08:00"),
    };
    if (s.fresh) Object.assign(s.row, values);
    else out.caseUpdates.set(s.id, values);
  }
  return out;
}
