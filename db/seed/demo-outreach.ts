import "server-only";
import { and, asc, eq, lt } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db, Tx } from "@/db/client";
import {
  cases,
  healthCenters,
  municipalities,
  outreachCaseTargets,
  outreachCases,
  outreachContactProfessions,
  outreachContacts,
  outreachNumberSequences,
  outreachOutcomes,
  personIdentities,
  persons,
  users,
} from "@/db/schema";
import type { DiagnosisGroup, ReferralSource, Sex } from "@/lib/domain/case-codes";
import { addDays, daysBetween } from "@/lib/domain/date-math";
import { fiscalYearOf } from "@/lib/domain/fiscal-year";
import { daysInMonth } from "@/lib/domain/iso-date";
import { normalizeKana } from "@/lib/domain/kana";
import { nameKeys } from "@/lib/domain/name-key";
import type {
  OutreachContactType,
  OutreachEndReason,
  OutreachOutcome,
  OutreachProfession,
  OutreachTarget,
  OutreachTeamKind,
} from "@/lib/domain/outreach-codes";
import { formatOutreachCaseNumber } from "@/lib/domain/outreach-rules";
import { DEMO_ANCHOR, DEMO_FAMILY_NAMES, DEMO_GIVEN_NAMES_FEMALE, DEMO_GIVEN_NAMES_MALE } from "./demo-cases";
import { createRng, type Rng } from "./random";

/**
 * Deterministic demo outreach cases (アウトリーチ), FY2019–FY2024.
 *
 * 岡山県 runs outreach through a contracted hospital team. Its cases are written out by hand so
 * that the app reproduces the contractor's published figures exactly (domain brief §5):
 *   R3 (FY2021): 支援対象者 1 (新規0・継続1), 訪問 0回, ケース会議 2回;
 *   R4 (FY2022): 対象者 2 (新規1・継続1), 訪問 18回, ケース会議 10回,
 * with the outcomes named in its report (関係構築, 治療継続, 地域医療機関へ移行). The other years
 * have one to three persons. 山口県 has a handful of cases run by the offices themselves or the
 * 精神保健福祉センター, in every status, several at 宇部. tests/seed/demo-outreach.test.ts
 * recomputes the published figures with SQL.
 *
 * Only the details (contact dates inside each block, professions, minutes, texts) come from a
 * seeded generator; nothing reads the clock or Math.random. Every name is invented.
 */

const SEED = "tsunagu-demo-outreach-v1";

export const OKAYAMA_TEAM = "県立こころの医療センター（見本）アウトリーチチーム";
export const TEAMS = {
  ube: "宇部健康福祉センター 訪問支援班（見本）",
  shunan: "周南健康福祉センター 訪問支援班（見本）",
  yamaguchi: "山口健康福祉センター 訪問支援班（見本）",
  mhwc: "山口県精神保健福祉センター（見本）訪問支援チーム",
} as const;

/** Contacts of one kind of period: how many of each type between two dates (both included). */
type Block = { from: string; to: string; counts: Partial<Record<OutreachContactType, number>>; metRate: number };
/** A contact placed on a given day (the selection conference, the first meeting …). */
type Fixed = { date: string; type: OutreachContactType; met?: boolean; summary: string };

type Plan = {
  key: string;
  prefectureCode: "33" | "35";
  office: string;
  /** Reuse the person of a closed discharge-support case of the office (ended before the referral). */
  knownPerson?: boolean;
  targets: OutreachTarget[];
  teamKind: OutreachTeamKind;
  teamName: string;
  referralDate: string;
  referralSource: ReferralSource;
  diagnosisGroup: DiagnosisGroup | null;
  suspected: boolean;
  selection?: string;
  start?: string;
  end?: string;
  endReason?: OutreachEndReason;
  gafStart?: number;
  gafEnd?: number;
  fixed: Fixed[];
  blocks: Block[];
  outcomes: { outcome: OutreachOutcome; date: string; note?: string }[];
};

export const SELECTED = "ケース会議で支援対象として選定した。";

const PLANS: readonly Plan[] = [
  // ---- 岡山県: the contracted team, referred by several offices --------------------------
  {
    key: "33-bitchu-1",
    prefectureCode: "33",
    office: "bitchu",
    targets: ["untreated"],
    teamKind: "contracted_hospital",
    teamName: OKAYAMA_TEAM,
    referralDate: "2019-06-12",
    referralSource: "family",
    diagnosisGroup: "F2",
    suspected: true,
    selection: "2019-07-10",
    start: "2019-07-24",
    end: "2021-01-29",
    endReason: "goal_met",
    gafStart: 35,
    gafEnd: 55,
    fixed: [{ date: "2019-07-10", type: "case_conference", summary: SELECTED }],
    blocks: [
      { from: "2019-06-12", to: "2019-07-09", counts: { family_interview: 1, liaison: 1 }, metRate: 0 },
      { from: "2019-07-24", to: "2020-03-31", counts: { home_visit: 8, accompany_clinic: 2, case_conference: 2, phone_mail: 4, family_interview: 2 }, metRate: 0.5 },
      { from: "2020-04-01", to: "2021-01-29", counts: { home_visit: 6, case_conference: 2, phone_mail: 6, liaison: 2 }, metRate: 0.8 },
    ],
    outcomes: [
      { outcome: "engaged", date: "2019-10-16" },
      { outcome: "linked_to_care", date: "2020-02-05", note: "精神科外来の受診を開始した。" },
      { outcome: "treatment_continued", date: "2020-09-30" },
    ],
  },
  {
    // The continuing person of R3 and R4: no visit in R3 (family and phone only), engaged in R4.
    key: "33-bizen-1",
    prefectureCode: "33",
    office: "bizen",
    targets: ["hikikomori", "untreated"],
    teamKind: "contracted_hospital",
    teamName: OKAYAMA_TEAM,
    referralDate: "2020-05-18",
    referralSource: "family",
    diagnosisGroup: "F2",
    suspected: true,
    selection: "2020-06-17",
    start: "2020-07-01",
    end: "2023-02-24",
    endReason: "handed_over",
    gafStart: 30,
    gafEnd: 50,
    fixed: [
      { date: "2020-06-17", type: "case_conference", summary: SELECTED },
      { date: "2022-08-09", type: "home_visit", met: true, summary: "初めて本人と面会でき、近所を一緒に散歩した。" },
    ],
    blocks: [
      { from: "2020-05-18", to: "2020-06-16", counts: { family_interview: 1 }, metRate: 0 },
      { from: "2020-07-01", to: "2021-03-31", counts: { home_visit: 5, case_conference: 1, family_interview: 3, phone_mail: 3 }, metRate: 0 },
      { from: "2021-04-01", to: "2022-03-31", counts: { case_conference: 2, family_interview: 3, phone_mail: 5, liaison: 2 }, metRate: 0 },
      { from: "2022-04-01", to: "2022-08-08", counts: { home_visit: 3, case_conference: 2, family_interview: 2, phone_mail: 1 }, metRate: 0 },
      { from: "2022-08-10", to: "2023-02-24", counts: { home_visit: 5, accompany_clinic: 1, case_conference: 3, phone_mail: 2, liaison: 2 }, metRate: 0.85 },
    ],
    outcomes: [
      { outcome: "engaged", date: "2022-08-09", note: "本人と面会し、外出に同行できた。" },
      { outcome: "handed_to_local", date: "2023-02-24", note: "地域の精神科診療所へ移行した。" },
    ],
  },
  {
    // The new person of R4, once a discharge-support case of the office.
    key: "33-mimasaka-1",
    prefectureCode: "33",
    office: "mimasaka",
    knownPerson: true,
    targets: ["treatment_interrupted", "post_long_stay"],
    teamKind: "contracted_hospital",
    teamName: OKAYAMA_TEAM,
    referralDate: "2022-05-16",
    referralSource: "hospital_psw",
    diagnosisGroup: "F2",
    suspected: false,
    selection: "2022-06-08",
    start: "2022-06-20",
    end: "2023-11-30",
    endReason: "goal_met",
    gafStart: 40,
    gafEnd: 60,
    fixed: [{ date: "2022-06-08", type: "case_conference", summary: SELECTED }],
    blocks: [
      { from: "2022-05-16", to: "2022-06-07", counts: { liaison: 1, family_interview: 1 }, metRate: 0 },
      { from: "2022-06-20", to: "2023-03-31", counts: { home_visit: 6, accompany_clinic: 2, case_conference: 4, phone_mail: 4, liaison: 1 }, metRate: 0.85 },
      { from: "2023-04-01", to: "2023-11-30", counts: { home_visit: 6, accompany_clinic: 1, case_conference: 3, phone_mail: 3 }, metRate: 0.9 },
    ],
    outcomes: [
      { outcome: "treatment_continued", date: "2023-01-18", note: "中断していた外来通院を再開し、続けている。" },
      { outcome: "service_started", date: "2023-09-12", note: "就労継続支援B型の利用を開始した。" },
    ],
  },
  {
    key: "33-bizen-2",
    prefectureCode: "33",
    office: "bizen",
    targets: ["revolving_door", "treatment_interrupted"],
    teamKind: "contracted_hospital",
    teamName: OKAYAMA_TEAM,
    referralDate: "2023-07-03",
    referralSource: "municipality",
    diagnosisGroup: "F2",
    suspected: false,
    selection: "2023-07-26",
    start: "2023-08-07",
    gafStart: 38,
    fixed: [{ date: "2023-07-26", type: "case_conference", summary: SELECTED }],
    blocks: [
      { from: "2023-07-03", to: "2023-07-25", counts: { family_interview: 1, liaison: 1 }, metRate: 0 },
      { from: "2023-08-07", to: "2024-03-31", counts: { home_visit: 7, accompany_clinic: 1, case_conference: 2, phone_mail: 4 }, metRate: 0.6 },
      { from: "2024-04-01", to: "2025-03-21", counts: { home_visit: 9, accompany_clinic: 2, case_conference: 3, phone_mail: 4, liaison: 2 }, metRate: 0.8 },
    ],
    outcomes: [
      { outcome: "engaged", date: "2023-10-04" },
      { outcome: "crisis_avoided", date: "2024-06-19", note: "不眠が続いた時期に訪問を増やし、入院せずに経過した。" },
      { outcome: "treatment_continued", date: "2024-12-11" },
    ],
  },
  {
    // A referral the team did not take up: closed from 選定前, never counted as supported.
    key: "33-ikasa-1",
    prefectureCode: "33",
    office: "ikasa",
    targets: ["untreated"],
    teamKind: "contracted_hospital",
    teamName: OKAYAMA_TEAM,
    referralDate: "2023-10-11",
    referralSource: "family",
    diagnosisGroup: "F2",
    suspected: true,
    end: "2023-12-20",
    endReason: "refused",
    fixed: [],
    blocks: [{ from: "2023-10-11", to: "2023-12-20", counts: { family_interview: 1, phone_mail: 2, case_conference: 1 }, metRate: 0 }],
    outcomes: [{ outcome: "no_change", date: "2023-12-20", note: "家族が支援の利用を見送った。" }],
  },
  {
    key: "33-bihoku-1",
    prefectureCode: "33",
    office: "bihoku",
    targets: ["post_long_stay"],
    teamKind: "contracted_hospital",
    teamName: OKAYAMA_TEAM,
    referralDate: "2024-05-20",
    referralSource: "hospital_psw",
    diagnosisGroup: "F2",
    suspected: false,
    selection: "2024-06-12",
    start: "2024-07-01",
    gafStart: 42,
    fixed: [{ date: "2024-06-12", type: "case_conference", summary: SELECTED }],
    blocks: [{ from: "2024-07-01", to: "2025-03-27", counts: { home_visit: 8, accompany_clinic: 3, case_conference: 2, phone_mail: 5 }, metRate: 0.9 }],
    outcomes: [
      { outcome: "engaged", date: "2024-07-17" },
      { outcome: "service_started", date: "2024-11-06", note: "訪問看護の利用を開始した。" },
    ],
  },
  {
    // Waiting for its selection conference at the end of the demo year.
    key: "33-bizen-3",
    prefectureCode: "33",
    office: "bizen",
    targets: ["untreated", "hikikomori"],
    teamKind: "contracted_hospital",
    teamName: OKAYAMA_TEAM,
    referralDate: "2025-02-17",
    referralSource: "welfare_office_cw",
    diagnosisGroup: null,
    suspected: false,
    fixed: [],
    blocks: [{ from: "2025-02-17", to: "2025-03-28", counts: { family_interview: 1, liaison: 1 }, metRate: 0 }],
    outcomes: [],
  },

  // ---- 山口県: the offices' own teams and the 精神保健福祉センター ----------------------------
  {
    key: "35-yamaguchi-1",
    prefectureCode: "35",
    office: "yamaguchi",
    targets: ["treatment_interrupted"],
    teamKind: "health_center",
    teamName: TEAMS.yamaguchi,
    referralDate: "2019-11-11",
    referralSource: "family",
    diagnosisGroup: "F2",
    suspected: false,
    selection: "2019-11-27",
    start: "2019-12-02",
    end: "2021-03-10",
    endReason: "admitted_long",
    fixed: [{ date: "2019-11-27", type: "case_conference", summary: SELECTED }],
    blocks: [
      { from: "2019-12-02", to: "2020-03-31", counts: { home_visit: 4, phone_mail: 2 }, metRate: 0.5 },
      { from: "2020-04-01", to: "2021-03-10", counts: { home_visit: 5, phone_mail: 4, case_conference: 2, liaison: 1 }, metRate: 0.6 },
    ],
    outcomes: [{ outcome: "admitted_voluntary", date: "2021-03-10", note: "本人の同意のもと入院となった。" }],
  },
  {
    key: "35-shunan-1",
    prefectureCode: "35",
    office: "shunan",
    targets: ["untreated"],
    teamKind: "health_center",
    teamName: TEAMS.shunan,
    referralDate: "2021-07-05",
    referralSource: "municipality",
    diagnosisGroup: "F2",
    suspected: true,
    selection: "2021-07-21",
    start: "2021-08-02",
    end: "2022-12-16",
    endReason: "handed_over",
    fixed: [{ date: "2021-07-21", type: "case_conference", summary: SELECTED }],
    blocks: [
      { from: "2021-08-02", to: "2022-03-31", counts: { home_visit: 4, phone_mail: 3, case_conference: 1 }, metRate: 0.4 },
      { from: "2022-04-01", to: "2022-12-16", counts: { home_visit: 4, accompany_clinic: 1, phone_mail: 2, case_conference: 1 }, metRate: 0.8 },
    ],
    outcomes: [
      { outcome: "engaged", date: "2021-10-06" },
      { outcome: "handed_to_local", date: "2022-12-16" },
    ],
  },
  {
    key: "35-ube-1",
    prefectureCode: "35",
    office: "ube",
    targets: ["treatment_interrupted"],
    teamKind: "health_center",
    teamName: TEAMS.ube,
    referralDate: "2022-09-05",
    referralSource: "family",
    diagnosisGroup: "F3",
    suspected: false,
    selection: "2022-09-28",
    start: "2022-10-03",
    end: "2024-03-15",
    endReason: "goal_met",
    gafStart: 45,
    gafEnd: 62,
    fixed: [{ date: "2022-09-28", type: "case_conference", summary: SELECTED }],
    blocks: [
      { from: "2022-10-03", to: "2023-03-31", counts: { home_visit: 5, accompany_clinic: 1, phone_mail: 3, case_conference: 1 }, metRate: 0.7 },
      { from: "2023-04-01", to: "2024-03-15", counts: { home_visit: 6, phone_mail: 4, case_conference: 2, liaison: 1 }, metRate: 0.85 },
    ],
    outcomes: [
      { outcome: "linked_to_care", date: "2022-11-02" },
      { outcome: "treatment_continued", date: "2023-06-14" },
    ],
  },
  {
    key: "35-shimonoseki-city-1",
    prefectureCode: "35",
    office: "shimonoseki-city",
    targets: ["untreated", "hikikomori"],
    teamKind: "mhwc",
    teamName: TEAMS.mhwc,
    referralDate: "2023-04-17",
    referralSource: "municipality",
    diagnosisGroup: "F2",
    suspected: true,
    selection: "2023-05-10",
    start: "2023-05-22",
    fixed: [{ date: "2023-05-10", type: "case_conference", summary: SELECTED }],
    blocks: [
      { from: "2023-05-22", to: "2024-03-31", counts: { home_visit: 6, phone_mail: 4, case_conference: 2 }, metRate: 0.3 },
      { from: "2024-04-01", to: "2025-03-19", counts: { home_visit: 5, accompany_clinic: 2, phone_mail: 3, case_conference: 2 }, metRate: 0.7 },
    ],
    outcomes: [
      { outcome: "engaged", date: "2023-09-13" },
      { outcome: "linked_to_care", date: "2024-02-07" },
    ],
  },
  {
    key: "35-ube-2",
    prefectureCode: "35",
    office: "ube",
    targets: ["untreated"],
    teamKind: "health_center",
    teamName: TEAMS.ube,
    referralDate: "2023-06-12",
    referralSource: "family",
    diagnosisGroup: null,
    suspected: false,
    end: "2023-08-21",
    endReason: "moved",
    fixed: [],
    blocks: [{ from: "2023-06-12", to: "2023-08-10", counts: { family_interview: 1, phone_mail: 1 }, metRate: 0 }],
    outcomes: [],
  },
  {
    key: "35-ube-3",
    prefectureCode: "35",
    office: "ube",
    knownPerson: true,
    targets: ["revolving_door", "post_long_stay"],
    teamKind: "mhwc",
    teamName: TEAMS.mhwc,
    referralDate: "2024-04-08",
    referralSource: "hospital_psw",
    diagnosisGroup: "F2",
    suspected: false,
    selection: "2024-04-24",
    start: "2024-05-07",
    gafStart: 36,
    fixed: [{ date: "2024-04-24", type: "case_conference", summary: SELECTED }],
    blocks: [{ from: "2024-05-07", to: "2025-03-26", counts: { home_visit: 7, accompany_clinic: 2, phone_mail: 4, case_conference: 2, liaison: 2 }, metRate: 0.8 }],
    outcomes: [
      { outcome: "engaged", date: "2024-05-22" },
      { outcome: "crisis_avoided", date: "2024-10-09" },
    ],
  },
  {
    key: "35-ube-4",
    prefectureCode: "35",
    office: "ube",
    targets: ["hikikomori"],
    teamKind: "health_center",
    teamName: TEAMS.ube,
    referralDate: "2025-03-03",
    referralSource: "municipality",
    diagnosisGroup: null,
    suspected: false,
    fixed: [],
    blocks: [{ from: "2025-03-03", to: "2025-03-25", counts: { family_interview: 1 }, metRate: 0 }],
    outcomes: [],
  },
];

// ---------------------------------------------------------------------------------------
// Contact details

const TEAM_PROFESSIONS: Record<OutreachTeamKind, OutreachProfession[]> = {
  contracted_hospital: ["psychiatrist", "nurse", "psw", "ot", "cp"],
  health_center: ["phn", "psw"],
  mhwc: ["psychiatrist", "phn", "psw", "cp"],
  other: ["psw", "other"],
};

export function professionsFor(rng: Rng, kind: OutreachTeamKind, type: OutreachContactType): OutreachProfession[] {
  const team = TEAM_PROFESSIONS[kind];
  const set = new Set<OutreachProfession>();
  const lead: OutreachProfession = kind === "contracted_hospital" ? rng.pick(["nurse", "psw"] as const) : rng.pick(["phn", "psw"] as const);
  set.add(lead);
  if (type === "home_visit") {
    set.add(rng.pick(team));
    if (kind === "contracted_hospital" && rng.chance(0.3)) set.add("phn"); // the referring office's nurse joins
    if (rng.chance(0.08)) set.add("peer");
  } else if (type === "accompany_clinic") {
    if (rng.chance(0.4)) set.add(rng.pick(team));
  } else if (type === "case_conference") {
    for (const p of team) if (p !== "cp" || rng.chance(0.3)) set.add(p);
    set.add("phn");
    if (rng.chance(0.4)) set.add("other"); // 市町村 or 相談支援 staff
  } else if (type === "family_interview" && rng.chance(0.5)) {
    set.add(kind === "contracted_hospital" ? "phn" : "psw");
  }
  const order: readonly OutreachProfession[] = ["psychiatrist", "nurse", "phn", "psw", "ot", "cp", "peer", "other"];
  return order.filter((p) => set.has(p));
}

export const MINUTES: Record<OutreachContactType, [number, number]> = {
  home_visit: [30, 90],
  accompany_clinic: [90, 180],
  family_interview: [30, 90],
  phone_mail: [10, 30],
  case_conference: [45, 120],
  liaison: [10, 30],
};

const SUMMARIES = {
  home_visit_met: [
    "自宅を訪問し本人と面会。睡眠と食事の様子を確認した。",
    "訪問。本人と玄関先で話せた。表情は穏やか。",
    "訪問し、服薬の状況を一緒に確認した。",
    "訪問。近所の店まで一緒に歩いた。",
  ],
  home_visit_not_met: [
    "訪問したが本人は自室から出てこなかった。家族と話し、手紙を置いてきた。",
    "訪問。応答なし。次回の訪問日を書いたメモを投函した。",
    "訪問。家族によると本人は就寝中。家族の相談に応じた。",
  ],
  accompany_clinic: ["外来受診に同行。主治医と今後の治療方針を確認した。", "受診同行。待合での不安が強かったが、最後まで受診できた。"],
  family_interview: ["家族と面談。本人の生活の様子と家族の負担を聴き取った。", "家族面談。支援の進め方を説明し、了解を得た。"],
  phone_mail: ["電話で本人と話した。次回訪問の日時を約束した。", "家族から電話。最近の様子について相談を受けた。", "メールで次回の予定を連絡した。"],
  case_conference: ["ケース会議。保健所とチームで支援方針と役割分担を確認した。", "ケース会議。支援の経過を振り返り、目標を見直した。"],
  liaison: ["市の障害福祉担当と情報を共有した。", "かかりつけ医療機関のPSWと連絡調整した。"],
} as const;

export function placeFor(rng: Rng, type: OutreachContactType): string | null {
  if (type === "home_visit") return "自宅";
  if (type === "accompany_clinic") return rng.pick(["（見本）こころのクリニック外来", "（見本）医療センター外来"]);
  if (type === "family_interview") return rng.pick(["保健所 面接室", "自宅"]);
  if (type === "case_conference") return rng.pick(["保健所 会議室", "チーム事務所"]);
  return null;
}

export function metFor(rng: Rng, type: OutreachContactType, metRate: number): boolean {
  if (type === "home_visit") return rng.chance(metRate);
  if (type === "accompany_clinic") return true;
  if (type === "phone_mail") return rng.chance(metRate * 0.5);
  return false;
}

export function summaryFor(rng: Rng, type: OutreachContactType, met: boolean): string {
  if (type === "home_visit") return rng.pick(met ? SUMMARIES.home_visit_met : SUMMARIES.home_visit_not_met);
  return rng.pick(SUMMARIES[type]);
}

// ---------------------------------------------------------------------------------------
// The generator

export type DemoOutreachSummary = {
  cases: number;
  contacts: number;
  outcomes: number;
  byPrefecture: Record<string, number>;
  /** Plans left out because their office has no demo coordinator. */
  skipped: string[];
};

const ts = (date: string, minute = 0) => `${date}T01:${String(minute % 60).padStart(2, "0")}:00.000Z`;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

type Rows = {
  persons: (typeof persons.$inferInsert)[];
  identities: (typeof personIdentities.$inferInsert)[];
  cases: (typeof outreachCases.$inferInsert)[];
  targets: (typeof outreachCaseTargets.$inferInsert)[];
  contacts: (typeof outreachContacts.$inferInsert)[];
  professions: (typeof outreachContactProfessions.$inferInsert)[];
  outcomes: (typeof outreachOutcomes.$inferInsert)[];
  sequences: Map<string, typeof outreachNumberSequences.$inferInsert>;
};

function coordinatorOf(tx: Tx, office: string): string | null {
  return tx.select({ id: users.id }).from(users).where(eq(users.username, `${office}.coord`)).get()?.id ?? null;
}

/** A closed discharge-support case of the office that ended before `date`: its person, deterministically. */
function knownPersonOf(tx: Tx, officeId: string, date: string, taken: Set<string>): string | null {
  const rows = tx
    .select({ personId: cases.personId })
    .from(cases)
    .where(and(eq(cases.officeId, officeId), eq(cases.phase, "closed"), lt(cases.endDate, date)))
    .orderBy(asc(cases.caseNo))
    .all();
  return rows.find((r) => !taken.has(r.personId))?.personId ?? null;
}

function newPerson(rng: Rng, tx: Tx, plan: Plan, officeId: string, rows: Rows): string {
  const personId = `p-or-${plan.key}`;
  const sex = rng.weighted<Sex>({ male: 55, female: 45 });
  const referralYear = Number(plan.referralDate.slice(0, 4));
  // Adults of working age, within the birth years the demo cases use (1940–1995).
  const birthYear = rng.int(Math.max(1960, referralYear - 58), Math.min(1995, referralYear - 22));
  const birthMonth = rng.int(1, 12);
  const [familyName, familyKana] = rng.pick(DEMO_FAMILY_NAMES);
  const givenNames: readonly (readonly [string, string])[] = sex === "female" ? DEMO_GIVEN_NAMES_FEMALE : DEMO_GIVEN_NAMES_MALE;
  const [givenName, givenKana] = rng.pick(givenNames);
  const munis = tx.select({ code: municipalities.code, name: municipalities.name }).from(municipalities).where(eq(municipalities.healthCenterId, officeId)).orderBy(asc(municipalities.sort)).all();
  const municipality = munis.length > 0 ? rng.pick(munis) : null;
  const createdAt = ts(plan.referralDate);
  const birthYearMonth = `${birthYear}-${pad(birthMonth, 2)}`;
  rows.persons.push({ id: personId, prefectureCode: plan.prefectureCode, officeId, birthYearMonth, sex, municipalityCode: municipality?.code ?? null, createdAt, updatedAt: createdAt });
  rows.identities.push({
    personId,
    familyName,
    givenName,
    familyNameKana: familyKana,
    givenNameKana: givenKana,
    kanaKey: normalizeKana(familyKana + givenKana),
    ...nameKeys({ familyName, givenName }),
    dateOfBirth: `${birthYearMonth}-${pad(rng.int(1, daysInMonth(birthYear, birthMonth)), 2)}`,
    phone: rng.chance(0.6) ? `090-0000-${pad(rng.int(0, 9999), 4)}` : null,
    address: municipality && rng.chance(0.5) ? `（デモ）${municipality.name}` : null,
    updatedAt: createdAt,
  });
  return personId;
}

function buildCase(root: Rng, tx: Tx, plan: Plan, rows: Rows, taken: Set<string>): boolean {
  const officeId = `${plan.prefectureCode}-${plan.office}`;
  const office = tx.select({ casePrefix: healthCenters.casePrefix }).from(healthCenters).where(eq(healthCenters.id, officeId)).get();
  const coordinator = coordinatorOf(tx, plan.office);
  if (!office || !coordinator) return false;
  const rng = root.fork(plan.key);
  const caseId = `or-${plan.key}`;

  const known = plan.knownPerson ? knownPersonOf(tx, officeId, plan.referralDate, taken) : null;
  const personId = known ?? newPerson(rng, tx, plan, officeId, rows);
  taken.add(personId);

  const fiscalYear = fiscalYearOf(plan.referralDate);
  const seqKey = `${officeId}|${fiscalYear}`;
  const seq = (rows.sequences.get(seqKey)?.lastSeq ?? 0) + 1;
  rows.sequences.set(seqKey, { officeId, fiscalYear, lastSeq: seq });

  // Contacts: the fixed ones, then each block's counts on days drawn inside the block.
  type Draft = { date: string; type: OutreachContactType; met: boolean; summary: string };
  const drafts: Draft[] = plan.fixed.map((f) => ({ date: f.date, type: f.type, met: f.met ?? false, summary: f.summary }));
  for (const block of plan.blocks) {
    const span = daysBetween(block.from, block.to);
    for (const [type, n] of Object.entries(block.counts) as [OutreachContactType, number][]) {
      for (let i = 0; i < n; i++) {
        const date = addDays(block.from, rng.int(0, span));
        const met = metFor(rng, type, block.metRate);
        drafts.push({ date, type, met, summary: summaryFor(rng, type, met) });
      }
    }
  }
  drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  drafts.forEach((d, i) => {
    const id = `oc-${plan.key}-${pad(i + 1, 3)}`;
    const [lo, hi] = MINUTES[d.type];
    rows.contacts.push({
      id,
      outreachCaseId: caseId,
      date: d.date,
      contactType: d.type,
      place: placeFor(rng, d.type),
      minutes: Math.round(rng.int(lo, hi) / 5) * 5,
      metPerson: d.met,
      summary: d.summary,
      createdBy: coordinator,
      createdAt: ts(d.date, i),
    });
    for (const profession of professionsFor(rng, plan.teamKind, d.type)) rows.professions.push({ contactId: id, profession });
  });
  plan.outcomes.forEach((o, i) => {
    rows.outcomes.push({ id: `oo-${plan.key}-${i + 1}`, outreachCaseId: caseId, outcome: o.outcome, date: o.date, note: o.note ?? null, createdBy: coordinator, createdAt: ts(o.date, 30 + i) });
  });

  const status = plan.end ? "closed" : plan.start ? "active" : "referred";
  const lastContactDate = drafts.at(-1)?.date ?? null;
  const updated = [plan.end, lastContactDate, plan.start, plan.referralDate].filter((d): d is string => !!d).sort().at(-1)!;
  rows.cases.push({
    id: caseId,
    caseNo: formatOutreachCaseNumber(plan.prefectureCode, office.casePrefix, fiscalYear, seq),
    personId,
    prefectureCode: plan.prefectureCode,
    officeId,
    coordinatorUserId: coordinator,
    status,
    primaryTarget: plan.targets[0]!,
    teamKind: plan.teamKind,
    teamName: plan.teamName,
    referralDate: plan.referralDate,
    referralSource: plan.referralSource,
    diagnosisGroup: plan.diagnosisGroup,
    diagnosisSuspected: plan.suspected,
    selectionConferenceDate: plan.selection ?? null,
    startDate: plan.start ?? null,
    endDate: plan.end ?? null,
    endReason: plan.endReason ?? null,
    gafStart: plan.gafStart ?? null,
    gafEnd: plan.gafEnd ?? null,
    lastContactDate,
    version: 1,
    createdBy: coordinator,
    createdAt: ts(plan.referralDate),
    updatedBy: coordinator,
    updatedAt: ts(updated, 59),
  });
  for (const target of plan.targets) rows.targets.push({ outreachCaseId: caseId, target });
  return true;
}

function insertAll<T extends SQLiteTable>(tx: Tx, table: T, values: T["$inferInsert"][]): void {
  if (values.length > 0) tx.insert(table).values(values).run();
}

/** Insert the demo outreach cases (run once, into an empty outreach_cases table). */
export function seedDemoOutreach(db: Db): DemoOutreachSummary {
  return db.transaction((tx) => {
    const root = createRng(SEED);
    const rows: Rows = { persons: [], identities: [], cases: [], targets: [], contacts: [], professions: [], outcomes: [], sequences: new Map() };
    const taken = new Set<string>();
    const skipped: string[] = [];
    // In referral order, so the sequence numbers follow the referral dates within an office.
    for (const plan of [...PLANS].sort((a, b) => a.referralDate.localeCompare(b.referralDate) || a.key.localeCompare(b.key))) {
      if (plan.end && plan.end > DEMO_ANCHOR) throw new Error(`demo outreach ${plan.key} ends after the anchor`);
      if (!buildCase(root, tx, plan, rows, taken)) skipped.push(plan.key);
    }
    // Small tables: one statement each keeps the seed fast (it runs in every test process).
    insertAll(tx, persons, rows.persons);
    insertAll(tx, personIdentities, rows.identities);
    insertAll(tx, outreachCases, rows.cases);
    insertAll(tx, outreachCaseTargets, rows.targets);
    insertAll(tx, outreachContacts, rows.contacts);
    insertAll(tx, outreachContactProfessions, rows.professions);
    insertAll(tx, outreachOutcomes, rows.outcomes);
    insertAll(tx, outreachNumberSequences, [...rows.sequences.values()]);
    const byPrefecture: Record<string, number> = {};
    for (const c of rows.cases) byPrefecture[c.prefectureCode] = (byPrefecture[c.prefectureCode] ?? 0) + 1;
    return { cases: rows.cases.length, contacts: rows.contacts.length, outcomes: rows.outcomes.length, byPrefecture, skipped };
  });
}
