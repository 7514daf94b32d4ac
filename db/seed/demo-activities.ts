import "server-only";
import { asc, eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db, Tx } from "@/db/client";
import {
  communityEvents,
  healthCenters,
  hostelMonths,
  kyogiBodies,
  meetingAttendance,
  meetings,
  municipalities,
  municipalKyogiStatus,
  phoneLineMonths,
  regions,
  trainingAttendance,
  trainingEventCohosts,
  trainingEvents,
  userOffices,
  users,
} from "@/db/schema";
import {
  PROFESSIONS,
  SECTORS,
  type EventKind,
  type EventSubtype,
  type KyogiForm,
  type MeetingKind,
  type Profession,
  type Sector,
  type TrainingKind,
  type TrainingScope,
} from "@/lib/domain/activity-codes";
import { daysInYearMonth, monthsOfFiscalYear } from "@/lib/domain/activity-rules";
import { addDays, dayNumber } from "@/lib/domain/date-math";
import { isoFromParts } from "@/lib/domain/iso-date";
import { createRng, type Rng } from "./random";

/**
 * Deterministic demo activities of both prefectures, FY2019–FY2024: the 協議の場 registry and
 * every municipality's status per year, meetings with attendance by sector, trainings with
 * attendance by profession, awareness and family-support events, and 岡山県's monthly
 * phone-line and hostel reports. No clock, no Math.random: the rows are a function of the
 * org tree, the demo accounts and the seed below.
 *
 * FY2021 (令和3年度) reproduces the two seed sheets (shared/reference/seed-figures.json):
 * 岡山県 1 地域移行推進検討会, 5 人材育成研修 (県全域1 + 保健所・支所圏域4), 23 of 27 municipalities
 * with a 協議の場, a regional 協議の場 in each of the 5 regions, (自立支援)協議会 twice with its
 * 精神部会, the 県北3保健所合同 ピアサポーター養成研修 on 2021-11-18; 山口県 a prefectural and 8 of 8
 * regional 協議の場, 12 of 19 municipalities, 協議会 once and no 精神部会, no peer training, no
 * monthly figures. tests/seed/demo-activities.test.ts recomputes each of these.
 */

export const DEMO_ACTIVITY_FIRST_FY = 2019;
export const DEMO_ACTIVITY_LAST_FY = 2024;
const FISCAL_YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;
const SEED = "tsunagu-demo-activities-v1";

/** The joint peer-supporter training the sheet describes; the peer registry refers to it. */
export const JOINT_PEER_TRAINING = {
  id: "tr-33-2021-peer-joint",
  date: "2021-11-18",
  title: "県北3保健所合同ピアサポーター養成研修",
  hostOfficeId: "33-mimasaka",
  cohostOfficeIds: ["33-maniwa", "33-bihoku"],
} as const;

/** Municipalities with a 協議の場 per fiscal year (FY2021 and 山口県's R4.4 are the sheets'). */
export const MUNICIPAL_KYOGI_COUNTS: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  "33": { 2019: 15, 2020: 19, 2021: 23, 2022: 25, 2023: 26, 2024: 27 },
  "35": { 2019: 7, 2020: 10, 2021: 12, 2022: 12, 2023: 14, 2024: 16 },
};

export type DemoActivitySummary = {
  kyogiBodies: number;
  municipalStatusRows: number;
  meetings: number;
  trainings: number;
  events: number;
  phoneMonths: number;
  hostelMonths: number;
};

// ---------------------------------------------------------------------------------------
// Helpers

const ts = (date: string, hhmm = "01:00") => `${date}T${hhmm}:00.000Z`;
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A weekday in the given month of the fiscal year (Saturdays and Sundays move to Friday / Monday). */
export function weekdayIn(rng: Rng, fy: number, month: number, fixedDay?: number): string {
  const year = month >= 4 ? fy : fy + 1;
  const day = fixedDay ?? rng.int(3, 26);
  const iso = isoFromParts(year, month, day);
  const weekday = (dayNumber(iso) + 4) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
  if (weekday === 6) return addDays(iso, -1);
  if (weekday === 0) return addDays(iso, 1);
  return iso;
}

/** Split `total` into integer parts proportional to the weights, summing exactly to total. */
function split<K extends string>(rng: Rng, total: number, weights: Readonly<Record<K, number>>): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const jittered = keys.map((k) => Math.max(0, weights[k] * (0.8 + rng.next() * 0.4)));
  const sumW = jittered.reduce((a, b) => a + b, 0) || 1;
  const raw = jittered.map((w) => (total * w) / sumW);
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  // Largest remainders first: deterministic, and the sum is exact.
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    parts[i]!++;
    rest--;
  }
  return Object.fromEntries(keys.map((k, i) => [k, parts[i]!])) as Record<K, number>;
}

const SECTOR_WEIGHTS: Readonly<Record<string, Partial<Record<Sector, number>>>> = {
  kyogi: { health: 3, medical_psych: 3, medical_other: 1, welfare: 4, care: 1, person: 1, peer: 1, family: 1, housing: 0.5, government: 4, other: 0.5 },
  council: { health: 2, medical_psych: 3, medical_other: 1, welfare: 4, care: 1, person: 1, peer: 1, family: 1, housing: 1, government: 3, other: 1 },
  staff: { health: 6, government: 3, medical_psych: 1, welfare: 1 },
  case_review: { health: 3, medical_psych: 3, welfare: 3, care: 1, government: 2, peer: 0.5 },
  core: { health: 2, medical_psych: 3, welfare: 3, government: 2, peer: 1, family: 0.5 },
  liaison: { health: 2, medical_psych: 3, welfare: 4, care: 1, government: 3, housing: 0.5, other: 0.5 },
};

function sectorAttendance(rng: Rng, profile: keyof typeof SECTOR_WEIGHTS, total: number): Record<Sector, number> {
  const weights = Object.fromEntries(SECTORS.map((s) => [s, SECTOR_WEIGHTS[profile]![s] ?? 0])) as Record<Sector, number>;
  return split(rng, total, weights);
}

const PROFESSION_WEIGHTS: Readonly<Record<string, Partial<Record<Profession, number>>>> = {
  general: { doctor: 0.5, nurse: 4, phn: 3, psw: 5, ot: 1.5, cp: 0.5, soudan: 5, care_manager: 1.5, municipal: 3, peer: 0.5, other: 1 },
  peer: { peer: 8, psw: 1, phn: 1, soudan: 1, other: 1 },
  central: { doctor: 1, nurse: 5, phn: 4, psw: 6, ot: 2, cp: 1, soudan: 6, care_manager: 2, municipal: 4, peer: 1, other: 2 },
};

function professionAttendance(rng: Rng, profile: keyof typeof PROFESSION_WEIGHTS, total: number): Record<Profession, number> {
  const weights = Object.fromEntries(PROFESSIONS.map((p) => [p, PROFESSION_WEIGHTS[profile]![p] ?? 0])) as Record<Profession, number>;
  return split(rng, total, weights);
}

/** Venues are invented (no real building is named). */
const VENUES_33 = ["県庁分庁舎 大会議室", "保健所 会議室", "地域交流センター 研修室", "総合福祉会館 ホール", "オンライン（Web会議）", "市民会館 第2会議室"];
const VENUES_35 = ["県庁 共用会議室", "健康福祉センター 会議室", "地域ふれあいセンター 研修室", "オンライン（Web会議）", "県総合保健会館 多目的室"];

type Office = { id: string; code: string; name: string; regionId: string; prefectureCode: string; creatorId: string };

export type Rows = {
  kyogiBodies: (typeof kyogiBodies.$inferInsert)[];
  status: (typeof municipalKyogiStatus.$inferInsert)[];
  meetings: (typeof meetings.$inferInsert)[];
  meetingAttendance: (typeof meetingAttendance.$inferInsert)[];
  trainings: (typeof trainingEvents.$inferInsert)[];
  cohosts: (typeof trainingEventCohosts.$inferInsert)[];
  trainingAttendance: (typeof trainingAttendance.$inferInsert)[];
  events: (typeof communityEvents.$inferInsert)[];
  phone: (typeof phoneLineMonths.$inferInsert)[];
  hostel: (typeof hostelMonths.$inferInsert)[];
};

export type Context = {
  prefectureCode: string;
  prefectureUserId: string;
  offices: Office[];
  regions: { id: string; name: string }[];
  municipalities: { code: string; name: string; regionId: string; kind: string }[];
  venues: readonly string[];
  rows: Rows;
};

function edited(creator: string, date: string) {
  return { version: 1, createdBy: creator, createdAt: ts(date), updatedBy: creator, updatedAt: ts(date) };
}

let meetingSeq = 0;
let trainingSeq = 0;
let eventSeq = 0;

type MeetingDraft = {
  kind: MeetingKind;
  date: string;
  title: string;
  office: Office | null;
  regionId?: string | null;
  kyogiBodyId?: string | null;
  targetsReviewed?: boolean;
  advisorDispatched?: boolean;
  casesReviewed?: number | null;
  agenda?: string | null;
  attendance: Record<Sector, number>;
};

function addMeeting(ctx: Context, rng: Rng, m: MeetingDraft): void {
  const id = `mt-${ctx.prefectureCode}-${m.date.slice(0, 4)}-${pad(++meetingSeq, 4)}`;
  ctx.rows.meetings.push({
    id,
    prefectureCode: ctx.prefectureCode,
    officeId: m.office?.id ?? null,
    kind: m.kind,
    kyogiBodyId: m.kyogiBodyId ?? null,
    regionId: m.regionId ?? m.office?.regionId ?? null,
    date: m.date,
    title: m.title,
    venue: rng.pick(ctx.venues),
    agenda: m.agenda ?? null,
    targetsReviewed: m.targetsReviewed ?? false,
    casesReviewed: m.casesReviewed ?? null,
    advisorDispatched: m.advisorDispatched ?? false,
    ...edited(m.office?.creatorId ?? ctx.prefectureUserId, m.date),
  });
  for (const s of SECTORS) if (m.attendance[s] > 0) ctx.rows.meetingAttendance.push({ meetingId: id, sector: s, count: m.attendance[s] });
}

type TrainingDraft = {
  id?: string;
  kind: TrainingKind;
  scope: TrainingScope;
  date: string;
  title: string;
  office: Office | null;
  regionId?: string | null;
  cohosts?: string[];
  sessions?: number;
  note?: string | null;
  attendance: Record<Profession, number>;
};

function addTraining(ctx: Context, rng: Rng, t: TrainingDraft): void {
  const id = t.id ?? `tr-${ctx.prefectureCode}-${t.date.slice(0, 4)}-${pad(++trainingSeq, 4)}`;
  ctx.rows.trainings.push({
    id,
    prefectureCode: ctx.prefectureCode,
    officeId: t.office?.id ?? null,
    kind: t.kind,
    scope: t.scope,
    regionId: t.regionId ?? (t.scope === "prefecture" ? null : (t.office?.regionId ?? null)),
    date: t.date,
    title: t.title,
    venue: rng.pick(ctx.venues),
    sessions: t.sessions ?? 1,
    note: t.note ?? null,
    ...edited(t.office?.creatorId ?? ctx.prefectureUserId, t.date),
  });
  for (const officeId of t.cohosts ?? []) ctx.rows.cohosts.push({ trainingEventId: id, officeId });
  for (const p of PROFESSIONS) if (t.attendance[p] > 0) ctx.rows.trainingAttendance.push({ trainingEventId: id, profession: p, count: t.attendance[p] });
}

type EventDraft = { kind: EventKind; subtype: EventSubtype; date: string; title: string; office: Office | null; participants: number; families?: number | null; withPeers?: boolean };

function addEvent(ctx: Context, rng: Rng, e: EventDraft): void {
  ctx.rows.events.push({
    id: `ev-${ctx.prefectureCode}-${e.date.slice(0, 4)}-${pad(++eventSeq, 4)}`,
    prefectureCode: ctx.prefectureCode,
    officeId: e.office?.id ?? null,
    kind: e.kind,
    subtype: e.subtype,
    date: e.date,
    title: e.title,
    venue: rng.pick(ctx.venues),
    participants: e.participants,
    families: e.kind === "family_support" ? (e.families ?? null) : null,
    withPeers: e.withPeers ?? false,
    note: null,
    ...edited(e.office?.creatorId ?? ctx.prefectureUserId, e.date),
  });
}

const officeShort = (o: Office) => o.name.replace(/健康福祉センター$/, "").replace(/保健所$/, "");

// ---------------------------------------------------------------------------------------
// 協議の場 registry and municipal status

type BodySpec = { slug: string; officeCode: string | null; name: string; establishedOn: string };

const BODIES: Readonly<Record<string, { prefecture: BodySpec; regions: BodySpec[] }>> = {
  "33": {
    prefecture: { slug: "pref", officeCode: null, name: "精神障害者地域移行推進検討会", establishedOn: "2014-06-01" },
    regions: [
      { slug: "bizen", officeCode: "bizen", name: "備前保健所管内 地域移行・地域定着推進検討会", establishedOn: "2015-07-01" },
      { slug: "tobi", officeCode: "tobi", name: "東備地域 精神保健福祉連絡会", establishedOn: "2017-10-01" },
      { slug: "okayama-city", officeCode: "okayama-city", name: "岡山市 精神障害にも対応した地域包括ケアシステム推進会議", establishedOn: "2019-08-01" },
      { slug: "bitchu", officeCode: "bitchu", name: "備中保健所管内 地域移行推進連絡会", establishedOn: "2016-05-01" },
      { slug: "ikasa", officeCode: "ikasa", name: "井笠圏域 地域移行・地域定着推進会議", establishedOn: "2013-09-01" },
      { slug: "kurashiki-city", officeCode: "kurashiki-city", name: "倉敷市 精神保健福祉推進会議", establishedOn: "2018-04-01" },
      { slug: "bihoku", officeCode: "bihoku", name: "高梁・新見圏域 精神障害者地域移行検討会", establishedOn: "2016-11-01" },
      { slug: "maniwa", officeCode: "maniwa", name: "真庭圏域 地域包括ケア推進検討会", establishedOn: "2018-06-01" },
      { slug: "mimasaka", officeCode: "mimasaka", name: "津山・勝英圏域 地域移行推進会議", establishedOn: "2014-10-01" },
    ],
  },
  "35": {
    prefecture: { slug: "pref", officeCode: null, name: "山口県地域生活移行推進会議", establishedOn: "2016-06-01" },
    regions: [
      { slug: "iwakuni", officeCode: "iwakuni", name: "岩国圏域 地域移行連絡調整会議", establishedOn: "2012-07-01" },
      { slug: "yanai", officeCode: "yanai", name: "柳井圏域 地域移行連絡調整会議", establishedOn: "2012-07-01" },
      { slug: "shunan", officeCode: "shunan", name: "周南圏域 地域移行連絡調整会議", establishedOn: "2012-08-01" },
      { slug: "yamaguchi-hofu", officeCode: "yamaguchi", name: "山口・防府圏域 地域移行連絡調整会議", establishedOn: "2012-08-01" },
      { slug: "ube-onoda", officeCode: "ube", name: "宇部・小野田圏域 地域移行連絡調整会議", establishedOn: "2012-09-01" },
      { slug: "shimonoseki", officeCode: "shimonoseki-city", name: "下関圏域 地域移行連絡調整会議", establishedOn: "2013-04-01" },
      { slug: "nagato", officeCode: "nagato", name: "長門圏域 地域移行連絡調整会議", establishedOn: "2012-09-01" },
      { slug: "hagi", officeCode: "hagi", name: "萩圏域 地域移行連絡調整会議", establishedOn: "2012-10-01" },
    ],
  },
};

const bodyId = (pref: string, slug: string) => `kb-${pref}-${slug}`;

export function buildBodies(ctx: Context): { prefectureBodyId: string; regionBodies: { id: string; office: Office }[] } {
  const spec = BODIES[ctx.prefectureCode]!;
  const prefectureBodyId = bodyId(ctx.prefectureCode, spec.prefecture.slug);
  ctx.rows.kyogiBodies.push({
    id: prefectureBodyId,
    prefectureCode: ctx.prefectureCode,
    level: "prefecture",
    regionId: null,
    municipalityCode: null,
    officeId: null,
    name: spec.prefecture.name,
    establishedOn: spec.prefecture.establishedOn,
    active: true,
    ...edited(ctx.prefectureUserId, "2019-04-01"),
  });
  const regionBodies = spec.regions.map((r) => {
    const office = ctx.offices.find((o) => o.code === r.officeCode)!;
    const id = bodyId(ctx.prefectureCode, r.slug);
    ctx.rows.kyogiBodies.push({
      id,
      prefectureCode: ctx.prefectureCode,
      level: "region",
      regionId: office.regionId,
      municipalityCode: null,
      officeId: office.id,
      name: r.name,
      establishedOn: r.establishedOn,
      active: true,
      ...edited(office.creatorId, "2019-04-01"),
    });
    return { id, office };
  });
  return { prefectureBodyId, regionBodies };
}

export const FORM_WEIGHTS: Readonly<Record<KyogiForm, number>> = { single: 40, joint: 15, jiritsu_subcommittee: 40, other: 5 };

/**
 * One status row per municipality and year. Municipalities join in a fixed shuffled order, so
 * the count per year is exactly MUNICIPAL_KYOGI_COUNTS and one that has a 協議の場 keeps it.
 */
function buildMunicipalStatus(ctx: Context, rng: Rng): void {
  const counts = MUNICIPAL_KYOGI_COUNTS[ctx.prefectureCode]!;
  // Cities tend to set theirs up first: weight the draw so larger municipalities lead.
  const pool = [...ctx.municipalities];
  const order: typeof pool = [];
  while (pool.length) {
    const weights = Object.fromEntries(pool.map((m, i) => [String(i), m.kind === "town" || m.kind === "village" ? 1 : 2.5]));
    const index = Number(rng.weighted(weights));
    order.push(pool.splice(index, 1)[0]!);
  }
  const joinedIn = new Map<string, number>();
  let previous = 0;
  for (const fy of FISCAL_YEARS) {
    const n = counts[fy]!;
    for (let i = previous; i < n; i++) joinedIn.set(order[i]!.code, fy);
    previous = n;
  }
  const details = new Map(
    order.map((m) => {
      const fy = joinedIn.get(m.code);
      // Those that had one before FY2019 were set up in an earlier year.
      const startFy = fy === 2019 ? rng.int(2016, 2019) : fy;
      const form = rng.weighted(m.kind === "town" || m.kind === "village" ? { ...FORM_WEIGHTS, joint: 35, single: 20 } : FORM_WEIGHTS);
      return [m.code, { startFy, established: startFy ? weekdayIn(rng, startFy, rng.pick([5, 6, 7, 9, 10, 11, 1, 2])) : null, form }];
    }),
  );
  for (const fy of FISCAL_YEARS) {
    for (const m of ctx.municipalities) {
      const d = details.get(m.code)!;
      const has = (joinedIn.get(m.code) ?? 9999) <= fy;
      ctx.rows.status.push({
        municipalityCode: m.code,
        fiscalYear: fy,
        prefectureCode: ctx.prefectureCode,
        exists: has,
        form: has ? d.form : null,
        establishedOn: has ? d.established : null,
        meetingsHeld: has ? rng.int(1, 4) : 0,
        note: has ? null : rng.chance(0.5) ? "設置に向けて保健所と協議中" : null,
        ...edited(ctx.prefectureUserId, `${fy + 1}-03-20`),
      });
    }
  }
}

// ---------------------------------------------------------------------------------------
// 岡山県

export function okayamaYear(ctx: Context, rng: Rng, fy: number, bodies: ReturnType<typeof buildBodies>): void {
  const r = (label: string) => rng.fork(`${fy}-${label}`);
  const covid = fy === 2020;

  // 精神障害者地域移行推進検討会 (S1): the prefecture's 協議の場. FY2021 held it once (the sheet).
  const suishinMonths = fy === 2019 || fy === 2023 || fy === 2024 ? [7, 2] : [2];
  suishinMonths.forEach((month, i) => {
    const g = r(`suishin-${i}`);
    addMeeting(ctx, g, {
      kind: "chiiki_ikou_suishin",
      date: weekdayIn(g, fy, month),
      title: suishinMonths.length > 1 ? `精神障害者地域移行推進検討会（第${i + 1}回）` : "精神障害者地域移行推進検討会",
      office: null,
      kyogiBodyId: bodies.prefectureBodyId,
      targetsReviewed: i === suishinMonths.length - 1,
      agenda: "各行政機関の取組の共有、ピアサポーター・家族会の意見交換、治療中断と支援拒否を減らすための各職域の取組",
      attendance: sectorAttendance(g, "council", g.int(22, 32)),
    });
  });

  // コアメンバー連絡会: August, November, January (since 令和元年度).
  [8, 11, 1].forEach((month, i) => {
    const g = r(`core-${i}`);
    addMeeting(ctx, g, {
      kind: "core_member",
      date: weekdayIn(g, fy, month),
      title: `精神障害者地域移行・地域定着支援事業 コアメンバー連絡会（第${i + 1}回）`,
      office: null,
      targetsReviewed: i === 2,
      agenda: "体制整備や人材育成のさらなる推進に向けた協議",
      attendance: sectorAttendance(g, "core", g.int(9, 14)),
    });
  });

  // 保健所・支所担当者連絡会.
  (covid ? [10] : [6, 10]).forEach((month, i) => {
    const g = r(`staff-${i}`);
    addMeeting(ctx, g, {
      kind: "hc_staff_liaison",
      date: weekdayIn(g, fy, month),
      title: `保健所・支所担当者連絡会${covid ? "" : `（第${i + 1}回）`}`,
      office: null,
      agenda: "各地域の現状・課題・取組方針の共有",
      attendance: sectorAttendance(g, "staff", g.int(14, 20)),
    });
  });

  // Outreach case reviews and liaison (FY2021: 3, FY2022: 2, otherwise 2).
  const outreach: { kind: MeetingKind; month: number; title: string }[] =
    fy === 2021
      ? [
          { kind: "outreach_case_review", month: 6, title: "地域包括ケア型精神科在宅支援（アウトリーチ）事業 事例検討会（第1回）" },
          { kind: "outreach_case_review", month: 11, title: "地域包括ケア型精神科在宅支援（アウトリーチ）事業 事例検討会（第2回）" },
          { kind: "outreach_liaison", month: 2, title: "アウトリーチ事業支援者連絡会議" },
        ]
      : [
          { kind: "outreach_case_review", month: 9, title: "地域包括ケア型精神科在宅支援（アウトリーチ）事業 事例検討会" },
          { kind: "outreach_liaison", month: 7, title: "アウトリーチ事業支援者連絡会議" },
        ];
  outreach.forEach((m, i) => {
    const g = r(`outreach-${i}`);
    addMeeting(ctx, g, {
      kind: m.kind,
      date: weekdayIn(g, fy, m.month),
      title: m.title,
      office: null,
      casesReviewed: m.kind === "outreach_case_review" ? g.int(2, 3) : null,
      attendance: sectorAttendance(g, "case_review", g.int(10, 16)),
    });
  });

  // アウトリーチ評価検討委員会 (FY2022: June, July, October).
  (fy === 2022 ? [6, 7, 10] : [10]).forEach((month, i) => {
    const g = r(`outreach-eval-${i}`);
    addMeeting(ctx, g, {
      kind: "outreach_evaluation",
      date: weekdayIn(g, fy, month),
      title: fy === 2022 ? `アウトリーチ評価検討委員会（第${i + 1}回）` : "アウトリーチ評価検討委員会",
      office: null,
      targetsReviewed: true,
      attendance: sectorAttendance(g, "core", g.int(8, 12)),
    });
  });

  // (自立支援)協議会 twice a year, with its 精神部会.
  [7, 2].forEach((month, i) => {
    const g = r(`jiritsu-${i}`);
    addMeeting(ctx, g, { kind: "jiritsu_council", date: weekdayIn(g, fy, month), title: `岡山県自立支援協議会（第${i + 1}回）`, office: null, attendance: sectorAttendance(g, "council", g.int(20, 28)) });
  });
  (covid ? [11] : [9, 1]).forEach((month, i) => {
    const g = r(`bukai-${i}`);
    addMeeting(ctx, g, {
      kind: "jiritsu_mh_subcommittee",
      date: weekdayIn(g, fy, month),
      title: "岡山県自立支援協議会 精神障害者地域移行部会",
      office: null,
      targetsReviewed: i === 0,
      attendance: sectorAttendance(g, "council", g.int(12, 18)),
    });
  });

  // The MHWC's regular difficult-case reviews with the health centres.
  [5, 8, 11, 2].forEach((month, i) => {
    const g = r(`mhwc-${i}`);
    addMeeting(ctx, g, {
      kind: "case_review",
      date: weekdayIn(g, fy, month),
      title: "困難事例検討会（精神保健福祉センター定例）",
      office: null,
      casesReviewed: g.int(1, 2),
      attendance: sectorAttendance(g, "case_review", g.int(8, 12)),
    });
  });

  // Each office: sessions of the regional 協議の場 it runs, case reviews, hospital–community liaison.
  for (const o of ctx.offices) {
    const g = r(`office-${o.code}`);
    const body = bodies.regionBodies.find((b) => b.office.id === o.id);
    const established = ctx.rows.kyogiBodies.find((b) => b.id === body?.id)?.establishedOn ?? "9999";
    if (body) {
      const sessions = covid ? 1 : g.int(1, 3);
      for (let i = 0; i < sessions; i++) {
        const date = weekdayIn(g, fy, [6, 10, 2][i]!);
        if (date < established!) continue;
        addMeeting(ctx, g, {
          kind: "kyogi",
          date,
          title: `${ctx.rows.kyogiBodies.find((b) => b.id === body.id)!.name}${sessions > 1 ? `（第${i + 1}回）` : ""}`,
          office: o,
          kyogiBodyId: body.id,
          targetsReviewed: i === sessions - 1 && g.chance(0.6),
          agenda: "管内の地域移行の現状と課題、市町村の協議の場の設置に向けた支援",
          attendance: sectorAttendance(g, "kyogi", g.int(14, 30)),
        });
      }
    }
    const reviews = covid ? g.int(0, 1) : g.int(1, 3);
    for (let i = 0; i < reviews; i++) {
      addMeeting(ctx, g, {
        kind: "case_review",
        date: weekdayIn(g, fy, g.pick([5, 7, 9, 12, 1, 3])),
        title: `${officeShort(o)} 地域移行支援 事例検討会`,
        office: o,
        casesReviewed: g.int(1, 4),
        attendance: sectorAttendance(g, "case_review", g.int(6, 15)),
      });
    }
    if (!covid && g.chance(0.4)) {
      addMeeting(ctx, g, {
        kind: "other",
        date: weekdayIn(g, fy, g.pick([8, 11, 3])),
        title: `${officeShort(o)} 精神科病院と地域の交流会・連絡会`,
        office: o,
        attendance: sectorAttendance(g, "liaison", g.int(10, 25)),
      });
    }
  }

  // Trainings. 人材育成研修: FY2021 is 県全域1 + 保健所・支所圏域4 (the sheet).
  const officeTrainings = fy === 2021 ? 4 : covid ? 2 : r("jinzai-n").int(3, 5);
  const trainingOffices = [...ctx.offices].sort((a, b) => a.id.localeCompare(b.id));
  const pickOffices = r("jinzai-offices");
  const chosen: Office[] = [];
  while (chosen.length < officeTrainings) {
    const candidate = pickOffices.pick(trainingOffices);
    if (!chosen.includes(candidate)) chosen.push(candidate);
  }
  {
    const g = r("jinzai-pref");
    addTraining(ctx, g, {
      kind: "jinzai_ikusei",
      scope: "prefecture",
      date: weekdayIn(g, fy, 9),
      title: "精神障害者地域移行・地域定着支援 人材育成研修（県全域）",
      office: null,
      sessions: 2,
      attendance: professionAttendance(g, "general", g.int(60, 110)),
    });
  }
  chosen.forEach((o, i) => {
    const g = r(`jinzai-${i}`);
    addTraining(ctx, g, {
      kind: "jinzai_ikusei",
      scope: "office",
      date: weekdayIn(g, fy, g.pick([7, 8, 10, 11, 1])),
      title: `人材育成研修（${o.name}管内）`,
      office: o,
      attendance: professionAttendance(g, "general", g.int(20, 45)),
    });
  });
  {
    const g = r("central");
    addTraining(ctx, g, {
      kind: "central",
      scope: "prefecture",
      date: weekdayIn(g, fy, 12),
      title: "精神障害にも対応した地域包括ケアシステム構築に向けた中央研修会",
      office: null,
      attendance: professionAttendance(g, "central", g.int(80, 140)),
    });
  }
  if (fy === 2021) {
    // Scaled down for COVID-19: the three northern offices trained peers together.
    const g = r("peer-joint");
    addTraining(ctx, g, {
      id: JOINT_PEER_TRAINING.id,
      kind: "peer_yousei",
      scope: "office",
      date: JOINT_PEER_TRAINING.date,
      title: JOINT_PEER_TRAINING.title,
      office: ctx.offices.find((o) => o.id === JOINT_PEER_TRAINING.hostOfficeId)!,
      cohosts: [...JOINT_PEER_TRAINING.cohostOfficeIds],
      sessions: 3,
      note: "コロナ禍のため規模を縮小して実施。修了者は各保健所のピアサポーターとして登録。",
      attendance: professionAttendance(g, "peer", g.int(9, 13)),
    });
  } else if (fy !== 2020) {
    const g = r("peer");
    addTraining(ctx, g, {
      kind: "peer_yousei",
      scope: "prefecture",
      date: weekdayIn(g, fy, 11),
      title: "ピアサポーター養成研修",
      office: null,
      sessions: 3,
      attendance: professionAttendance(g, "peer", g.int(12, 22)),
    });
  }

  // Awareness and family support.
  {
    const g = r("forum");
    addEvent(ctx, g, { kind: "awareness", subtype: "forum", date: weekdayIn(g, fy, 1), title: "こころの健康フォーラム", office: null, participants: covid ? g.int(40, 80) : g.int(120, 220), withPeers: true });
  }
  for (const o of ctx.offices) {
    const g = r(`events-${o.code}`);
    const awareness = covid ? g.int(0, 1) : g.int(1, 3);
    for (let i = 0; i < awareness; i++) {
      const subtype = g.weighted<EventSubtype>({ seminar: 3, lecture: 4, exchange: 2, campaign: 1 });
      const title = {
        seminar: `${officeShort(o)} 精神障害の正しい理解のためのセミナー`,
        lecture: `${officeShort(o)} こころの健康 出前講座`,
        exchange: `${officeShort(o)} 病院・地域交流事業`,
        campaign: `${officeShort(o)} 精神保健福祉普及運動 街頭啓発`,
        forum: "",
        study_session: "",
        family_class: "",
        family_group_support: "",
        family_consultation: "",
      }[subtype];
      addEvent(ctx, g, { kind: "awareness", subtype, date: weekdayIn(g, fy, g.pick([6, 7, 9, 10, 11, 2])), title, office: o, participants: g.int(15, 90), withPeers: g.chance(0.35) });
    }
    const family = covid ? 0 : g.int(1, 2);
    for (let i = 0; i < family; i++) {
      const subtype = g.weighted<EventSubtype>({ study_session: 5, family_class: 2, family_group_support: 2 });
      const title = { study_session: `${officeShort(o)} 家族学習会`, family_class: `${officeShort(o)} 家族教室`, family_group_support: `${officeShort(o)} 家族会活動支援` }[subtype as "study_session"];
      const families = g.int(5, 20);
      addEvent(ctx, g, { kind: "family_support", subtype, date: weekdayIn(g, fy, g.pick([5, 8, 10, 12, 3])), title, office: o, participants: families + g.int(0, 6), families, withPeers: g.chance(0.2) });
    }
  }

  // 地域移行促進センター事業 (contracted): the 24-hour phone line and the hostel, every month.
  for (const month of monthsOfFiscalYear(fy)) {
    const g = r(`monthly-${month}`);
    const base = 190 + (fy - 2019) * 12;
    const callsTotal = g.int(base - 35, base + 45);
    const bands = split(g, callsTotal, { bandDay: 46, bandNight: 34, bandLateNight: 20 });
    const callers = split(g, callsTotal, { callerSelf: 70, callerFamily: 22, callerAgency: 8 });
    const topics = split(g, callsTotal + g.int(10, Math.round(callsTotal * 0.2)), {
      topicSymptoms: 18,
      topicMedication: 8,
      topicDailyLife: 20,
      topicRelationships: 12,
      topicAnxiety: 30,
      topicSystems: 6,
      topicOther: 6,
    });
    const responses = split(g, callsTotal, { responseAdvice: 88, responseReferral: 10, responseEmergency: 2 });
    ctx.rows.phone.push({
      prefectureCode: ctx.prefectureCode,
      month,
      callsTotal,
      uniqueCallers: Math.round(callsTotal * (0.25 + g.next() * 0.12)),
      ...bands,
      ...callers,
      ...topics,
      ...responses,
      note: null,
      ...edited(ctx.prefectureUserId, `${month}-${pad(daysInYearMonth(month), 2)}`),
    });
    const rooms = 2;
    const stays = covid ? g.int(1, 5) : g.int(3, 10);
    const uniqueUsers = Math.max(1, Math.min(stays, Math.round(stays * (0.6 + g.next() * 0.3))));
    const nights = Math.min(rooms * daysInYearMonth(month), stays * g.int(1, 4));
    const byPurpose = split(g, nights, { nightsRest: 55, nightsRefuge: 30, nightsTrialStay: 15 });
    ctx.rows.hostel.push({
      prefectureCode: ctx.prefectureCode,
      month,
      rooms,
      uniqueUsers,
      stays,
      ...byPurpose,
      newRegistrations: g.int(0, 3),
      consultations: g.int(5, 20),
      note: null,
      ...edited(ctx.prefectureUserId, `${month}-${pad(daysInYearMonth(month), 2)}`),
    });
  }
}

// ---------------------------------------------------------------------------------------
// 山口県

export function yamaguchiYear(ctx: Context, rng: Rng, fy: number, bodies: ReturnType<typeof buildBodies>): void {
  const r = (label: string) => rng.fork(`${fy}-${label}`);
  const covid = fy === 2020;

  // 県地域生活移行推進会議: the prefecture's 協議の場, twice a year since H28.
  [8, 2].forEach((month, i) => {
    const g = r(`suishin-${i}`);
    addMeeting(ctx, g, {
      kind: "ken_suishin_kaigi",
      date: weekdayIn(g, fy, month),
      title: `山口県地域生活移行推進会議（第${i + 1}回）`,
      office: null,
      kyogiBodyId: bodies.prefectureBodyId,
      targetsReviewed: i === 1,
      agenda: "全県的な現状と課題の共有、具体策の検討",
      attendance: sectorAttendance(g, "council", g.int(18, 26)),
    });
  });

  // 圏域連絡調整会議: every region about twice a year (FY2021 exactly twice), with advisors at times.
  for (const { id, office } of bodies.regionBodies) {
    const g = r(`liaison-${office.code}`);
    const n = fy === 2021 ? 2 : covid ? 1 : g.weighted({ "2": 8, "3": 2 }) === "3" ? 3 : 2;
    for (let i = 0; i < n; i++) {
      addMeeting(ctx, g, {
        kind: "region_liaison",
        date: weekdayIn(g, fy, n === 1 ? 11 : [7, 1, 10][i]!),
        title: `${ctx.rows.kyogiBodies.find((b) => b.id === id)!.name}（第${i + 1}回）`,
        office,
        regionId: office.regionId,
        kyogiBodyId: id,
        advisorDispatched: g.chance(0.35),
        targetsReviewed: i === n - 1 && g.chance(0.5),
        agenda: "630調査データの活用、地域移行事例の追跡調査、リーフレットの検討",
        attendance: sectorAttendance(g, "liaison", g.int(12, 24)),
      });
    }
  }

  // (自立支援)協議会 once a year; no 精神部会.
  {
    const g = r("jiritsu");
    addMeeting(ctx, g, { kind: "jiritsu_council", date: weekdayIn(g, fy, 10), title: "山口県障害者自立支援協議会", office: null, attendance: sectorAttendance(g, "council", g.int(18, 25)) });
  }

  // 地域移行事例検討会 in every office's area.
  for (const o of ctx.offices) {
    const g = r(`review-${o.code}`);
    const n = covid ? 1 : g.int(1, 2);
    for (let i = 0; i < n; i++) {
      addMeeting(ctx, g, {
        kind: "case_review",
        date: weekdayIn(g, fy, g.pick([6, 9, 12, 2])),
        title: `${officeShort(o)} 地域移行事例検討会`,
        office: o,
        casesReviewed: g.int(1, 3),
        attendance: sectorAttendance(g, "case_review", g.int(8, 16)),
      });
    }
  }

  // Trainings: 地域移行・地域定着研修会 and 相談支援従事者専門コース; no peer training yet.
  {
    const g = r("teichaku");
    addTraining(ctx, g, {
      kind: "chiiki_ikou_teichaku",
      scope: "prefecture",
      date: weekdayIn(g, fy, 10),
      title: "地域移行・地域定着研修会",
      office: null,
      attendance: professionAttendance(g, "general", g.int(50, 90)),
    });
  }
  {
    const g = r("senmon");
    addTraining(ctx, g, {
      kind: "other",
      scope: "prefecture",
      date: weekdayIn(g, fy, 12),
      title: "相談支援従事者専門コース（地域移行・定着）",
      office: null,
      sessions: 2,
      attendance: professionAttendance(g, "general", g.int(30, 50)),
    });
  }
  if (!covid) {
    const g = r("region-training");
    const o = g.pick(ctx.offices);
    addTraining(ctx, g, {
      kind: "chiiki_ikou_teichaku",
      scope: "region",
      date: weekdayIn(g, fy, g.pick([9, 11, 1])),
      title: `${officeShort(o)}圏域 地域移行支援研修会`,
      office: o,
      regionId: o.regionId,
      attendance: professionAttendance(g, "general", g.int(20, 40)),
    });
  }

  // Awareness: あいサポート運動, 障害者差別解消法, landlords' seminar; some family support.
  {
    const g = r("aisupport");
    addEvent(ctx, g, { kind: "awareness", subtype: "campaign", date: weekdayIn(g, fy, 12), title: "あいサポート運動 普及啓発キャンペーン", office: null, participants: g.int(80, 200) });
  }
  {
    const g = r("sabetsu");
    addEvent(ctx, g, { kind: "awareness", subtype: "seminar", date: weekdayIn(g, fy, 11), title: "障害者差別解消法 普及啓発セミナー", office: null, participants: g.int(40, 90) });
  }
  if (!covid) {
    const g = r("landlord");
    addEvent(ctx, g, { kind: "awareness", subtype: "seminar", date: weekdayIn(g, fy, 2), title: "障害特性に関するセミナー（不動産管理会社向け）", office: null, participants: g.int(20, 45) });
  }
  for (const o of ctx.offices) {
    const g = r(`events-${o.code}`);
    if (g.chance(covid ? 0.2 : 0.6)) {
      addEvent(ctx, g, { kind: "awareness", subtype: "lecture", date: weekdayIn(g, fy, g.pick([7, 10, 1])), title: `${officeShort(o)} こころの健康 出前講座`, office: o, participants: g.int(15, 60) });
    }
    if (!covid && g.chance(0.4)) {
      const families = g.int(4, 15);
      addEvent(ctx, g, { kind: "family_support", subtype: "family_class", date: weekdayIn(g, fy, g.pick([6, 9, 2])), title: `${officeShort(o)} 家族教室`, office: o, participants: families + g.int(0, 4), families });
    }
  }
}

// ---------------------------------------------------------------------------------------
// Entry point

function insertBatched<T extends SQLiteTable>(tx: Tx, table: T, rows: T["$inferInsert"][]): void {
  for (let i = 0; i < rows.length; i += 200) tx.insert(table).values(rows.slice(i, i + 200)).run();
}

export function contextFor(tx: Tx, prefectureCode: string, rows: Rows): Context | null {
  const prefUser = tx.select({ id: users.id }).from(users).where(eq(users.username, prefectureCode === "33" ? "okayama.pref" : "yamaguchi.pref")).get();
  if (!prefUser) return null;
  const coordinators = tx
    .select({ id: users.id, username: users.username, officeId: userOffices.healthCenterId })
    .from(users)
    .innerJoin(userOffices, eq(userOffices.userId, users.id))
    .where(eq(users.role, "coordinator"))
    .orderBy(asc(users.username))
    .all();
  const offices = tx
    .select()
    .from(healthCenters)
    .where(eq(healthCenters.prefectureCode, prefectureCode))
    .orderBy(asc(healthCenters.sort))
    .all()
    .map((o) => ({
      id: o.id,
      code: o.code,
      name: o.name,
      regionId: o.regionId,
      prefectureCode,
      // The office's demo coordinator records its rows; without one, the prefecture user.
      creatorId: coordinators.find((c) => c.officeId === o.id && c.username === `${o.code}.coord`)?.id ?? coordinators.find((c) => c.officeId === o.id)?.id ?? prefUser.id,
    }));
  return {
    prefectureCode,
    prefectureUserId: prefUser.id,
    offices,
    regions: tx.select({ id: regions.id, name: regions.name }).from(regions).where(eq(regions.prefectureCode, prefectureCode)).orderBy(asc(regions.sort)).all(),
    municipalities: tx
      .select({ code: municipalities.code, name: municipalities.name, regionId: municipalities.regionId, kind: municipalities.kind })
      .from(municipalities)
      .where(eq(municipalities.prefectureCode, prefectureCode))
      .orderBy(asc(municipalities.sort))
      .all(),
    venues: prefectureCode === "33" ? VENUES_33 : VENUES_35,
    rows,
  };
}

/** Load the demo activities into empty tables (the caller checks); returns what was created. */
export function seedDemoActivities(db: Db): DemoActivitySummary {
  meetingSeq = 0;
  trainingSeq = 0;
  eventSeq = 0;
  const rows: Rows = { kyogiBodies: [], status: [], meetings: [], meetingAttendance: [], trainings: [], cohosts: [], trainingAttendance: [], events: [], phone: [], hostel: [] };
  db.transaction((tx) => {
    for (const prefectureCode of ["33", "35"]) {
      const ctx = contextFor(tx, prefectureCode, rows);
      if (!ctx) continue;
      const rng = createRng(`${SEED}-${prefectureCode}`);
      const bodies = buildBodies(ctx);
      buildMunicipalStatus(ctx, rng.fork("municipal-status"));
      for (const fy of FISCAL_YEARS) (prefectureCode === "33" ? okayamaYear : yamaguchiYear)(ctx, rng.fork(`fy-${fy}`), fy, bodies);
    }
    insertBatched(tx, kyogiBodies, rows.kyogiBodies);
    insertBatched(tx, municipalKyogiStatus, rows.status);
    insertBatched(tx, meetings, rows.meetings);
    insertBatched(tx, meetingAttendance, rows.meetingAttendance);
    insertBatched(tx, trainingEvents, rows.trainings);
    insertBatched(tx, trainingEventCohosts, rows.cohosts);
    insertBatched(tx, trainingAttendance, rows.trainingAttendance);
    insertBatched(tx, communityEvents, rows.events);
    insertBatched(tx, phoneLineMonths, rows.phone);
    insertBatched(tx, hostelMonths, rows.hostel);
  });
  return {
    kyogiBodies: rows.kyogiBodies.length,
    municipalStatusRows: rows.status.length,
    meetings: rows.meetings.length,
    trainings: rows.trainings.length,
    events: rows.events.length,
    phoneMonths: rows.phone.length,
    hostelMonths: rows.hostel.length,
  };
}
