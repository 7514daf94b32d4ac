import "server-only";
import { and, eq, gt, isNotNull, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { communityEvents, kyogiBodies, meetings, municipalKyogiStatus, municipalities, trainingEvents } from "@/db/schema";
import {
  HOSTEL_PURPOSE_LABELS,
  KYOGI_LEVEL_LABELS,
  PROFESSION_LABELS,
  PROFESSIONS,
  SECTOR_LABELS,
  SECTORS,
  TRAINING_KIND_LABELS,
  TRAINING_KINDS,
  TRAINING_SCOPE_LABELS,
  TRAINING_SCOPES,
  type EventKind,
  type MeetingKind,
} from "@/lib/domain/activity-codes";
import {
  eventSummaryIn,
  eventsCounted,
  kyogiBodiesCounted,
  kyogiCoverageIn,
  kyogiSessionsByLevelIn,
  meetingsCounted,
  meetingsByKindIn,
  meetingSummaryIn,
  monthlySummaryIn,
  municipalStatusCounted,
  outreachMeetingCondition,
  trainingsCounted,
  trainingSummaryIn,
} from "../activity-summaries";
import { countOf, ja, notComputable, shareOf, type ComputeFn, type IndicatorContext, type RecordGroup } from "./context";

/*
 * Indicators counted from meetings, trainings, events, 協議の場 and the contracted services'
 * months: each reads the yearly summary of lib/dal/activity-summaries.ts (the numbers the
 * activity pages show) and lists its records with the same WHERE the summary counted.
 */

const meetingSummary = (ctx: IndicatorContext) => ctx.memo("meetings", () => meetingSummaryIn(ctx.scope, { fiscalYear: ctx.fiscalYear }));
/** The meetings by kind alone (one query, not the summary's eleven): the sheet's B.jiritsu_council and S1. */
const meetingKinds = (ctx: IndicatorContext) => ctx.memo("meetingKinds", () => meetingsByKindIn(ctx.scope, { fiscalYear: ctx.fiscalYear }));
const trainingSummary = (ctx: IndicatorContext) => ctx.memo("trainings", () => trainingSummaryIn(ctx.scope, { fiscalYear: ctx.fiscalYear }));
const eventSummary = (ctx: IndicatorContext) => ctx.memo("events", () => eventSummaryIn(ctx.scope, { fiscalYear: ctx.fiscalYear }));
const kyogiCoverage = (ctx: IndicatorContext) => ctx.memo("kyogi", () => kyogiCoverageIn(ctx.scope, { fiscalYear: ctx.fiscalYear }));
const monthly = (ctx: IndicatorContext) => ctx.memo("monthly", () => monthlySummaryIn(ctx.prefectureCode, { fiscalYear: ctx.fiscalYear }));

function meetingIds(ctx: IndicatorContext, extra?: SQL): RecordGroup[] {
  const ids = getDb().select({ id: meetings.id }).from(meetings).where(and(meetingsCounted(ctx.scope, { fiscalYear: ctx.fiscalYear }), extra)).orderBy(meetings.date).all();
  return [{ kind: "meeting", ids: ids.map((r) => r.id) }];
}

const ofKind = (kind: MeetingKind) => eq(meetings.kind, kind);
const isSession = isNotNull(meetings.kyogiBodyId);

/** A1's municipal part: the meetings held that the municipal status table records (pinned rule). */
function municipalMeetingsHeld(ctx: IndicatorContext): { total: number; codes: string[] } {
  const rows = getDb()
    .select({ code: municipalKyogiStatus.municipalityCode, n: municipalKyogiStatus.meetingsHeld })
    .from(municipalKyogiStatus)
    .innerJoin(municipalities, eq(municipalities.code, municipalKyogiStatus.municipalityCode))
    .where(and(municipalStatusCounted(ctx.scope, ctx.fiscalYear), gt(municipalKyogiStatus.meetingsHeld, 0)))
    .all();
  return { total: rows.reduce((s, r) => s + (r.n ?? 0), 0), codes: rows.map((r) => r.code) };
}

function trainingIds(ctx: IndicatorContext, kindOnly?: (typeof TRAINING_KINDS)[number]): RecordGroup[] {
  const ids = getDb()
    .select({ id: trainingEvents.id })
    .from(trainingEvents)
    .where(and(trainingsCounted(ctx.scope, { fiscalYear: ctx.fiscalYear }), kindOnly ? eq(trainingEvents.kind, kindOnly) : undefined))
    .orderBy(trainingEvents.date)
    .all();
  return [{ kind: "training", ids: ids.map((r) => r.id) }];
}

function eventIds(ctx: IndicatorContext, kind: EventKind): RecordGroup[] {
  const ids = getDb()
    .select({ id: communityEvents.id })
    .from(communityEvents)
    .where(and(eventsCounted(ctx.scope, { fiscalYear: ctx.fiscalYear }), eq(communityEvents.kind, kind)))
    .orderBy(communityEvents.date)
    .all();
  return [{ kind: "event", ids: ids.map((r) => r.id) }];
}

function kyogiBodyIds(ctx: IndicatorContext, level: "prefecture" | "region"): RecordGroup[] {
  const ids = getDb().select({ id: kyogiBodies.id }).from(kyogiBodies).where(and(kyogiBodiesCounted(ctx.scope, ctx.fiscalYear), eq(kyogiBodies.level, level))).all();
  return [{ kind: "kyogi_body", ids: ids.map((r) => r.id) }];
}

function municipalStatusIds(ctx: IndicatorContext): RecordGroup[] {
  const ids = getDb()
    .select({ code: municipalKyogiStatus.municipalityCode })
    .from(municipalKyogiStatus)
    .innerJoin(municipalities, eq(municipalities.code, municipalKyogiStatus.municipalityCode))
    .where(and(municipalStatusCounted(ctx.scope, ctx.fiscalYear), eq(municipalKyogiStatus.exists, true)))
    .orderBy(municipalities.sort)
    .all();
  return [{ kind: "municipal_status", ids: ids.map((r) => r.code) }];
}

const regionCoverage: ComputeFn = (ctx) => {
  const k = kyogiCoverage(ctx);
  // 「5か所以上」: more bodies than regions (Okayama's sheet), counted as distinct bodies.
  const text = k.regionBodies > k.regions.covered ? ja(`${k.regions.covered}か所以上`, `${k.regions.covered} or more`) : undefined;
  return { value: k.regions.covered, numerator: k.regions.covered, denominator: k.regions.total, ...(text ? { text } : {}), records: () => kyogiBodyIds(ctx, "region") };
};

const municipalCoverage: ComputeFn = (ctx) => {
  const k = kyogiCoverage(ctx);
  if (k.municipalitiesRecorded === 0) return notComputable(ja("この年度の市町村の協議の場の状況が入力されていません。", "The municipalities' council status for the year has not been entered."));
  return { value: k.municipalities.covered, numerator: k.municipalities.covered, denominator: k.municipalities.total, records: () => municipalStatusIds(ctx) };
};

export const ACTIVITY_INDICATORS: Record<string, ComputeFn> = {
  "B.jiritsu_council": (ctx) => countOf(meetingKinds(ctx).jiritsu_council, () => meetingIds(ctx, ofKind("jiritsu_council"))),
  "B.kyogi.prefecture": (ctx) => countOf(kyogiCoverage(ctx).prefectureBodies, () => kyogiBodyIds(ctx, "prefecture")),
  "B.kyogi.region": regionCoverage,
  "B.kyogi.municipality": municipalCoverage,
  S1: (ctx) => countOf(meetingKinds(ctx).chiiki_ikou_suishin, () => meetingIds(ctx, ofKind("chiiki_ikou_suishin"))),
  S3: (ctx) => {
    const byScope = trainingSummary(ctx).byKindAndScope.jinzai_ikusei;
    return countOf(
      trainingSummary(ctx).byKind.jinzai_ikusei,
      () => trainingIds(ctx, "jinzai_ikusei"),
      { breakdown: TRAINING_SCOPES.map((s) => ({ key: s, label: TRAINING_SCOPE_LABELS[s], value: byScope[s] })) },
    );
  },
  S4: municipalCoverage,
  S5: regionCoverage,
  A1: (ctx) => {
    // The sessions by level alone, not the whole summary: the dashboard charts A1 over five years.
    const m = { byLevel: ctx.memo("kyogiSessions", () => kyogiSessionsByLevelIn(ctx.scope, { fiscalYear: ctx.fiscalYear })) };
    const municipal = ctx.memo("municipalHeld", () => municipalMeetingsHeld(ctx));
    return countOf(
      m.byLevel.prefecture + m.byLevel.region + municipal.total,
      () => [
        ...meetingIds(ctx, and(isSession, sql`${meetings.kyogiBodyId} IN (SELECT id FROM kyogi_bodies WHERE level IN ('prefecture','region'))`)),
        { kind: "municipal_status", ids: municipal.codes },
      ],
      {
        breakdown: [
          { key: "prefecture", label: KYOGI_LEVEL_LABELS.prefecture, value: m.byLevel.prefecture },
          { key: "region", label: KYOGI_LEVEL_LABELS.region, value: m.byLevel.region },
          { key: "municipality", label: KYOGI_LEVEL_LABELS.municipality, value: municipal.total },
        ],
      },
    );
  },
  A2: (ctx) => {
    const m = meetingSummary(ctx).kyogi;
    return countOf(m.attendanceTotal, () => meetingIds(ctx, isSession), { breakdown: SECTORS.map((s) => ({ key: s, label: SECTOR_LABELS[s], value: m.attendanceBySector[s] })) });
  },
  A3: (ctx) => countOf(meetingSummary(ctx).kyogi.withTargetsReviewed, () => meetingIds(ctx, and(isSession, eq(meetings.targetsReviewed, true)))),
  A4: (ctx) => {
    const s = meetingSummary(ctx);
    return countOf(s.byKind.region_liaison, () => meetingIds(ctx, ofKind("region_liaison")), {
      breakdown: s.regionLiaison.map((r) => ({ key: r.regionId, label: { ja: r.regionName, en: r.regionName }, value: r.meetings })),
    });
  },
  A5: (ctx) => countOf(meetingSummary(ctx).caseReview.meetings, () => meetingIds(ctx, ofKind("case_review"))),
  "A5.cases": (ctx) => countOf(meetingSummary(ctx).caseReview.cases, () => meetingIds(ctx, ofKind("case_review"))),
  A6: (ctx) => {
    const t = trainingSummary(ctx);
    return countOf(t.total, () => trainingIds(ctx), { breakdown: TRAINING_KINDS.map((k) => ({ key: k, label: TRAINING_KIND_LABELS[k], value: t.byKind[k] })) });
  },
  "A6.participants": (ctx) => {
    const t = trainingSummary(ctx);
    return countOf(t.attendanceTotal, () => trainingIds(ctx), { breakdown: PROFESSIONS.map((p) => ({ key: p, label: PROFESSION_LABELS[p], value: t.attendanceByProfession[p] })) });
  },
  A14: (ctx) => countOf(eventSummary(ctx).byKind.awareness.events, () => eventIds(ctx, "awareness")),
  "A14.participants": (ctx) => countOf(eventSummary(ctx).byKind.awareness.participants, () => eventIds(ctx, "awareness")),
  A15: (ctx) => countOf(eventSummary(ctx).byKind.family_support.events, () => eventIds(ctx, "family_support")),
  "A15.families": (ctx) => countOf(eventSummary(ctx).byKind.family_support.families, () => eventIds(ctx, "family_support")),
  A16: (ctx) => {
    const m = monthly(ctx);
    if (!m.phone) return notComputable(ja("この年度の電話相談の月報が入力されていません。", "No monthly phone-line report for the year."));
    return countOf(m.phone.callsTotal, () => [{ kind: "month", ids: m.phoneMonths.filter((x) => x.reported).map((x) => x.month) }], { n: m.phone.months });
  },
  "A16.night": (ctx) => {
    const m = monthly(ctx);
    if (!m.phone) return notComputable(ja("この年度の電話相談の月報が入力されていません。", "No monthly phone-line report for the year."));
    return shareOf(m.phone.bandNight + m.phone.bandLateNight, m.phone.callsTotal, () => [{ kind: "month", ids: m.phoneMonths.filter((x) => x.reported).map((x) => x.month) }]);
  },
  "A17.nights": (ctx) => {
    const h = monthly(ctx).hostel;
    if (!h) return notComputable(ja("この年度のホステルの月報が入力されていません。", "No monthly hostel report for the year."));
    return countOf(h.nights, () => [{ kind: "month", ids: monthly(ctx).hostelMonths.filter((x) => x.reported).map((x) => x.month) }], {
      breakdown: [
        { key: "rest", label: HOSTEL_PURPOSE_LABELS.rest, value: h.nightsRest },
        { key: "refuge", label: HOSTEL_PURPOSE_LABELS.refuge, value: h.nightsRefuge },
        { key: "trial_stay", label: HOSTEL_PURPOSE_LABELS.trial_stay, value: h.nightsTrialStay },
      ],
    });
  },
  "A17.occupancy": (ctx) => {
    const h = monthly(ctx).hostel;
    if (!h) return notComputable(ja("この年度のホステルの月報が入力されていません。", "No monthly hostel report for the year."));
    return shareOf(h.nights, h.roomNights);
  },
};

/** A11's meeting part: アウトリーチ事例検討会 and 支援者連絡会議 of the scope in the year. */
export function outreachMeetingsOf(ctx: IndicatorContext): { count: number; records: () => RecordGroup[] } {
  return { count: meetingSummary(ctx).outreachMeetings, records: () => meetingIds(ctx, outreachMeetingCondition()) };
}
