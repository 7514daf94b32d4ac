import "server-only";
import { and, count, eq, gt, inArray, isNotNull, isNull, lte, or, sql, sum, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  communityEvents,
  hostelMonths,
  kyogiBodies,
  meetingAttendance,
  meetings,
  municipalities,
  municipalKyogiStatus,
  phoneLineMonths,
  trainingAttendance,
  trainingEvents,
} from "@/db/schema";
import {
  EVENT_KINDS,
  EVENT_SUBTYPES,
  KYOGI_FORMS,
  KYOGI_LEVELS,
  MEETING_KINDS,
  PROFESSIONS,
  SECTORS,
  TRAINING_KINDS,
  TRAINING_SCOPES,
  type EventKind,
  type EventSubtype,
  type KyogiForm,
  type KyogiLevel,
  type MeetingKind,
  type Profession,
  type Sector,
  type TrainingKind,
  type TrainingScope,
} from "@/lib/domain/activity-codes";
import {
  countsFrom,
  coverage,
  emptyCounts,
  fiscalYearBounds,
  hostelTotals,
  monthsOfFiscalYear,
  nightSharePercent,
  occupancyPercent,
  phoneTotals,
  sumCounts,
  type Counts,
  type Coverage,
  type HostelTotals,
  type PhoneTotals,
} from "@/lib/domain/activity-rules";
import type { Actor } from "./actor";
import { hostIs, inFiscalYear, requireActivityRead } from "./activity-access";
import { countScopeOfActor, ownedRows, scopeMunicipalities, scopeRegions, trainingRows, type CountScope } from "./count-scope";

/*
 * Per-fiscal-year counts without names, for the summary panels of the activity pages and the
 * indicator engine (自治体情報シート). Each counting rule is written once, here, in SQL over the
 * rows of a CountScope (lib/dal/count-scope.ts): the `…ForActor` functions count what the actor
 * may read (the prefecture role the prefecture's figures, an office its own plus the
 * prefecture's); the indicator engine calls the `…In` functions with a scope of the org tree.
 * tests/dal/activities.test.ts, tests/seed/demo-activities.test.ts and tests/dal/indicators.test.ts
 * check them against plain counts and against each other.
 *
 * Rules (domain brief §8.1, §8.3):
 * - A record belongs to fiscal year y when its date lies in [y-04-01, (y+1)-03-31].
 * - S1: meetings of kind 地域移行推進検討会. A1: 協議の場 sessions are meetings linked to a
 *   registered 協議の場 (whatever their kind), by the body's level. A2: their attendance by
 *   sector. A3: sessions with 目標設定・評価. A4: 圏域連絡調整会議 per region. A5: 事例検討会
 *   and the sum of cases reviewed.
 * - S3/A6: trainings by kind and by scope (県全域 / 圏域 / 保健所・支所圏域), attendance by profession.
 * - A14/A15: events by kind, participants, families reached (家族支援 only).
 * - S4: municipalities whose status for the year says a 協議の場 exists, of all municipalities
 *   in scope. S5: regions with an active region-level 協議の場 established by the end of the
 *   year (or with no date recorded), of all regions in scope.
 * - A16/A17: the months' sums, the night share and the hostel's occupancy (activity-rules.ts).
 */

export type SummaryOptions = { fiscalYear: number; /** "prefecture" or an office id */ host?: string };

function yearAndHost(dateColumn: Parameters<typeof inFiscalYear>[0], officeColumn: Parameters<typeof hostIs>[0], o: SummaryOptions): SQL {
  return and(inFiscalYear(dateColumn, o.fiscalYear), o.host ? hostIs(officeColumn, o.host) : undefined)!;
}

/** The meetings a yearly count covers; the indicator engine lists the same rows in its drill-downs. */
export function meetingsCounted(scope: CountScope, o: SummaryOptions): SQL {
  return and(ownedRows(scope, { prefectureCode: meetings.prefectureCode, officeId: meetings.officeId, regionId: meetings.regionId }), yearAndHost(meetings.date, meetings.officeId, o))!;
}

export function trainingsCounted(scope: CountScope, o: SummaryOptions): SQL {
  return and(trainingRows(scope), yearAndHost(trainingEvents.date, trainingEvents.officeId, o))!;
}

export function eventsCounted(scope: CountScope, o: SummaryOptions): SQL {
  return and(ownedRows(scope, { prefectureCode: communityEvents.prefectureCode, officeId: communityEvents.officeId }), yearAndHost(communityEvents.date, communityEvents.officeId, o))!;
}

// ---------------------------------------------------------------------------------------
// Meetings

export type MeetingSummary = {
  fiscalYear: number;
  total: number;
  byKind: Counts<MeetingKind>;
  kyogi: { sessions: number; byLevel: Counts<KyogiLevel>; withTargetsReviewed: number; attendanceBySector: Counts<Sector>; attendanceTotal: number };
  withTargetsReviewed: number;
  caseReview: { meetings: number; cases: number };
  /** Outreach case reviews and liaison meetings (アウトリーチ事例検討会, 支援者連絡会議), for A11. */
  outreachMeetings: number;
  advisorDispatched: number;
  attendanceBySector: Counts<Sector>;
  attendanceTotal: number;
  regionLiaison: { regionId: string; regionName: string; meetings: number }[];
};

/** The outreach-meeting rule (A11): kept in one place so the sheet and the tests agree. */
export function outreachMeetingCondition(): SQL {
  return inArray(meetings.kind, ["outreach_case_review", "outreach_liaison"]);
}

export function getMeetingSummaryForActor(actor: Actor, o: SummaryOptions): MeetingSummary {
  requireActivityRead(actor);
  return meetingSummaryIn(countScopeOfActor(actor), o);
}

/** The 協議の場 sessions held, by the body's level (A1's figure alone: one query). */
export function kyogiSessionsByLevelIn(scope: CountScope, o: SummaryOptions): Counts<KyogiLevel> {
  const sessionRows = getDb()
    .select({ key: kyogiBodies.level, n: count() })
    .from(meetings)
    .innerJoin(kyogiBodies, eq(kyogiBodies.id, meetings.kyogiBodyId))
    .where(meetingsCounted(scope, o))
    .groupBy(kyogiBodies.level)
    .all();
  return countsFrom(KYOGI_LEVELS, sessionRows);
}

/** The year's meetings by kind (B.jiritsu_council and S1 alone: one query). */
export function meetingsByKindIn(scope: CountScope, o: SummaryOptions): Counts<MeetingKind> {
  return countsFrom(MEETING_KINDS, getDb().select({ key: meetings.kind, n: count() }).from(meetings).where(meetingsCounted(scope, o)).groupBy(meetings.kind).all());
}

export function meetingSummaryIn(scope: CountScope, o: SummaryOptions): MeetingSummary {
  const db = getDb();
  const where = meetingsCounted(scope, o);
  const byKind = meetingsByKindIn(scope, o);
  const byLevel = kyogiSessionsByLevelIn(scope, o);
  const one = (condition: SQL | undefined) => (db.select({ n: count() }).from(meetings).where(and(where, condition)).all() as [{ n: number }])[0].n;
  const attendance = (condition: SQL | undefined) =>
    countsFrom(
      SECTORS,
      db
        .select({ key: meetingAttendance.sector, n: sum(meetingAttendance.count).mapWith(Number) })
        .from(meetingAttendance)
        .innerJoin(meetings, eq(meetings.id, meetingAttendance.meetingId))
        .where(and(where, condition))
        .groupBy(meetingAttendance.sector)
        .all(),
    );
  const [caseRow] = db
    .select({ n: count(), cases: sql<number>`coalesce(sum(${meetings.casesReviewed}), 0)` })
    .from(meetings)
    .where(and(where, eq(meetings.kind, "case_review")))
    .all() as [{ n: number; cases: number }];
  const kyogiAttendance = attendance(isNotNull(meetings.kyogiBodyId));
  const allAttendance = attendance(undefined);
  const liaison = new Map(
    db
      .select({ regionId: meetings.regionId, n: count() })
      .from(meetings)
      .where(and(where, eq(meetings.kind, "region_liaison")))
      .groupBy(meetings.regionId)
      .all()
      .map((r) => [r.regionId, r.n]),
  );
  return {
    fiscalYear: o.fiscalYear,
    total: sumCounts(byKind),
    byKind,
    kyogi: {
      sessions: sumCounts(byLevel),
      byLevel,
      withTargetsReviewed: one(and(isNotNull(meetings.kyogiBodyId), eq(meetings.targetsReviewed, true))),
      attendanceBySector: kyogiAttendance,
      attendanceTotal: sumCounts(kyogiAttendance),
    },
    withTargetsReviewed: one(eq(meetings.targetsReviewed, true)),
    caseReview: { meetings: caseRow.n, cases: Number(caseRow.cases) },
    outreachMeetings: one(outreachMeetingCondition()),
    advisorDispatched: one(eq(meetings.advisorDispatched, true)),
    attendanceBySector: allAttendance,
    attendanceTotal: sumCounts(allAttendance),
    regionLiaison: scopeRegions(scope).map((r) => ({ regionId: r.id, regionName: r.name, meetings: liaison.get(r.id) ?? 0 })),
  };
}

// ---------------------------------------------------------------------------------------
// Trainings

export type TrainingSummary = {
  fiscalYear: number;
  total: number;
  sessions: number;
  byKind: Counts<TrainingKind>;
  byScope: Counts<TrainingScope>;
  byKindAndScope: Record<TrainingKind, Counts<TrainingScope>>;
  attendanceByProfession: Counts<Profession>;
  attendanceTotal: number;
};

export function getTrainingSummaryForActor(actor: Actor, o: SummaryOptions): TrainingSummary {
  requireActivityRead(actor);
  return trainingSummaryIn(countScopeOfActor(actor), o);
}

export function trainingSummaryIn(scope: CountScope, o: SummaryOptions): TrainingSummary {
  const db = getDb();
  const where = trainingsCounted(scope, o);
  const rows = db.select({ kind: trainingEvents.kind, scope: trainingEvents.scope, n: count(), sessions: sum(trainingEvents.sessions).mapWith(Number) }).from(trainingEvents).where(where).groupBy(trainingEvents.kind, trainingEvents.scope).all();
  const attendance = db
    .select({ key: trainingAttendance.profession, n: sum(trainingAttendance.count).mapWith(Number) })
    .from(trainingAttendance)
    .innerJoin(trainingEvents, eq(trainingEvents.id, trainingAttendance.trainingEventId))
    .where(where)
    .groupBy(trainingAttendance.profession)
    .all();
  return trainingSummaryOf(o.fiscalYear, rows, attendance);
}

/**
 * The summary from its two queries' rows: the trainings by kind and scope, the attendance by
 * profession. The indicator trend reads the same rows for several years in one query each
 * (lib/dal/indicators/trend.ts) and builds each year's summary here.
 */
export function trainingSummaryOf(
  fiscalYear: number,
  rows: readonly { kind: TrainingKind; scope: TrainingScope; n: number; sessions: number | null }[],
  attendance: readonly { key: string | null; n: number | null }[],
): TrainingSummary {
  const byKindAndScope = Object.fromEntries(TRAINING_KINDS.map((k) => [k, emptyCounts(TRAINING_SCOPES)])) as Record<TrainingKind, Counts<TrainingScope>>;
  for (const r of rows) byKindAndScope[r.kind][r.scope] += r.n;
  const byKind = Object.fromEntries(TRAINING_KINDS.map((k) => [k, sumCounts(byKindAndScope[k])])) as Counts<TrainingKind>;
  const byScope = countsFrom(
    TRAINING_SCOPES,
    rows.map((r) => ({ key: r.scope, n: r.n })),
  );
  const attendanceByProfession = countsFrom(PROFESSIONS, attendance);
  return {
    fiscalYear,
    total: sumCounts(byKind),
    sessions: rows.reduce((s, r) => s + (r.sessions ?? 0), 0),
    byKind,
    byScope,
    byKindAndScope,
    attendanceByProfession,
    attendanceTotal: sumCounts(attendanceByProfession),
  };
}

// ---------------------------------------------------------------------------------------
// Events

export type EventSummary = {
  fiscalYear: number;
  byKind: Record<EventKind, { events: number; participants: number; families: number }>;
  bySubtype: Counts<EventSubtype>;
  withPeers: number;
};

export function getEventSummaryForActor(actor: Actor, o: SummaryOptions): EventSummary {
  requireActivityRead(actor);
  return eventSummaryIn(countScopeOfActor(actor), o);
}

export function eventSummaryIn(scope: CountScope, o: SummaryOptions): EventSummary {
  const db = getDb();
  const where = eventsCounted(scope, o);
  const rows = db
    .select({
      kind: communityEvents.kind,
      subtype: communityEvents.subtype,
      n: count(),
      participants: sum(communityEvents.participants).mapWith(Number),
      families: sql<number>`coalesce(sum(${communityEvents.families}), 0)`,
      peers: sql<number>`sum(${communityEvents.withPeers})`,
    })
    .from(communityEvents)
    .where(where)
    .groupBy(communityEvents.kind, communityEvents.subtype)
    .all();
  const byKind = Object.fromEntries(EVENT_KINDS.map((k) => [k, { events: 0, participants: 0, families: 0 }])) as EventSummary["byKind"];
  for (const r of rows) {
    byKind[r.kind].events += r.n;
    byKind[r.kind].participants += r.participants ?? 0;
    // Families reached count for 家族支援 only (A15), whatever an awareness row might hold.
    if (r.kind === "family_support") byKind[r.kind].families += Number(r.families);
  }
  return {
    fiscalYear: o.fiscalYear,
    byKind,
    bySubtype: countsFrom(
      EVENT_SUBTYPES,
      rows.map((r) => ({ key: r.subtype, n: r.n })),
    ),
    withPeers: rows.reduce((s, r) => s + Number(r.peers ?? 0), 0),
  };
}

// ---------------------------------------------------------------------------------------
// 協議の場 coverage

export type KyogiCoverage = {
  fiscalYear: number;
  /** S4: municipalities with a 協議の場 / all municipalities in scope. */
  municipalities: Coverage;
  /** Municipalities with a row for the year at all (the rest are unknown, not "none"). */
  municipalitiesRecorded: number;
  byForm: Counts<KyogiForm>;
  /** S5: regions with an active region-level body / all regions in scope. */
  regions: Coverage;
  regionBodies: number;
  prefectureBodies: number;
};

/**
 * Standing at the end of the year: established by then (an undated body counts as established) and
 * not ended by then. A body ended later still counts for the years it stood.
 */
export function bodyStandsIn(fiscalYear: number): SQL {
  const end = fiscalYearBounds(fiscalYear).end;
  return and(or(isNull(kyogiBodies.establishedOn), lte(kyogiBodies.establishedOn, end)), or(isNull(kyogiBodies.endedOn), gt(kyogiBodies.endedOn, end)))!;
}

export function getKyogiCoverageForActor(actor: Actor, o: { fiscalYear: number }): KyogiCoverage {
  requireActivityRead(actor);
  return kyogiCoverageIn(countScopeOfActor(actor), o);
}

/** The 協議の場 bodies standing at the end of the year, of the scope. */
export function kyogiBodiesCounted(scope: CountScope, fiscalYear: number): SQL {
  return and(ownedRows(scope, { prefectureCode: kyogiBodies.prefectureCode, officeId: kyogiBodies.officeId, regionId: kyogiBodies.regionId }), bodyStandsIn(fiscalYear))!;
}

/** The municipal status rows of the year, of the scope's municipalities. */
export function municipalStatusCounted(scope: CountScope, fiscalYear: number): SQL {
  return and(scopeMunicipalities(scope), eq(municipalKyogiStatus.fiscalYear, fiscalYear))!;
}

export function kyogiCoverageIn(scope: CountScope, o: { fiscalYear: number }): KyogiCoverage {
  const db = getDb();
  const [{ n: totalMunis }] = db.select({ n: count() }).from(municipalities).where(scopeMunicipalities(scope)).all() as [{ n: number }];
  const statusRows = db
    .select({ exists: municipalKyogiStatus.exists, form: municipalKyogiStatus.form, n: count() })
    .from(municipalKyogiStatus)
    .innerJoin(municipalities, eq(municipalities.code, municipalKyogiStatus.municipalityCode))
    .where(municipalStatusCounted(scope, o.fiscalYear))
    .groupBy(municipalKyogiStatus.exists, municipalKyogiStatus.form)
    .all();
  const withKyogi = statusRows.filter((r) => r.exists).reduce((s, r) => s + r.n, 0);
  const bodies = kyogiBodiesCounted(scope, o.fiscalYear);
  const inScope = scopeRegions(scope);
  const regionIds = inScope.map((r) => r.id);
  const regionBodyRows = regionIds.length
    ? db
        .select({ regionId: kyogiBodies.regionId, n: count() })
        .from(kyogiBodies)
        .where(and(bodies, eq(kyogiBodies.level, "region"), inArray(kyogiBodies.regionId, regionIds)))
        .groupBy(kyogiBodies.regionId)
        .all()
    : [];
  const [{ n: prefectureBodies }] = db.select({ n: count() }).from(kyogiBodies).where(and(bodies, eq(kyogiBodies.level, "prefecture"))).all() as [{ n: number }];
  return {
    fiscalYear: o.fiscalYear,
    municipalities: coverage(withKyogi, totalMunis),
    municipalitiesRecorded: statusRows.reduce((s, r) => s + r.n, 0),
    byForm: countsFrom(
      KYOGI_FORMS,
      statusRows.filter((r) => r.exists).map((r) => ({ key: r.form, n: r.n })),
    ),
    regions: coverage(regionBodyRows.length, inScope.length),
    regionBodies: regionBodyRows.reduce((s, r) => s + r.n, 0),
    prefectureBodies,
  };
}

// ---------------------------------------------------------------------------------------
// Phone line and hostel

export type MonthlySummary = {
  fiscalYear: number;
  phone: (PhoneTotals & { nightSharePercent: number | null }) | null;
  hostel: (HostelTotals & { occupancyPercent: number | null }) | null;
  /** Calls per month by time band, April first (null: not reported). */
  phoneMonths: { month: string; day: number; night: number; lateNight: number; total: number; reported: boolean }[];
  hostelMonths: { month: string; nights: number; stays: number; reported: boolean }[];
};

export function getMonthlySummaryForActor(actor: Actor, o: { fiscalYear: number }): MonthlySummary {
  requireActivityRead(actor);
  return monthlySummaryIn(actor.prefectureCode, o);
}

/** The contracted services' months are the prefecture's: the same for every scope of it. */
export function monthlySummaryIn(prefectureCode: string, o: { fiscalYear: number }): MonthlySummary {
  const db = getDb();
  const months = monthsOfFiscalYear(o.fiscalYear);
  const phoneRows = db.select().from(phoneLineMonths).where(and(eq(phoneLineMonths.prefectureCode, prefectureCode), inArray(phoneLineMonths.month, months))).all();
  const hostelRows = db.select().from(hostelMonths).where(and(eq(hostelMonths.prefectureCode, prefectureCode), inArray(hostelMonths.month, months))).all();
  const phone = phoneRows.length ? phoneTotals(phoneRows) : null;
  const hostel = hostelRows.length ? hostelTotals(hostelRows) : null;
  const phoneBy = new Map(phoneRows.map((r) => [r.month, r]));
  const hostelBy = new Map(hostelRows.map((r) => [r.month, r]));
  return {
    fiscalYear: o.fiscalYear,
    phone: phone ? { ...phone, nightSharePercent: nightSharePercent(phone) } : null,
    hostel: hostel ? { ...hostel, occupancyPercent: occupancyPercent(hostel) } : null,
    phoneMonths: months.map((month) => {
      const r = phoneBy.get(month);
      return { month, day: r?.bandDay ?? 0, night: r?.bandNight ?? 0, lateNight: r?.bandLateNight ?? 0, total: r?.callsTotal ?? 0, reported: !!r };
    }),
    hostelMonths: months.map((month) => {
      const r = hostelBy.get(month);
      return { month, nights: r ? r.nightsRest + r.nightsRefuge + r.nightsTrialStay : 0, stays: r?.stays ?? 0, reported: !!r };
    }),
  };
}
