import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db, Tx } from "@/db/client";
import {
  carePlans,
  caseActivities,
  caseNumberSequences,
  casePhaseEvents,
  cases,
  followUpChecks,
  healthCenters,
  hospitalizations,
  hospitals,
  municipalities,
  personIdentities,
  persons,
  trialStays,
  userOffices,
  users,
} from "@/db/schema";
import type {
  ActivityType,
  AdmissionType,
  CarePlanStatus,
  ConsentScope,
  DatePrecision,
  DiagnosisGroup,
  DischargeDestination,
  EndReason,
  FollowUpStatus,
  LivingArrangement,
  Phase,
  ReferralSource,
  Sex,
  SupportCategory,
  TechoGrade,
  TrialOutcome,
  TrialPlace,
  TrialStayKind,
  WardType,
} from "@/lib/domain/case-codes";
import { followUpDueDates } from "@/lib/domain/case-metrics";
import { formatCaseNumber } from "@/lib/domain/case-number";
import { PHASE_ORDER } from "@/lib/domain/case-phase";
import { addDays, addMonths, daysBetween } from "@/lib/domain/date-math";
import { fiscalYearOf, fiscalYearRange } from "@/lib/domain/fiscal-year";
import { daysInMonth } from "@/lib/domain/iso-date";
import { normalizeKana } from "@/lib/domain/kana";
import { nameKeys } from "@/lib/domain/name-key";
import { DEMO_HOSPITALS, DEMO_HOSPITAL_TIMESTAMP } from "./demo-hospitals";
import { DEMO_USERS } from "./demo-users";
import { createRng, type Rng } from "./random";

/**
 * Deterministic demo discharge-support cases (地域移行支援ケース) for every office.
 *
 * Nothing here reads the clock or Math.random: the data is a function of the org tree and
 * the fixed seeds below, so every start and every test process gets the same rows. The
 * data describes the state as of DEMO_ANCHOR (end of FY2024); referrals fall in
 * FY2019–FY2024, and only forward-looking dates (follow-up due dates, plan periods and
 * reviews, planned discharges) reach past the anchor, never beyond DEMO_HORIZON.
 */

export const DEMO_FIRST_FY = 2019;
export const DEMO_LAST_FY = 2024;
/** The day the demo data describes: every recorded event is on or before it. */
export const DEMO_ANCHOR = fiscalYearRange(DEMO_LAST_FY).end; // 2025-03-31
/** The latest date of anything scheduled (due dates, plan periods). */
export const DEMO_HORIZON = fiscalYearRange(DEMO_LAST_FY + 1).end; // 2026-03-31
const SEED = "tsunagu-demo-cases-v1";

/** Family names that announce themselves as invented (見本 = sample, 仮名 = pseudonym …). */
export const DEMO_FAMILY_NAMES = [
  ["見本", "ミホン"],
  ["仮名", "カメイ"],
  ["架空", "カクウ"],
  ["例示", "レイジ"],
  ["試作", "シサク"],
  ["模擬", "モギ"],
  ["想定", "ソウテイ"],
  ["仮置", "カリオキ"],
  ["名無", "ナナシ"],
  ["空野", "ソラノ"],
  ["試験", "シケン"],
  ["夢見", "ユメミ"],
] as const;

export const DEMO_GIVEN_NAMES_MALE = [
  ["一郎", "イチロウ"],
  ["太郎", "タロウ"],
  ["次郎", "ジロウ"],
  ["正", "タダシ"],
  ["清", "キヨシ"],
  ["健一", "ケンイチ"],
  ["博", "ヒロシ"],
  ["茂", "シゲル"],
  ["誠", "マコト"],
  ["浩二", "コウジ"],
  ["修", "オサム"],
  ["勇", "イサム"],
] as const;

export const DEMO_GIVEN_NAMES_FEMALE = [
  ["花子", "ハナコ"],
  ["和子", "カズコ"],
  ["幸子", "サチコ"],
  ["明美", "アケミ"],
  ["美代子", "ミヨコ"],
  ["恵子", "ケイコ"],
  ["洋子", "ヨウコ"],
  ["節子", "セツコ"],
  ["京子", "キョウコ"],
  ["久美子", "クミコ"],
  ["裕子", "ユウコ"],
  ["由美", "ユミ"],
] as const;

/** Cases per office: the city health centres and 備前 carry the most. */
export const DEMO_CASES_PER_OFFICE: Readonly<Record<string, number>> = {
  // 岡山県
  bizen: 26,
  tobi: 12,
  bitchu: 16,
  ikasa: 14,
  bihoku: 9,
  niimi: 7,
  maniwa: 8,
  mimasaka: 18,
  shoei: 10,
  "okayama-city": 30,
  "kurashiki-city": 28,
  // 山口県
  iwakuni: 14,
  yanai: 10,
  shunan: 16,
  yamaguchi: 15,
  hofu: 10,
  ube: 20,
  nagato: 7,
  hagi: 8,
  "shimonoseki-city": 24,
};
export const DEFAULT_CASES_PER_OFFICE = 8;

/** Referrals per fiscal year, relative: numbers grow as the programme becomes known. */
export const FY_WEIGHTS = { 2019: 12, 2020: 13, 2021: 15, 2022: 17, 2023: 20, 2024: 23 } as const;

const BATCH = 200;

export type DemoCaseSummary = {
  cases: number;
  firstFiscalYear: number;
  lastFiscalYear: number;
  /** Cases per prefecture and phase. */
  byPrefecture: Record<string, Partial<Record<Phase, number>>>;
  /** Offices left without demo cases because no coordinator works there. */
  skippedOffices: string[];
};

// ---------------------------------------------------------------------------------------
// Context read from the database
// ---------------------------------------------------------------------------------------

export type OfficeInfo = {
  id: string;
  code: string;
  prefectureCode: string;
  regionId: string;
  casePrefix: string;
  municipalities: { code: string; name: string }[];
  coordinatorIds: string[];
};

export type HospitalInfo = { id: string; prefectureCode: string; regionId: string | null };

export function loadContext(tx: Tx): { offices: OfficeInfo[]; hospitals: HospitalInfo[] } {
  const munis = tx.select().from(municipalities).orderBy(asc(municipalities.sort)).all();
  const coordRows = tx
    .select({ id: users.id, username: users.username, officeId: userOffices.healthCenterId })
    .from(users)
    .innerJoin(userOffices, eq(userOffices.userId, users.id))
    .where(and(eq(users.role, "coordinator"), eq(users.active, true)))
    .orderBy(asc(users.username))
    .all();
  const demoUsernames = new Set(DEMO_USERS.filter((u) => u.role === "coordinator").map((u) => u.username));
  const offices = tx
    .select()
    .from(healthCenters)
    .orderBy(asc(healthCenters.prefectureCode), asc(healthCenters.sort))
    .all()
    .map((hc): OfficeInfo => {
      const own = munis.filter((m) => m.healthCenterId === hc.id);
      // An office that covers no municipality itself (all went to branches) takes its region's.
      const list = own.length > 0 ? own : munis.filter((m) => m.regionId === hc.regionId);
      const coords = coordRows.filter((c) => c.officeId === hc.id);
      // Demo coordinators first, so that accounts added by hand do not change the data.
      const demo = coords.filter((c) => demoUsernames.has(c.username));
      return {
        id: hc.id,
        code: hc.code,
        prefectureCode: hc.prefectureCode,
        regionId: hc.regionId,
        casePrefix: hc.casePrefix,
        municipalities: list.map((m) => ({ code: m.code, name: m.name })),
        coordinatorIds: (demo.length > 0 ? demo : coords).map((c) => c.id),
      };
    });
  const regionOfMuni = new Map(munis.map((m) => [m.code, m.regionId]));
  const hospitalRows = DEMO_HOSPITALS.map((h) => ({
    id: h.id,
    prefectureCode: h.prefectureCode,
    regionId: regionOfMuni.get(h.municipalityCode) ?? null,
  }));
  return { offices, hospitals: hospitalRows };
}

// ---------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------

const ts = (date: string, hhmm = "00:30") => `${date}T${hhmm}:00.000Z`;
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const minDate = (...dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).reduce((a, b) => (b < a ? b : a));
const maxDate = (...dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).reduce((a, b) => (b > a ? b : a));
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));
/** A date in [from, to], both included (from when the range is empty). */
const dateBetween = (rng: Rng, from: string, to: string) => addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
const roundTo5 = (n: number) => Math.max(15, Math.round(n / 5) * 5);

function insertBatched<T extends SQLiteTable>(tx: Tx, table: T, rows: T["$inferInsert"][]): void {
  for (let i = 0; i < rows.length; i += BATCH) {
    tx.insert(table)
      .values(rows.slice(i, i + BATCH))
      .run();
  }
}

// ---------------------------------------------------------------------------------------
// Person drafts (drawn first, so that duplicate pairs can be arranged per prefecture)
// ---------------------------------------------------------------------------------------

export type PersonDraft = {
  sex: Sex;
  birthYear: number;
  birthMonth: number;
  birthDay: number;
  family: number;
  given: number;
  municipality: { code: string; name: string } | null;
};

type CaseDraft = {
  office: OfficeInfo;
  rng: Rng;
  referralDate: string;
  person: PersonDraft;
  target: Phase;
};

export function drawPerson(rng: Rng, office: OfficeInfo): PersonDraft {
  const sex = rng.weighted<Sex>({ male: 54, female: 45, other: 0.5, unknown: 0.5 });
  // Two draws averaged: more people born mid-century than at the ends of the range.
  const birthYear = Math.round((rng.int(1940, 1995) + rng.int(1940, 1995)) / 2);
  const birthMonth = rng.int(1, 12);
  return {
    sex,
    birthYear,
    birthMonth,
    birthDay: rng.int(1, daysInMonth(birthYear, birthMonth)),
    family: rng.int(0, DEMO_FAMILY_NAMES.length - 1),
    given: rng.int(0, DEMO_GIVEN_NAMES_MALE.length - 1),
    municipality: office.municipalities.length > 0 ? rng.pick(office.municipalities) : null,
  };
}

export function givenNameOf(p: PersonDraft): readonly [string, string] {
  const list = p.sex === "female" ? DEMO_GIVEN_NAMES_FEMALE : DEMO_GIVEN_NAMES_MALE;
  return list[p.given % list.length]!;
}

/** Years between referral and the anchor, the main driver of how far a case has come. */
const yearsOpen = (referralDate: string) => daysBetween(referralDate, DEMO_ANCHOR) / 365;

function chooseTarget(rng: Rng, y: number): Phase {
  const pClosed = y < 0.5 ? 0.03 : y < 1 ? 0.1 : y < 2 ? 0.3 : y < 3 ? 0.55 : y < 4 ? 0.72 : y < 5 ? 0.85 : 0.9;
  if (rng.chance(pClosed)) return "closed";
  return chooseOpenTarget(rng, y);
}

/** The phase an open case has reached `y` years after its referral (weights by phase). */
export function chooseOpenTarget(rng: Rng, y: number): Phase {
  return rng.weighted<Phase>({
    identified: y < 0.25 ? 5 : y < 0.5 ? 2 : y < 1 ? 0.5 : 0.1,
    assessment: y < 0.25 ? 3 : y < 0.5 ? 3 : y < 1 ? 1.5 : y < 2 ? 0.4 : 0.1,
    engagement: y < 0.25 ? 1 : y < 0.5 ? 3 : y < 1 ? 3 : y < 2 ? 2 : 1,
    preparation: y < 0.25 ? 0 : y < 0.5 ? 1 : y < 1 ? 2.5 : y < 2 ? 2.5 : 1.5,
    discharged: y < 0.4 ? 0 : 0.6,
    settling: y < 0.5 ? 0 : y < 1 ? 1 : 3,
    suspended: y < 0.25 ? 0.3 : 0.8,
  });
}

// ---------------------------------------------------------------------------------------
// Phase paths
// ---------------------------------------------------------------------------------------

type Step = { phase: Phase; from: Phase | null; date: string; note: string | null };

/** Nominal days spent in each phase before the next change. */
export const NOMINAL_DAYS: Record<Phase, [number, number]> = {
  identified: [7, 40],
  assessment: [14, 75],
  engagement: [30, 300],
  preparation: [30, 200],
  discharged: [3, 30],
  settling: [120, 540],
  suspended: [30, 180],
  closed: [0, 0],
};

/** Days a still-open case has already spent in its current phase at the anchor. */
export const TAIL_DAYS: Record<Phase, [number, number]> = {
  identified: [0, 40],
  assessment: [0, 60],
  engagement: [0, 150],
  preparation: [0, 120],
  discharged: [0, 25],
  settling: [0, 300],
  suspended: [0, 200],
  closed: [0, 0],
};

/** How far nominal phase durations may be stretched to fill the time up to the anchor. */
const MAX_STRETCH = 2.5;

const line = (upTo: Phase): Phase[] => PHASE_ORDER.slice(0, PHASE_ORDER.indexOf(upTo as (typeof PHASE_ORDER)[number]) + 1);

type Path = { phases: Phase[]; endReason: EndReason | null };

function buildPath(rng: Rng, target: Phase, y: number): Path {
  let phases: Phase[];
  let endReason: EndReason | null = null;
  if (target === "suspended") {
    const interrupted = rng.weighted<Phase>({ identified: 0.5, assessment: 1.5, engagement: 4, preparation: 3, discharged: 0.5, settling: 2.5 });
    phases = [...line(interrupted), "suspended"];
  } else if (target === "closed") {
    const kind = rng.weighted({ full: y < 1 ? 0.5 : y < 2 ? 3 : 6, afterDischarge: 0.4, early: 2.5, fromSuspension: 0.8 });
    if (kind === "full") {
      phases = line("closed");
      endReason = rng.weighted<EndReason>({ settled: 70, handed_over: 12, long_term_care: 5, transferred_out: 6, death: 3, other: 4 });
    } else if (kind === "afterDischarge") {
      phases = [...line("discharged"), "closed"];
      endReason = rng.weighted<EndReason>({ handed_over: 3, transferred_out: 1 });
    } else if (kind === "early") {
      const at = rng.weighted<Phase>({ identified: 1, assessment: 2, engagement: 4, preparation: 2 });
      phases = [...line(at), "closed"];
      endReason = rng.weighted<EndReason>({ withdrew: 4, condition_worsened: 3, death: 1.5, transferred_out: 1, other: 0.5 });
    } else {
      const at = rng.weighted<Phase>({ assessment: 1, engagement: 3, preparation: 2, settling: 1 });
      phases = [...line(at), "suspended", "closed"];
      endReason = rng.weighted<EndReason>({ condition_worsened: 3, withdrew: 2, death: 0.5, other: 0.5 });
    }
  } else {
    phases = line(target);
  }

  // A plan that fell through: back from 退院準備 to 関係づくり, then forward again.
  const prep = phases.indexOf("preparation");
  if (prep >= 0 && rng.chance(0.06)) phases.splice(prep + 1, 0, "engagement", "preparation");
  // A pause that ended: suspended, then back to the interrupted phase.
  if (rng.chance(0.09)) {
    const candidates = phases.map((p, i) => [p, i] as const).filter(([p, i]) => p !== "suspended" && p !== "closed" && phases[i + 1] !== "suspended");
    if (candidates.length > 0) {
      const [p, i] = rng.pick(candidates);
      phases.splice(i + 1, 0, "suspended", p);
    }
  }
  return { phases, endReason };
}

export const SUSPEND_NOTES = ["病状悪化のため支援を一時中断。", "本人の希望により一時休止。", "身体疾患の治療のため転院、支援を一時中断。", "家族の事情により調整を一時保留。"];
export const READMISSION_NOTE = "再入院のため地域定着支援を一時中断。";
export const RESUME_NOTE = "状態が落ち着き、支援を再開。";
export const BACK_NOTE = "住居の調整がつかず、関係づくりから再度進める。";
export const END_NOTES: Partial<Record<EndReason, string>> = {
  settled: "地域生活が安定し、目標を達成したため終結。",
  handed_over: "相談支援事業所へ引継ぎ終結。",
  withdrew: "本人が支援の終了を希望。",
  condition_worsened: "病状悪化が続き、支援を終了。",
  long_term_care: "介護保険施設への入所に伴い終結。",
  transferred_out: "県外への転出に伴い終結。",
  death: "ご逝去により終結。",
};

/** Turn a path into dated steps: identified on the referral date, the rest from the support start. */
function datePath(rng: Rng, path: Path, referralDate: string, supportStart: string): Step[] {
  const { phases } = path;
  const durations = phases.map((p, i) => {
    // Re-entered phases after a pause or a step back go faster.
    const [lo, hi] = NOMINAL_DAYS[p];
    const repeat = phases.slice(0, i).includes(p) ? 0.5 : 1;
    return Math.round(rng.int(lo, hi) * repeat);
  });
  const last = phases.length - 1;
  const current = phases[last]!;
  let nominal = durations.slice(0, last).reduce((a, b) => a + b, 0);
  const available = Math.max(0, daysBetween(supportStart, DEMO_ANCHOR));
  let scale: number;
  if (current === "closed") {
    // Closed cases keep roughly their natural pace, squeezed only when time is short.
    const room = Math.max(0, available - rng.int(0, 10));
    scale = nominal === 0 ? 0 : Math.min(0.8 + rng.next() * 0.8, room / nominal);
  } else {
    // Open cases end with some time already spent in the current phase at the anchor.
    const [lo, hi] = TAIL_DAYS[current];
    const tail = Math.min(rng.int(lo, hi), available);
    const room = available - tail;
    // Years between referral and a recent phase: the time goes into 関係づくり, which is
    // where long-stay cases really spend it, rather than into the current phase.
    const engagement = phases.indexOf("engagement");
    if (nominal > 0 && room > MAX_STRETCH * nominal && engagement >= 0 && engagement < last) {
      const extra = room - MAX_STRETCH * nominal;
      durations[engagement]! += extra;
      nominal += extra;
    }
    scale = nominal === 0 ? 0 : Math.min(MAX_STRETCH, room / nominal);
  }
  const steps: Step[] = [];
  let cumulative = 0;
  phases.forEach((phase, i) => {
    const from = i === 0 ? null : phases[i - 1]!;
    let date: string;
    if (i === 0) {
      date = referralDate;
    } else {
      cumulative += durations[i - 1]!;
      date = addDays(supportStart, Math.floor(cumulative * scale));
    }
    let note: string | null = null;
    if (phase === "suspended") {
      // After discharge a pause means a readmission (buildCase records the stay).
      note = phases.slice(0, i).includes("discharged") ? READMISSION_NOTE : rng.pick(SUSPEND_NOTES);
    } else if (from === "suspended" && phase !== "closed") {
      note = RESUME_NOTE;
    } else if (from === "preparation" && phase === "engagement") {
      note = BACK_NOTE;
    } else if (phase === "closed") {
      note = path.endReason ? (END_NOTES[path.endReason] ?? null) : null;
    }
    steps.push({ phase, from, date, note });
  });
  return steps;
}

// ---------------------------------------------------------------------------------------
// Activities
// ---------------------------------------------------------------------------------------

export const ACTIVITY_WEIGHTS: Record<"early" | "engagement" | "preparation" | "post" | "suspended", Partial<Record<ActivityType, number>>> = {
  early: { ward_visit: 6, phone: 2, family_interview: 1.5, inhospital_care_meeting: 1.5, discharge_committee: 0.5, other: 0.3 },
  engagement: { ward_visit: 7, phone: 1.5, family_interview: 1, inhospital_care_meeting: 1.5, outing_accompany: 1, discharge_committee: 0.7, other: 0.3 },
  preparation: {
    ward_visit: 4,
    outing_accompany: 2,
    housing_viewing: 1.5,
    trial_use_accompany: 1.5,
    office_procedure_accompany: 1.2,
    individual_support_meeting: 1.5,
    inhospital_care_meeting: 1,
    discharge_committee: 0.8,
    phone: 1,
    family_interview: 0.5,
  },
  post: { phone: 4, other: 3, individual_support_meeting: 1.5, office_procedure_accompany: 1, outing_accompany: 0.8 },
  suspended: { phone: 3, ward_visit: 2, family_interview: 1 },
};

export const ACTIVITY_MINUTES: Record<ActivityType, [number, number]> = {
  ward_visit: [30, 60],
  inhospital_care_meeting: [45, 90],
  individual_support_meeting: [60, 120],
  outing_accompany: [90, 120],
  housing_viewing: [60, 120],
  trial_use_accompany: [60, 120],
  office_procedure_accompany: [60, 120],
  phone: [15, 30],
  family_interview: [30, 90],
  discharge_committee: [30, 60],
  other: [30, 90],
};

export const SUMMARIES: Record<ActivityType, readonly string[]> = {
  ward_visit: [
    "病棟で面会。退院後の生活について希望を聞いた。",
    "病棟で面会。最近の体調と日中の過ごし方を確認した。",
    "面会。地域の事業所のパンフレットを一緒に見た。",
    "面会。表情は穏やかで、外出への関心を話された。",
    "病棟で面会。退院への不安を傾聴した。",
  ],
  inhospital_care_meeting: ["院内ケア会議に出席。主治医・病棟看護師・PSWと支援方針を共有した。", "院内ケア会議。退院に向けた課題を整理した。"],
  individual_support_meeting: ["個別支援会議。本人・相談支援専門員と役割分担を確認した。", "個別支援会議を開催。サービス利用の調整状況を共有した。"],
  outing_accompany: ["外出同行。近隣の商店街で買い物の練習をした。", "外出同行。バスの乗り方を一緒に確認した。", "外出同行。地域活動支援センターを見学した。"],
  housing_viewing: ["グループホームを見学。本人は個室の広さを気に入った様子。", "民間アパートを内見。家賃と通院の便を確認した。"],
  trial_use_accompany: ["体験宿泊に同行。夜間の過ごし方を確認した。", "日中活動の体験利用に同行。作業に集中して取り組めた。"],
  office_procedure_accompany: ["市役所で障害福祉サービスの申請に同行した。", "転入手続と自立支援医療の手続に同行した。"],
  phone: ["電話で近況を確認。服薬と睡眠は安定している。", "電話連絡。次回面会の日程を調整した。", "病院PSWと電話で情報共有した。"],
  family_interview: ["家族と面談。退院後の関わり方について意向を聞いた。", "家族面談。本人の退院に対する不安を聴取した。"],
  discharge_committee: ["退院支援委員会に出席した。", "退院支援委員会に出席。推定入院期間と支援内容を確認した。"],
  other: ["自宅を訪問。生活リズムは概ね保たれている。", "デイケア利用先と情報共有した。", "自宅訪問。ゴミ出しと金銭管理の状況を確認した。"],
};

export function activityGroup(phase: Phase, discharged: boolean): keyof typeof ACTIVITY_WEIGHTS {
  if (phase === "suspended") return "suspended";
  if (discharged) return "post";
  if (phase === "identified" || phase === "assessment") return "early";
  if (phase === "engagement") return "engagement";
  return "preparation";
}

// ---------------------------------------------------------------------------------------
// The generator
// ---------------------------------------------------------------------------------------

type Rows = {
  persons: (typeof persons.$inferInsert)[];
  identities: (typeof personIdentities.$inferInsert)[];
  cases: (typeof cases.$inferInsert)[];
  sequences: (typeof caseNumberSequences.$inferInsert)[];
  events: (typeof casePhaseEvents.$inferInsert)[];
  activities: (typeof caseActivities.$inferInsert)[];
  trialStays: (typeof trialStays.$inferInsert)[];
  carePlans: (typeof carePlans.$inferInsert)[];
  hospitalizations: (typeof hospitalizations.$inferInsert)[];
  followUps: (typeof followUpChecks.$inferInsert)[];
};

export const DISCHARGE_LIVING: Record<DischargeDestination, LivingArrangement> = {
  home_alone: "alone",
  home_family: "with_family",
  rental_apartment: "alone",
  public_housing: "alone",
  group_home: "group_home",
  residential_training: "facility",
  disability_facility: "facility",
  elderly_facility_ltc: "facility",
  elderly_housing: "facility",
  relief_facility: "facility",
  transfer_psych: "other",
  transfer_other: "other",
  death: "other",
  other: "other",
};

function draftCases(offices: OfficeInfo[]): CaseDraft[] {
  const root = createRng(SEED);
  const drafts: CaseDraft[] = [];
  const prefectureCodes = [...new Set(offices.map((o) => o.prefectureCode))];
  for (const pref of prefectureCodes) {
    const prefDrafts: CaseDraft[] = [];
    for (const office of offices.filter((o) => o.prefectureCode === pref)) {
      if (office.coordinatorIds.length === 0) continue;
      const rng = root.fork(office.id);
      const n = DEMO_CASES_PER_OFFICE[office.code] ?? DEFAULT_CASES_PER_OFFICE;
      const referrals: string[] = [];
      for (let i = 0; i < n; i++) {
        const fy = Number(rng.weighted(FY_WEIGHTS));
        const { start, end } = fiscalYearRange(fy);
        referrals.push(dateBetween(rng, start, end));
      }
      referrals.sort();
      const officeDrafts = referrals.map((referralDate, i) => {
        const caseRng = rng.fork(`case-${i}`);
        return { office, rng: caseRng, referralDate, person: drawPerson(caseRng, office), target: chooseTarget(caseRng, yearsOpen(referralDate)) };
      });
      // Every office has something open: the latest referral at least.
      if (officeDrafts.every((d) => d.target === "closed")) {
        const latest = officeDrafts.at(-1)!;
        latest.target = chooseOpenTarget(latest.rng, yearsOpen(latest.referralDate));
      }
      prefDrafts.push(...officeDrafts);
    }
    if (prefDrafts.length === 0) continue;
    const prefRng = root.fork(`prefecture-${pref}`);
    ensureEveryPhase(prefDrafts);
    arrangeDuplicates(prefRng, prefDrafts);
    drafts.push(...prefDrafts);
  }
  return drafts;
}

/** Each prefecture shows every phase: a missing one is given to a case of fitting age. */
function ensureEveryPhase(drafts: CaseDraft[]): void {
  const byAge = [...drafts].sort((a, b) => (a.referralDate < b.referralDate ? 1 : a.referralDate > b.referralDate ? -1 : 0)); // newest first
  const ranges: Record<Phase, [number, number]> = {
    identified: [0, 0.5],
    assessment: [0, 0.7],
    engagement: [0.2, 2],
    preparation: [0.4, 2],
    discharged: [0.6, 2.5],
    settling: [0.8, 3],
    suspended: [0.3, 3],
    closed: [2, 99],
  };
  const counts = new Map<Phase, number>();
  for (const d of drafts) counts.set(d.target, (counts.get(d.target) ?? 0) + 1);
  for (const phase of Object.keys(ranges) as Phase[]) {
    if (counts.get(phase)) continue;
    const [lo, hi] = ranges[phase];
    // Take a case from a phase that has plenty, so nothing else goes missing, and never an
    // office's last open case.
    const eligible = (d: CaseDraft) =>
      (counts.get(d.target) ?? 0) > 2 && !(phase === "closed" && d.target !== "closed" && openCount(drafts, d.office) < 2);
    const donor =
      byAge.find((d) => eligible(d) && yearsOpen(d.referralDate) >= lo && yearsOpen(d.referralDate) <= hi) ?? byAge.find(eligible);
    if (!donor) continue;
    counts.set(donor.target, (counts.get(donor.target) ?? 0) - 1);
    donor.target = phase;
    counts.set(phase, 1);
  }
}

const openCount = (drafts: CaseDraft[], office: OfficeInfo) => drafts.filter((d) => d.office === office && d.target !== "closed").length;

/**
 * A few people per prefecture appear twice with the same reading and birth month, as a
 * re-referral years later or as a namesake, so that the duplicate check has work to do.
 */
function arrangeDuplicates(rng: Rng, drafts: CaseDraft[]): void {
  const sorted = [...drafts].sort((a, b) => (a.referralDate < b.referralDate ? -1 : a.referralDate > b.referralDate ? 1 : 0));
  const half = Math.floor(sorted.length / 2);
  const used = new Set<CaseDraft>();
  const pairs = Math.min(3, Math.floor(sorted.length / 4));
  for (let k = 0; k < pairs; k++) {
    const earlier = sorted.slice(0, half).filter((d) => !used.has(d));
    const later = sorted.slice(half).filter((d) => !used.has(d));
    if (earlier.length === 0 || later.length === 0) break;
    const a = rng.pick(earlier);
    const b = rng.pick(later);
    used.add(a).add(b);
    // Pair 0 and 1: the same person referred again (same birthday); pair 2: a namesake.
    const samePerson = k < 2;
    b.person = {
      ...b.person,
      sex: a.person.sex,
      family: a.person.family,
      given: a.person.given,
      birthYear: a.person.birthYear,
      birthMonth: a.person.birthMonth,
      birthDay: samePerson ? a.person.birthDay : ((a.person.birthDay + 10) % daysInMonth(a.person.birthYear, a.person.birthMonth)) + 1,
    };
  }
}

function buildCase(draft: CaseDraft, index: number, seq: number, hospitalsOfPref: HospitalInfo[], rows: Rows): void {
  const { office, rng, referralDate, person: p, target } = draft;
  const caseKey = `${office.id}-${pad(index + 1, 3)}`;
  const caseId = `c-${caseKey}`;
  const personId = `p-${caseKey}`;
  const coordinator = office.coordinatorIds[index % office.coordinatorIds.length]!;
  const y = yearsOpen(referralDate);

  // --- person and identity ---
  const birthYearMonth = `${p.birthYear}-${pad(p.birthMonth, 2)}`;
  const [familyName, familyKana] = DEMO_FAMILY_NAMES[p.family]!;
  const [givenName, givenKana] = givenNameOf(p);
  const createdAt = ts(referralDate);
  rows.persons.push({
    id: personId,
    prefectureCode: office.prefectureCode,
    officeId: office.id,
    birthYearMonth,
    sex: p.sex,
    municipalityCode: p.municipality?.code ?? null,
    createdAt,
    updatedAt: createdAt,
  });
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

  // --- clinical background ---
  const referralYear = Number(referralDate.slice(0, 4));
  const age = referralYear - p.birthYear;
  const diagnosisGroup = rng.weighted<DiagnosisGroup>({
    F2: 60,
    F0: age >= 70 ? 30 : 4,
    F3: 8,
    F7: 6,
    F1: 4,
    F8: 3,
    F6: 2,
    F4: 2,
    G40: 2,
    F9: 0.5,
    F5: 0.3,
    unknown: 3,
  });
  const admissionType = rng.weighted<AdmissionType>({
    medical_protection: 45,
    voluntary: 40,
    involuntary_measures: 6,
    emergency_measures: 1,
    urgent: 1,
    forensic: 2,
    unknown: 5,
  });
  const wardType: WardType | null = rng.chance(0.05)
    ? null
    : diagnosisGroup === "F0" && rng.chance(0.5)
      ? "dementia"
      : rng.weighted<WardType>({
          psych_recuperation: 35,
          psych_general: 30,
          psych_acute: admissionType === "involuntary_measures" ? 20 : 8,
          community_transition: 5,
          psych_community_care: referralDate >= "2024-06-01" ? 4 : 0,
          other: 2,
        });
  const referralSource: ReferralSource =
    admissionType === "forensic"
      ? "forensic"
      : rng.weighted<ReferralSource>({
          hospital_psw: 45,
          hospital_survey: 12,
          health_center: 10,
          municipality: 8,
          soudan_office: 8,
          welfare_office_cw: 7,
          family: 4,
          self: 3,
          peer: 1,
          mhwc: 1,
          other: 1,
        });

  // Most stays are long (the programme's target group is ≥ 1 year); some are short (措置 etc.).
  const maxLagDays = Math.max(400, (age - 16) * 365);
  const lagDays = rng.chance(0.12)
    ? rng.int(90, 350)
    : Math.min(
        maxLagDays,
        (() => {
          const band = rng.weighted({ "1-2": 30, "2-5": 30, "5-10": 20, "10-20": 15, "20-25": 5 });
          const [lo, hi] = band.split("-").map(Number) as [number, number];
          return rng.int(lo * 365, hi * 365);
        })(),
      );
  const admissionDay = addDays(referralDate, -lagDays);
  const admissionDatePrecision = rng.weighted<DatePrecision>(lagDays > 5 * 365 ? { day: 50, month: 35, year: 15 } : { day: 85, month: 12, year: 3 });
  const indexAdmissionDate =
    admissionDatePrecision === "day" ? admissionDay : admissionDatePrecision === "month" ? `${admissionDay.slice(0, 7)}-01` : `${admissionDay.slice(0, 4)}-01-01`;

  const sameRegion = hospitalsOfPref.filter((h) => h.regionId === office.regionId);
  const hospital = sameRegion.length > 0 && rng.chance(0.7) ? rng.pick(sameRegion) : rng.pick(hospitalsOfPref);

  // --- timeline ---
  const supportStart = minDate(addDays(referralDate, rng.int(0, 60)), DEMO_ANCHOR);
  const path = buildPath(rng, target, y);
  const steps = datePath(rng, path, referralDate, supportStart);
  const phase = steps.at(-1)!.phase;
  const firstDate = (ph: Phase) => steps.find((s) => s.phase === ph)?.date ?? null;
  const engagementDate = firstDate("engagement");
  const preparationDate = firstDate("preparation");
  const dischargeDate = firstDate("discharged");
  const endDate = phase === "closed" ? steps.at(-1)!.date : null;
  const endReason = phase === "closed" ? path.endReason : null;
  const limit = endDate ?? DEMO_ANCHOR;

  steps.forEach((s, i) => {
    rows.events.push({
      id: `e-${caseKey}-${pad(i + 1, 2)}`,
      caseId,
      fromPhase: s.from,
      phase: s.phase,
      date: s.date,
      note: s.note,
      createdBy: coordinator,
      createdAt: ts(s.date, "02:00"),
    });
  });

  // --- consent ---
  const noConsentChance =
    phase === "identified" || phase === "assessment" ? 0.4 : phase === "engagement" || phase === "suspended" ? 0.1 : phase === "closed" && !engagementDate ? 0.3 : 0;
  const hasConsent = !rng.chance(noConsentChance);
  const consentDate = hasConsent ? maxDate(referralDate, minDate(addDays(supportStart, rng.int(0, 21)), engagementDate, endDate, DEMO_ANCHOR)) : null;
  const consentScope = hasConsent ? rng.weighted<ConsentScope>({ support_and_sharing: 80, support_only: 12, verbal: 8 }) : null;

  // --- discharge ---
  let dischargeDestination: DischargeDestination | null = null;
  let livingArrangementAfter: LivingArrangement | null = null;
  if (dischargeDate) {
    dischargeDestination = rng.weighted<DischargeDestination>({
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
    livingArrangementAfter = DISCHARGE_LIVING[dischargeDestination];
  }
  const plannedDischargeDate = preparationDate
    ? dischargeDate
      ? minDate(addDays(dischargeDate, rng.int(-20, 30)), DEMO_HORIZON)
      : minDate(addDays(preparationDate, rng.int(60, 150)), DEMO_HORIZON)
    : null;
  const planned = plannedDischargeDate && plannedDischargeDate < referralDate ? referralDate : plannedDischargeDate;

  // --- hospitalizations: the index stay, then readmissions ---
  rows.hospitalizations.push({
    id: `hz-${caseKey}-1`,
    caseId,
    hospitalId: hospital.id,
    admissionDate: indexAdmissionDate,
    dischargeDate: dischargeDate ?? (endReason === "death" ? endDate : null),
    admissionType,
    isIndex: true,
    createdBy: coordinator,
    createdAt,
  });
  const readmissions: { admission: string; discharge: string | null }[] = [];
  if (dischargeDate) {
    // A pause after discharge is a readmission: in hospital from the pause to the resumption.
    const dischargeIndex = steps.findIndex((s) => s.phase === "discharged");
    steps.forEach((s, i) => {
      if (i <= dischargeIndex || s.phase !== "suspended") return;
      const next = steps[i + 1];
      const admission = maxDate(addDays(s.date, -rng.int(0, 7)), addDays(dischargeDate, 1));
      const back = next && next.phase !== "closed" ? next.date : null;
      if (admission > DEMO_ANCHOR) return;
      readmissions.push({ admission, discharge: back && back >= admission ? back : null });
    });
    if (readmissions.length === 0 && rng.chance(0.12)) {
      const admission = addDays(dischargeDate, rng.int(20, 120));
      const discharge = addDays(admission, rng.int(14, 100));
      if (endDate ? discharge <= addDays(endDate, -7) : admission <= DEMO_ANCHOR) {
        readmissions.push({ admission, discharge: discharge <= DEMO_ANCHOR ? discharge : null });
      }
    }
    readmissions.forEach((r, i) => {
      const other = hospitalsOfPref.filter((h) => h.id !== hospital.id);
      rows.hospitalizations.push({
        id: `hz-${caseKey}-${i + 2}`,
        caseId,
        hospitalId: other.length > 0 && rng.chance(0.3) ? rng.pick(other).id : hospital.id,
        admissionDate: r.admission,
        dischargeDate: r.discharge,
        admissionType: rng.weighted<AdmissionType>({ voluntary: 5, medical_protection: 4, involuntary_measures: 0.5 }),
        isIndex: false,
        createdBy: coordinator,
        createdAt: ts(r.admission),
      });
    });
  }

  // --- follow-up checks ---
  let lastCheck: string | null = null;
  if (dischargeDate) {
    const dues = followUpDueDates(dischargeDate);
    const lastDueIndex = dues.map((d) => d.dueDate <= DEMO_ANCHOR).lastIndexOf(true);
    dues.forEach(({ offsetMonths, dueDate }, i) => {
      let checkedDate: string | null = null;
      let status: FollowUpStatus | null = null;
      const overdue = phase !== "closed" && (i === lastDueIndex ? rng.chance(0.25) : rng.chance(0.04));
      if (dueDate <= DEMO_ANCHOR && !overdue) {
        checkedDate = minDate(addDays(dueDate, rng.int(0, 10)), DEMO_ANCHOR);
        const inHospital = readmissions.some((r) => r.admission <= checkedDate! && (r.discharge === null || checkedDate! <= r.discharge));
        if (inHospital) status = "readmitted";
        else if (endDate && checkedDate >= endDate && endReason === "death") status = "deceased";
        else if (endDate && checkedDate >= endDate && endReason === "transferred_out") status = "moved";
        else status = rng.chance(0.04) ? "unreachable" : "living_in_community";
        lastCheck = maxDate(lastCheck, checkedDate);
      }
      rows.followUps.push({
        id: `f-${caseKey}-${pad(offsetMonths, 2)}`,
        caseId,
        offsetMonths,
        dueDate,
        checkedDate,
        status,
        note: null,
        updatedBy: checkedDate ? coordinator : null,
        updatedAt: checkedDate ? ts(checkedDate, "06:00") : null,
      });
    });
  }

  // --- activities ---
  const stale = phase !== "closed" && rng.chance(phase === "suspended" ? 0.6 : 0.2);
  const roomBeforeAnchor = daysBetween(supportStart, DEMO_ANCHOR);
  let lastActivity: string;
  if (endDate) lastActivity = endDate;
  else if (stale && roomBeforeAnchor > 31) lastActivity = addDays(DEMO_ANCHOR, -rng.int(31, Math.min(150, roomBeforeAnchor)));
  else lastActivity = addDays(DEMO_ANCHOR, -rng.int(0, Math.min(20, Math.max(0, roomBeforeAnchor))));
  const window = Math.max(0, daysBetween(supportStart, lastActivity));
  const n = clamp(Math.round(window / rng.int(20, 45)) + 2, 2, 25);
  const dates = [supportStart, lastActivity];
  for (let i = 2; i < n; i++) dates.push(addDays(supportStart, rng.int(0, window)));
  dates.sort();
  const phaseAt = (date: string) => {
    let current: Phase = "identified";
    for (const s of steps) if (s.date <= date) current = s.phase;
    return current;
  };
  dates.forEach((date, i) => {
    const type: ActivityType =
      i === 0 ? "ward_visit" : rng.weighted(ACTIVITY_WEIGHTS[activityGroup(phaseAt(date), dischargeDate !== null && date >= dischargeDate)]);
    const [lo, hi] = ACTIVITY_MINUTES[type];
    const peerLikely = type === "ward_visit" || type === "outing_accompany" || type === "trial_use_accompany";
    rows.activities.push({
      id: `a-${caseKey}-${pad(i + 1, 2)}`,
      caseId,
      date,
      activityType: type,
      minutes: roundTo5(rng.int(lo, hi)),
      staffUserId: coordinator,
      withPeer: rng.chance(peerLikely ? 0.22 : 0.05),
      summary: i === 0 ? "初回面会。支援の内容を説明し、本人の話を聞いた。" : rng.pick(SUMMARIES[type]),
      createdBy: coordinator,
      createdAt: ts(date, "06:00"),
    });
  });

  // --- trial stays ---
  if (preparationDate && rng.chance(0.4)) {
    const stayLimit = minDate(dischargeDate, endDate, DEMO_ANCHOR);
    const room = daysBetween(preparationDate, stayLimit);
    if (room >= 3) {
      const count = rng.int(1, 3);
      const starts = Array.from({ length: count }, () => addDays(preparationDate, rng.int(0, room - 1))).sort();
      starts.forEach((start, i) => {
        const kind = rng.weighted<TrialStayKind>({ experience_stay: 6, trial_leave: 3, experience_use: 2 });
        const placeType: TrialPlace =
          kind === "experience_stay"
            ? rng.weighted<TrialPlace>({ group_home: 5, trial_room: 3, residential_training: 1, hostel: 1 })
            : kind === "trial_leave"
              ? rng.weighted<TrialPlace>({ home: 4, other: 1 })
              : rng.weighted<TrialPlace>({ group_home: 2, other: 1 });
        const nights = kind === "experience_stay" ? rng.int(1, 6) : kind === "trial_leave" ? rng.int(1, 4) : rng.int(0, 4);
        const end = minDate(addDays(start, nights), stayLimit);
        rows.trialStays.push({
          id: `t-${caseKey}-${i + 1}`,
          caseId,
          kind,
          placeType,
          startDate: start,
          endDate: end,
          outcome: rng.weighted<TrialOutcome>({ as_planned: 80, returned_early: 12, cancelled: 8 }),
          createdBy: coordinator,
          createdAt: ts(end, "07:00"),
        });
      });
    }
  }

  // --- care plans (only with consent) ---
  if (consentDate) {
    let planNo = 0;
    const addPlan = (plan: Omit<typeof carePlans.$inferInsert, "id" | "caseId" | "createdBy" | "createdAt">) => {
      rows.carePlans.push({ id: `cp-${caseKey}-${++planNo}`, caseId, createdBy: coordinator, createdAt: ts(plan.createdDate, "05:00"), ...plan });
    };
    const closedStatus: CarePlanStatus = endReason === "withdrew" ? "consent_withdrawn" : endReason === "transferred_out" ? "moved_out" : "ended";
    /** The next periodic review on or after a date a little before the anchor (some are overdue). */
    const nextReview = (created: string, everyMonths: number) => {
      const from = addDays(DEMO_ANCHOR, -rng.int(0, 45));
      let k = 1;
      while (addMonths(created, everyMonths * k) < from) k++;
      return addMonths(created, everyMonths * k);
    };
    if (engagementDate && rng.chance(0.85)) {
      const created = maxDate(consentDate, minDate(addDays(engagementDate, rng.int(7, 45)), dischargeDate, endDate, DEMO_ANCHOR));
      // The 地域移行支援 benefit is granted for 6 months and extended while the person is still in hospital.
      const sixMonths = addDays(addMonths(created, 6), -1);
      const stillIn = dischargeDate ?? endDate ?? DEMO_ANCHOR;
      const extended = stillIn > sixMonths;
      const periodEnd = extended ? addDays(addMonths(created, 12), -1) : sixMonths;
      const status: CarePlanStatus = endDate ? closedStatus : dischargeDate ? "ended" : extended ? "extended" : "active";
      addPlan({
        planType: "chiiki_iko",
        status,
        createdDate: created,
        reviewDueDate: status === "active" || status === "extended" ? minDate(nextReview(created, 3), DEMO_HORIZON) : addMonths(created, 3),
        periodEndDate: periodEnd,
        consentDate: minDate(consentDate, created),
      });
    }
    if (preparationDate && rng.chance(0.6)) {
      const created = maxDate(consentDate, minDate(addDays(preparationDate, rng.int(0, 30)), limit));
      const status: CarePlanStatus = endDate ? closedStatus : "active";
      let periodEnd = addDays(addMonths(created, 12), -1);
      if (status === "active") {
        let k = 1;
        while (addDays(addMonths(created, 12 * k), -1) < DEMO_ANCHOR) k++;
        periodEnd = addDays(addMonths(created, 12 * k), -1);
      }
      addPlan({
        planType: "service_use",
        status,
        createdDate: created,
        reviewDueDate: status === "active" ? minDate(nextReview(created, 6), DEMO_HORIZON) : addMonths(created, 6),
        periodEndDate: minDate(periodEnd, DEMO_HORIZON),
        consentDate: minDate(consentDate, created),
      });
    }
    if (preparationDate && rng.chance(0.25)) {
      const created = maxDate(consentDate, minDate(addDays(preparationDate, rng.int(0, 20)), dischargeDate, limit));
      addPlan({
        planType: "hospital_discharge",
        status: dischargeDate || endDate ? "ended" : "active",
        createdDate: created,
        reviewDueDate: null,
        periodEndDate: null,
        consentDate: minDate(consentDate, created),
      });
    }
    const involuntary = admissionType === "involuntary_measures" || admissionType === "emergency_measures";
    if (dischargeDate && rng.chance(involuntary ? 0.8 : 0.2)) {
      // 退院後支援計画: made at a meeting before discharge, in principle for 6 months, extendable once.
      const created = maxDate(supportStart, addDays(dischargeDate, -rng.int(0, 14)));
      const extendedGl = rng.chance(0.2);
      const periodEnd = addDays(addMonths(dischargeDate, extendedGl ? 12 : 6), -1);
      const status: CarePlanStatus = endDate && endDate < periodEnd ? closedStatus : periodEnd < DEMO_ANCHOR ? "ended" : extendedGl ? "extended" : "active";
      addPlan({
        planType: "post_discharge_gl",
        status,
        createdDate: created,
        reviewDueDate: addMonths(dischargeDate, 3),
        periodEndDate: periodEnd,
        consentDate: created,
      });
    }
  }

  // --- the case itself ---
  const caseNo = formatCaseNumber(office.prefectureCode, office.casePrefix, fiscalYearOf(referralDate), seq);
  const lastActivityDate = dates.at(-1)!;
  const updated = maxDate(steps.at(-1)!.date, lastActivityDate, lastCheck);
  rows.cases.push({
    id: caseId,
    caseNo,
    personId,
    prefectureCode: office.prefectureCode,
    officeId: office.id,
    coordinatorUserId: coordinator,
    phase,
    referralDate,
    referralSource,
    hospitalId: hospital.id,
    wardType,
    indexAdmissionDate,
    admissionDatePrecision,
    admissionType,
    diagnosisGroup,
    techoGrade: rng.chance(0.05)
      ? null
      : rng.weighted<TechoGrade>({ grade1: 20, grade2: 40, grade3: 8, none: 15, applying: 5, unknown: 12 }),
    supportCategory: rng.chance(0.05)
      ? null
      : rng.weighted<SupportCategory>({ not_applicable: 5, level1: 5, level2: 20, level3: 25, level4: 15, level5: 5, level6: 3, not_applied: 20 }),
    consentDate,
    consentScope,
    supportStartDate: supportStart,
    plannedDischargeDate: planned,
    dischargeDate,
    dischargeDestination,
    livingArrangementAfter,
    endDate,
    endReason,
    lastActivityDate,
    version: 1,
    createdBy: coordinator,
    createdAt,
    updatedBy: coordinator,
    updatedAt: ts(updated, "08:00"),
  });
}

/**
 * Build every demo row from the org tree and the coordinators. Pure apart from reading
 * its inputs: the same inputs give the same rows.
 */
function buildRows(offices: OfficeInfo[], hospitalList: HospitalInfo[]): { rows: Rows; summary: DemoCaseSummary } {
  const rows: Rows = {
    persons: [],
    identities: [],
    cases: [],
    sequences: [],
    events: [],
    activities: [],
    trialStays: [],
    carePlans: [],
    hospitalizations: [],
    followUps: [],
  };
  const summary: DemoCaseSummary = {
    cases: 0,
    firstFiscalYear: DEMO_FIRST_FY,
    lastFiscalYear: DEMO_LAST_FY,
    byPrefecture: {},
    skippedOffices: offices.filter((o) => o.coordinatorIds.length === 0).map((o) => o.id),
  };
  const drafts = draftCases(offices);
  for (const office of offices) {
    const own = drafts.filter((d) => d.office === office);
    if (own.length === 0) continue;
    const hospitalsOfPref = hospitalList.filter((h) => h.prefectureCode === office.prefectureCode);
    const lastSeq = new Map<number, number>();
    own.forEach((draft, i) => {
      const fy = fiscalYearOf(draft.referralDate);
      const seq = (lastSeq.get(fy) ?? 0) + 1;
      lastSeq.set(fy, seq);
      buildCase(draft, i, seq, hospitalsOfPref, rows);
      const phase = rows.cases.at(-1)!.phase;
      const tally = (summary.byPrefecture[office.prefectureCode] ??= {});
      tally[phase] = (tally[phase] ?? 0) + 1;
      summary.cases++;
    });
    for (const [fiscalYear, seq] of lastSeq) rows.sequences.push({ officeId: office.id, fiscalYear, lastSeq: seq });
  }
  return { rows, summary };
}

/**
 * Write the demo hospitals and cases in one transaction. Meant for a database whose cases
 * table is empty (prepareDatabase checks); hospitals already present are left alone.
 */
export function seedDemoCases(db: Db): DemoCaseSummary {
  return db.transaction((tx) => {
    const context = loadContext(tx);
    tx.insert(hospitals)
      .values(
        DEMO_HOSPITALS.map((h) => ({
          id: h.id,
          prefectureCode: h.prefectureCode,
          name: h.name,
          municipalityCode: h.municipalityCode,
          psychBeds: h.psychBeds,
          createdAt: DEMO_HOSPITAL_TIMESTAMP,
          updatedAt: DEMO_HOSPITAL_TIMESTAMP,
        })),
      )
      .onConflictDoNothing()
      .run();
    const { rows, summary } = buildRows(context.offices, context.hospitals);
    insertBatched(tx, persons, rows.persons);
    insertBatched(tx, personIdentities, rows.identities);
    insertBatched(tx, cases, rows.cases);
    insertBatched(tx, caseNumberSequences, rows.sequences);
    insertBatched(tx, casePhaseEvents, rows.events);
    insertBatched(tx, caseActivities, rows.activities);
    insertBatched(tx, trialStays, rows.trialStays);
    insertBatched(tx, carePlans, rows.carePlans);
    insertBatched(tx, hospitalizations, rows.hospitalizations);
    insertBatched(tx, followUpChecks, rows.followUps);
    return summary;
  });
}
