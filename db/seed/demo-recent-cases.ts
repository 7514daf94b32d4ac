import "server-only";
import { asc } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { carePlans, caseActivities, caseNumberSequences, casePhaseEvents, cases, followUpChecks, hospitalizations, personIdentities, persons, trialStays } from "@/db/schema";
import type { AdmissionType, ConsentScope, DatePrecision, DiagnosisGroup, DischargeDestination, EndReason, Phase, ReferralSource, TechoGrade, SupportCategory, WardType } from "@/lib/domain/case-codes";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { canTransition } from "@/lib/domain/case-phase";
import { addDays, addMonths, daysBetween } from "@/lib/domain/date-math";
import { fiscalYearOf, fiscalYearRange } from "@/lib/domain/fiscal-year";
import { normalizeKana } from "@/lib/domain/kana";
import { nameKeys } from "@/lib/domain/name-key";
import {
  BACK_NOTE,
  DEFAULT_CASES_PER_OFFICE,
  DEMO_CASES_PER_OFFICE,
  DEMO_FAMILY_NAMES,
  DISCHARGE_LIVING,
  END_NOTES,
  FY_WEIGHTS,
  NOMINAL_DAYS,
  READMISSION_NOTE,
  RESUME_NOTE,
  SUSPEND_NOTES,
  drawPerson,
  givenNameOf,
  loadContext,
  type HospitalInfo,
  type OfficeInfo,
} from "./demo-cases";
import { writeCaseRecords, type CaseRecordRows, type Stay, type Story } from "./demo-recent-case-records";
import { createRng, type Rng } from "./random";
import { RECENT_FIRST_FY, dateBetween, maxDate, minDate, pad, ts, type RecentContext } from "./demo-recent-util";

/*
 * The discharge-support cases after FY2024, relative to the seeding day (ADR 0020).
 *
 * Every case still open at the end of FY2024 goes on: from its phase on 2025-03-31 it moves
 * along the lifecycle (lib/domain/case-phase.ts) at the pace of the FY2019–FY2024 demo, with
 * phase changes only up to today. New cases are referred in FY2025 and every later year up to
 * today, about as many per office as in FY2024, and are worked the same way from 対象者把握.
 * demo-recent-case-records.ts then writes what a coordinator logs on the way: activities up to
 * the last few weeks, follow-ups on discharge, plans with their reviews, trial stays.
 *
 * Nothing dated up to 2025-03-31 is changed; rows of a continuing case that describe its state
 * (phase, discharge, end, last activity, the index stay's discharge, a follow-up recorded late,
 * a plan that ended) are updated as the DAL would update them.
 */

const SEED = "tsunagu-demo-recent-cases-v1";
/** FY2024's share of the FY2019–FY2024 referrals: the yearly pace the recent years keep. */
const YEARLY_SHARE = FY_WEIGHTS[2024] / Object.values(FY_WEIGHTS).reduce((a, b) => a + b, 0);

type CaseRow = typeof cases.$inferSelect;

export type RecentCaseSpan = { id: string; officeId: string; supportStartDate: string; dischargeDate: string | null; endDate: string | null };

export type RecentCaseSummary = {
  continued: number;
  newCases: number;
  discharged: number;
  closed: number;
  /** Every case worked after the anchor, for the peer dispatches that accompany one. */
  spans: RecentCaseSpan[];
};

// ---------------------------------------------------------------------------------------
// The lifecycle after the anchor

type Weights<K extends string> = Partial<Record<K, number>>;

const NEXT: Record<Exclude<Phase, "closed" | "suspended">, Weights<Phase>> = {
  identified: { assessment: 92, suspended: 4, closed: 4 },
  assessment: { engagement: 90, suspended: 5, closed: 5 },
  engagement: { preparation: 84, suspended: 9, closed: 7 },
  preparation: { discharged: 88, engagement: 5, suspended: 5, closed: 2 },
  discharged: { settling: 94, suspended: 4, closed: 2 },
  settling: { closed: 85, suspended: 15 },
};

/** Days in a phase after the anchor: the FY2019–FY2024 pace, with 地域定着 supported a little longer. */
const DAYS: Record<Phase, [number, number]> = { ...NOMINAL_DAYS, settling: [180, 720] };

const END_REASONS_FROM: Record<Exclude<Phase, "closed">, Weights<EndReason>> = {
  identified: { withdrew: 4, transferred_out: 1, other: 1 },
  assessment: { withdrew: 4, transferred_out: 1, other: 1 },
  engagement: { withdrew: 4, condition_worsened: 3, death: 1.5, transferred_out: 1, other: 0.5 },
  preparation: { withdrew: 4, condition_worsened: 3, death: 1.5, transferred_out: 1, other: 0.5 },
  discharged: { handed_over: 3, transferred_out: 1 },
  settling: { settled: 70, handed_over: 12, long_term_care: 5, transferred_out: 6, death: 3, other: 4 },
  suspended: { condition_worsened: 3, withdrew: 2, death: 0.5, other: 0.5 },
};

/** The next phase of a story, or null when it stays where it is. */
function chooseNext(s: Story): { to: Phase; endReason: EndReason | null } | null {
  const { rng } = s;
  let weights: Weights<Phase>;
  if (s.phase === "suspended") {
    // A readmission open at the anchor has no recorded end (the DAL cannot close one), so that
    // pause does not resume here: the person stays in hospital or the support ends.
    const canResume = !!s.resume && !s.readmittedAtAnchor;
    weights = canResume ? { [s.resume!]: 65, closed: 35 } : { suspended: 65, closed: 35 };
  } else {
    weights = { ...NEXT[s.phase as keyof typeof NEXT] };
  }
  if (s.forceOpen) delete weights.closed;
  if (!Object.values(weights).some((w) => (w ?? 0) > 0)) return null;
  const to = rng.weighted(weights);
  if (to === s.phase) return null;
  return { to, endReason: to === "closed" ? rng.weighted(END_REASONS_FROM[s.phase as Exclude<Phase, "closed">]) : null };
}

function drawDestination(rng: Rng, age: number): DischargeDestination {
  return rng.weighted<DischargeDestination>({
    group_home: 30,
    rental_apartment: 18,
    home_family: 14,
    home_alone: 8,
    public_housing: 6,
    residential_training: 6,
    elderly_facility_ltc: age >= 65 ? 10 : 0.5,
    elderly_housing: age >= 65 ? 6 : 0.5,
    disability_facility: 3,
    relief_facility: 3,
    other: 1,
  });
}

/** One phase change on `date`, with what the DAL records alongside it (transitionCase). */
function applyStep(s: Story, to: Phase, date: string, endReason: EndReason | null, ctx: RecentContext): void {
  const from = s.phase;
  if (!canTransition(from, to, s.resume)) throw new Error(`demo ${s.id}: ${from} → ${to} is not an allowed transition`);
  const { rng } = s;
  let note: string | null = null;
  if (to === "suspended") {
    if (s.dischargeDate) {
      note = READMISSION_NOTE;
      const admission = maxDate(addDays(date, -rng.int(0, 7)), addDays(s.dischargeDate, 1));
      s.stays.push({ id: `hz-${s.key}-${s.tag}${s.stays.filter((x) => x.fresh).length + 1}`, admission, discharge: null, isIndex: false, fresh: true, hospitalId: null });
    } else {
      note = rng.pick(SUSPEND_NOTES);
    }
    s.resume = from;
  } else if (from === "suspended" && to !== "closed") {
    note = RESUME_NOTE;
    // Back from a readmission recorded here: the stay ends that day.
    const open = s.stays.find((x) => x.fresh && !x.isIndex && x.discharge === null);
    if (open) open.discharge = date;
  } else if (from === "preparation" && to === "engagement") {
    note = BACK_NOTE;
  } else if (to === "closed") {
    note = END_NOTES[endReason!] ?? null;
  }
  if (to === "discharged" && !s.dischargeDate) {
    s.dischargeDate = date;
    s.dischargeAdded = true;
    s.destination = drawDestination(rng, Number(date.slice(0, 4)) - s.birthYear);
    s.living = DISCHARGE_LIVING[s.destination];
    const index = s.stays.find((x) => x.isIndex)!;
    if (index.discharge === null) index.discharge = date;
  }
  if (to === "closed") {
    s.endDate = date;
    s.endReason = endReason;
  }
  // Consent comes with 関係づくり at the latest (plans need it); a few go on without for a while.
  const needsConsent = to === "preparation" || to === "discharged" || (to === "engagement" && rng.chance(0.95));
  if (needsConsent && !s.consentDate) {
    s.consentDate = maxDate(s.fresh ? s.referralDate : ctx.start, addDays(date, -rng.int(0, 14)));
    s.consentScope = rng.weighted<ConsentScope>({ support_and_sharing: 80, support_only: 12, verbal: 8 });
  }
  const step = { phase: to, from, date, note };
  s.history.push(step);
  s.added.push(step);
  s.phase = to;
}

/** Move a story forward from `firstChange` (its next phase change) until today. */
function simulate(s: Story, firstChange: string, ctx: RecentContext): void {
  let at = firstChange;
  for (let guard = 0; guard < 40 && at <= ctx.today; guard++) {
    const next = chooseNext(s);
    if (!next) return;
    applyStep(s, next.to, at, next.endReason, ctx);
    if (s.phase === "closed") return;
    const [lo, hi] = DAYS[s.phase];
    // Re-entered phases (after a pause or a step back) go faster, as in the FY2019–FY2024 demo.
    const repeat = s.history.slice(0, -1).some((h) => h.phase === s.phase) ? 0.5 : 1;
    at = addDays(at, Math.max(1, Math.round(s.rng.int(lo, hi) * repeat)));
  }
}

// ---------------------------------------------------------------------------------------
// Continuing cases: the state on 2025-03-31, read back from the tables

type Existing = {
  events: Map<string, (typeof casePhaseEvents.$inferSelect)[]>;
  stays: Map<string, (typeof hospitalizations.$inferSelect)[]>;
  birthYears: Map<string, number>;
};

function readExisting(tx: Tx): { rows: CaseRow[]; existing: Existing } {
  const group = <T extends { caseId: string }>(list: T[]) => {
    const map = new Map<string, T[]>();
    for (const r of list) map.set(r.caseId, [...(map.get(r.caseId) ?? []), r]);
    return map;
  };
  const rows = tx.select().from(cases).orderBy(asc(cases.id)).all();
  return {
    rows,
    existing: {
      events: group(tx.select().from(casePhaseEvents).orderBy(asc(casePhaseEvents.caseId), asc(casePhaseEvents.date), asc(casePhaseEvents.id)).all()),
      stays: group(tx.select().from(hospitalizations).orderBy(asc(hospitalizations.admissionDate)).all()),
      birthYears: new Map(tx.select({ id: persons.id, ym: persons.birthYearMonth }).from(persons).all().map((p) => [p.id, Number(p.ym.slice(0, 4))])),
    },
  };
}

function continuingStory(row: CaseRow, office: OfficeInfo, existing: Existing, root: Rng): Story {
  const history = (existing.events.get(row.id) ?? []).map((e) => ({ phase: e.phase, from: e.fromPhase, date: e.date, note: e.note }));
  const lastSuspension = [...history].reverse().find((e) => e.phase === "suspended");
  const stays: Stay[] = (existing.stays.get(row.id) ?? []).map((h) => ({ id: h.id, admission: h.admissionDate, discharge: h.dischargeDate, isIndex: h.isIndex, fresh: false, hospitalId: h.hospitalId }));
  return {
    id: row.id,
    key: row.id.slice(2),
    fresh: false,
    tag: "r",
    office,
    row,
    rng: root.fork(row.id),
    coordinator: row.coordinatorUserId,
    referralDate: row.referralDate,
    supportStart: row.supportStartDate,
    admissionType: row.admissionType,
    birthYear: existing.birthYears.get(row.personId) ?? 1965,
    history,
    added: [],
    phase: row.phase,
    resume: row.phase === "suspended" ? (lastSuspension?.from ?? null) : null,
    readmittedAtAnchor: row.phase === "suspended" && !!row.dischargeDate,
    consentDate: row.consentDate,
    consentScope: row.consentScope,
    dischargeDate: row.dischargeDate,
    dischargeAdded: false,
    destination: row.dischargeDestination,
    living: row.livingArrangementAfter,
    endDate: null,
    endReason: null,
    plannedDischargeDate: row.plannedDischargeDate,
    stays,
    forceOpen: false,
    lastActivityDate: row.lastActivityDate,
  };
}

// ---------------------------------------------------------------------------------------
// New referrals, FY2025 up to today

type NewDraft = { office: OfficeInfo; referralDate: string; rng: Rng };

function draftNewCases(offices: OfficeInfo[], root: Rng, ctx: RecentContext): NewDraft[] {
  const drafts: NewDraft[] = [];
  for (const office of offices) {
    if (office.coordinatorIds.length === 0) continue;
    const perYear = (DEMO_CASES_PER_OFFICE[office.code] ?? DEFAULT_CASES_PER_OFFICE) * YEARLY_SHARE;
    const own: NewDraft[] = [];
    for (let fy = RECENT_FIRST_FY; fy <= ctx.currentFy; fy++) {
      // One generator per office and year: a past year's referrals do not depend on today.
      const g = root.fork(`referrals-${office.id}-${fy}`);
      const { start, end } = fiscalYearRange(fy);
      const until = minDate(end, ctx.today);
      const share = (daysBetween(start, until) + 1) / (daysBetween(start, end) + 1);
      let n = Math.round(perYear * share * (0.75 + g.next() * 0.5));
      if (fy < ctx.currentFy) n = Math.max(1, n);
      const dates = Array.from({ length: n }, () => dateBetween(g, start, until)).sort();
      dates.forEach((referralDate, i) => own.push({ office, referralDate, rng: g.fork(`case-${i}`) }));
    }
    drafts.push(...own);
  }
  return drafts;
}

function newStory(d: NewDraft, seq: number, nth: number, hospitalsOfPref: HospitalInfo[], rows: NewCaseRows, ctx: RecentContext): Story {
  const { office, referralDate, rng } = d;
  const fy = fiscalYearOf(referralDate);
  const key = `${office.id}-${fy}-${pad(seq, 3)}`;
  const id = `c-${key}`;
  const personId = `p-${key}`;
  const coordinator = office.coordinatorIds[nth % office.coordinatorIds.length]!;
  const p = drawPerson(rng, office);
  const birthYearMonth = `${p.birthYear}-${pad(p.birthMonth, 2)}`;
  const [familyName, familyKana] = DEMO_FAMILY_NAMES[p.family]!;
  const [givenName, givenKana] = givenNameOf(p);
  const createdAt = ts(referralDate);
  rows.persons.push({ id: personId, prefectureCode: office.prefectureCode, officeId: office.id, birthYearMonth, sex: p.sex, municipalityCode: p.municipality?.code ?? null, createdAt, updatedAt: createdAt });
  rows.identities.push({
    personId,
    familyName,
    givenName,
    familyNameKana: familyKana,
    givenNameKana: givenKana,
    kanaKey: normalizeKana(familyKana + givenKana),
    ...nameKeys({ familyName, givenName }),
    dateOfBirth: `${birthYearMonth}-${pad(p.birthDay, 2)}`,
    phone: rng.chance(0.85) ? `090-0000-${pad(rng.int(0, 9999), 4)}` : null,
    address: p.municipality && rng.chance(0.6) ? `（デモ）${p.municipality.name}` : null,
    updatedAt: createdAt,
  });

  // The clinical background, drawn as the FY2019–FY2024 demo draws it.
  const age = Number(referralDate.slice(0, 4)) - p.birthYear;
  const diagnosisGroup = rng.weighted<DiagnosisGroup>({ F2: 60, F0: age >= 70 ? 30 : 4, F3: 8, F7: 6, F1: 4, F8: 3, F6: 2, F4: 2, G40: 2, F9: 0.5, F5: 0.3, unknown: 3 });
  const admissionType = rng.weighted<AdmissionType>({ medical_protection: 45, voluntary: 40, involuntary_measures: 6, emergency_measures: 1, urgent: 1, forensic: 2, unknown: 5 });
  const wardType: WardType | null = rng.chance(0.05)
    ? null
    : diagnosisGroup === "F0" && rng.chance(0.5)
      ? "dementia"
      : rng.weighted<WardType>({ psych_recuperation: 35, psych_general: 30, psych_acute: admissionType === "involuntary_measures" ? 20 : 8, community_transition: 5, psych_community_care: 4, other: 2 });
  const referralSource: ReferralSource =
    admissionType === "forensic"
      ? "forensic"
      : rng.weighted<ReferralSource>({ hospital_psw: 45, hospital_survey: 12, health_center: 10, municipality: 8, soudan_office: 8, welfare_office_cw: 7, family: 4, self: 3, peer: 1, mhwc: 1, other: 1 });
  const band = rng.weighted({ "1-2": 30, "2-5": 30, "5-10": 20, "10-20": 15 });
  const [lo, hi] = band.split("-").map(Number) as [number, number];
  const lagDays = rng.chance(0.12) ? rng.int(90, 350) : Math.min(Math.max(400, (age - 16) * 365), rng.int(lo * 365, hi * 365));
  const admissionDay = addDays(referralDate, -lagDays);
  const precision = rng.weighted<DatePrecision>(lagDays > 5 * 365 ? { day: 50, month: 35, year: 15 } : { day: 85, month: 12, year: 3 });
  const indexAdmissionDate = precision === "day" ? admissionDay : precision === "month" ? `${admissionDay.slice(0, 7)}-01` : `${admissionDay.slice(0, 4)}-01-01`;
  const sameRegion = hospitalsOfPref.filter((h) => h.regionId === office.regionId);
  const hospital = sameRegion.length > 0 && rng.chance(0.7) ? rng.pick(sameRegion) : rng.pick(hospitalsOfPref);
  const supportStart = minDate(addDays(referralDate, rng.int(0, 60)), ctx.today);

  const row: CaseRow = {
    id,
    caseNo: formatCaseNumber(office.prefectureCode, office.casePrefix, fy, seq),
    personId,
    prefectureCode: office.prefectureCode,
    officeId: office.id,
    coordinatorUserId: coordinator,
    phase: "identified",
    referralDate,
    referralSource,
    hospitalId: hospital.id,
    wardType,
    indexAdmissionDate,
    admissionDatePrecision: precision,
    admissionType,
    diagnosisGroup,
    techoGrade: rng.chance(0.05) ? null : rng.weighted<TechoGrade>({ grade1: 20, grade2: 40, grade3: 8, none: 15, applying: 5, unknown: 12 }),
    supportCategory: rng.chance(0.05) ? null : rng.weighted<SupportCategory>({ not_applicable: 5, level1: 5, level2: 20, level3: 25, level4: 15, level5: 5, level6: 3, not_applied: 20 }),
    consentDate: null,
    consentScope: null,
    supportStartDate: supportStart,
    plannedDischargeDate: null,
    dischargeDate: null,
    dischargeDestination: null,
    livingArrangementAfter: null,
    endDate: null,
    endReason: null,
    lastActivityDate: null,
    version: 1,
    createdBy: coordinator,
    createdAt,
    updatedBy: coordinator,
    updatedAt: createdAt,
  };
  const first = { phase: "identified" as Phase, from: null, date: referralDate, note: null };
  return {
    id,
    key,
    fresh: true,
    tag: "",
    office,
    row,
    rng,
    coordinator,
    referralDate,
    supportStart,
    admissionType,
    birthYear: p.birthYear,
    history: [first],
    added: [first],
    phase: "identified",
    resume: null,
    readmittedAtAnchor: false,
    consentDate: null,
    consentScope: null,
    dischargeDate: null,
    dischargeAdded: false,
    destination: null,
    living: null,
    endDate: null,
    endReason: null,
    plannedDischargeDate: null,
    stays: [{ id: `hz-${key}-1`, admission: indexAdmissionDate, discharge: null, isIndex: true, fresh: true, hospitalId: hospital.id }],
    forceOpen: false,
    lastActivityDate: null,
  };
}

type NewCaseRows = {
  persons: (typeof persons.$inferInsert)[];
  identities: (typeof personIdentities.$inferInsert)[];
};

// ---------------------------------------------------------------------------------------
// Entry point

/**
 * Per prefecture, a couple of cases in 退院準備 today were discharged about a month ago, so
 * that their 1-month follow-up falls due in the coming days on whatever day the demo is seeded.
 */
function arrangeRecentDischarges(stories: Story[], root: Rng, ctx: RecentContext): void {
  for (const pref of [...new Set(stories.map((s) => s.office.prefectureCode))]) {
    const g = root.fork(`due-soon-${pref}`);
    const candidates = stories.filter((s) => s.office.prefectureCode === pref && s.phase === "preparation" && !s.dischargeDate);
    let arranged = 0;
    while (candidates.length > 0 && arranged < 2) {
      const s = candidates.splice(g.int(0, candidates.length - 1), 1)[0]!;
      // The 1-month check falls due 4–13 days from today (addMonths clamps month ends, never later).
      const date = addMonths(addDays(ctx.today, g.int(4, 13)), -1);
      if (date <= s.history.at(-1)!.date || date < ctx.start || date < s.supportStart) continue;
      applyStep(s, "discharged", date, null, ctx);
      arranged++;
    }
  }
}

export function seedRecentCases(tx: Tx, ctx: RecentContext): RecentCaseSummary {
  const root = createRng(SEED);
  const context = loadContext(tx);
  const offices = new Map(context.offices.map((o) => [o.id, o]));
  const { rows: caseRows, existing } = readExisting(tx);

  // Continuing cases: those open on the anchor day, in id order.
  const stories: Story[] = caseRows.filter((r) => r.phase !== "closed").map((r) => continuingStory(r, offices.get(r.officeId)!, existing, root));

  // New cases: numbered per office and fiscal year in referral order, as createCase numbers them.
  const newRows: NewCaseRows = { persons: [], identities: [] };
  const sequences: (typeof caseNumberSequences.$inferInsert)[] = [];
  const drafts = draftNewCases(context.offices, root, ctx);
  const byOffice = new Map<string, NewDraft[]>();
  for (const d of drafts) byOffice.set(d.office.id, [...(byOffice.get(d.office.id) ?? []), d]);
  for (const [officeId, own] of byOffice) {
    const office = offices.get(officeId)!;
    const hospitalsOfPref = context.hospitals.filter((h) => h.prefectureCode === office.prefectureCode);
    const lastSeq = new Map<number, number>();
    own.forEach((d, i) => {
      const fy = fiscalYearOf(d.referralDate);
      const seq = (lastSeq.get(fy) ?? 0) + 1;
      lastSeq.set(fy, seq);
      stories.push(newStory(d, seq, i, hospitalsOfPref, newRows, ctx));
    });
    for (const [fiscalYear, seq] of lastSeq) sequences.push({ officeId, fiscalYear, lastSeq: seq });
  }

  // Every office keeps an open case: its newest referral (a new one if it has any).
  for (const office of context.offices) {
    const own = stories.filter((s) => s.office.id === office.id);
    const newest = own.filter((s) => s.fresh).at(-1) ?? [...own].sort((a, b) => a.referralDate.localeCompare(b.referralDate)).at(-1);
    if (newest) newest.forceOpen = true;
  }

  for (const s of stories) {
    if (s.fresh) {
      simulate(s, addDays(s.supportStart, s.rng.int(...DAYS.identified)), ctx);
    } else {
      const [lo, hi] = DAYS[s.phase];
      // Part of the current phase is already behind it on the anchor day.
      const left = Math.max(1, Math.round(s.rng.int(lo, hi) * (0.15 + 0.85 * s.rng.next())));
      simulate(s, addDays(ctx.anchor, left), ctx);
    }
  }
  arrangeRecentDischarges(stories, root, ctx);

  const records: CaseRecordRows = writeCaseRecords(tx, stories, ctx);
  ctx.insert(persons, newRows.persons);
  ctx.insert(personIdentities, newRows.identities);
  ctx.insert(cases, stories.filter((s) => s.fresh).map((s) => s.row));
  ctx.insert(caseNumberSequences, sequences);
  ctx.insert(casePhaseEvents, records.events);
  ctx.insert(caseActivities, records.activities);
  ctx.insert(trialStays, records.trialStays);
  ctx.insert(carePlans, records.carePlans);
  ctx.insert(hospitalizations, records.hospitalizations);
  ctx.insert(followUpChecks, records.followUps);
  for (const s of stories.filter((x) => !x.fresh)) ctx.update(cases, records.caseUpdates.get(s.id)!, { id: s.id });

  return {
    continued: stories.filter((s) => !s.fresh).length,
    newCases: stories.filter((s) => s.fresh).length,
    discharged: stories.filter((s) => s.dischargeAdded).length,
    closed: stories.filter((s) => s.endDate).length,
    spans: stories.map((s) => ({ id: s.id, officeId: s.office.id, supportStartDate: s.supportStart, dischargeDate: s.dischargeDate, endDate: s.endDate })),
  };
}

