// Hand-built records for the indicator engine's tests, inserted straight into the in-memory
// database (after seededDb()). Every builder fills the columns the CHECK constraints ask for and
// returns the new row's id, so a test can name exactly the records behind a figure.
import { asc, eq } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb } from "@/db/client";
import {
  carePlans,
  cases,
  communityEvents,
  externalStatistics,
  externalStatisticValues,
  followUpChecks,
  hospitalizations,
  hospitals,
  hostelMonths,
  kyogiBodies,
  meetingAttendance,
  meetings,
  municipalKyogiStatus,
  outreachCaseTargets,
  outreachCases,
  outreachContacts,
  outreachOutcomes,
  peerDispatchMembers,
  peerDispatches,
  peerRegistrations,
  peerSupporters,
  peerTrainings,
  persons,
  phoneLineMonths,
  prefectureYearFacts,
  trainingAttendance,
  trainingEventCohosts,
  trainingEvents,
  trialStays,
  userOffices,
  users,
} from "@/db/schema";
import type { EventKind, EventSubtype, MeetingKind, Profession, Sector, TrainingKind, TrainingScope } from "@/lib/domain/activity-codes";
import type { CarePlanStatus, CarePlanType, DischargeDestination, EndReason } from "@/lib/domain/case-codes";
import type { OutreachContactType, OutreachOutcome, OutreachStatus, OutreachTarget } from "@/lib/domain/outreach-codes";
import type { DispatchStatus, PeerPurpose, PeerStatus } from "@/lib/domain/peer-codes";
import type { StatisticMethod, StatisticMetric, StatisticTopic } from "@/lib/domain/statistic-codes";

const STAMP = "2015-01-01T00:00:00.000Z";
const db = () => getDb();

/** The office's prefecture: "33-bizen" → "33". */
const prefectureOf = (officeId: string) => officeId.slice(0, 2);

/** A user assigned to the office (a case needs a coordinator), else any user of its prefecture. */
export function staffOf(officeId: string): string {
  const assigned = db().select({ id: userOffices.userId }).from(userOffices).where(eq(userOffices.healthCenterId, officeId)).get();
  if (assigned) return assigned.id;
  return db().select({ id: users.id }).from(users).where(eq(users.prefectureCode, prefectureOf(officeId))).orderBy(asc(users.username)).get()!.id;
}

function edited(by = "fixture") {
  return { createdBy: by, createdAt: STAMP, updatedBy: by, updatedAt: STAMP };
}

/** The n-th (0-based) hospital of the prefecture's master list, by name. */
export function hospitalOf(prefectureCode: string, n = 0): string {
  const rows = db().select({ id: hospitals.id }).from(hospitals).where(eq(hospitals.prefectureCode, prefectureCode)).orderBy(asc(hospitals.name)).all();
  const row = rows[n];
  if (!row) throw new Error(`no hospital #${n} in ${prefectureCode}`);
  return row.id;
}

// ---------------------------------------------------------------------------------------
// Activities

export function addMeeting(o: {
  prefectureCode: string;
  officeId?: string | null;
  kind: MeetingKind;
  date: string;
  regionId?: string | null;
  kyogiBodyId?: string | null;
  targetsReviewed?: boolean;
  casesReviewed?: number | null;
  attendance?: Partial<Record<Sector, number>>;
  title?: string;
}): string {
  const id = ulid();
  db()
    .insert(meetings)
    .values({
      id,
      prefectureCode: o.prefectureCode,
      officeId: o.officeId ?? null,
      kind: o.kind,
      kyogiBodyId: o.kyogiBodyId ?? null,
      regionId: o.regionId ?? null,
      date: o.date,
      title: o.title ?? `試験 ${o.kind} ${o.date}`,
      targetsReviewed: o.targetsReviewed ?? false,
      casesReviewed: o.casesReviewed ?? null,
      ...edited(),
    })
    .run();
  for (const [sector, n] of Object.entries(o.attendance ?? {})) db().insert(meetingAttendance).values({ meetingId: id, sector: sector as Sector, count: n }).run();
  return id;
}

export function addTraining(o: {
  prefectureCode: string;
  officeId?: string | null;
  kind: TrainingKind;
  scope: TrainingScope;
  regionId?: string | null;
  date: string;
  attendance?: Partial<Record<Profession, number>>;
  cohosts?: string[];
}): string {
  const id = ulid();
  db()
    .insert(trainingEvents)
    .values({ id, prefectureCode: o.prefectureCode, officeId: o.officeId ?? null, kind: o.kind, scope: o.scope, regionId: o.regionId ?? null, date: o.date, title: `試験研修 ${o.kind} ${o.date}`, ...edited() })
    .run();
  for (const [profession, n] of Object.entries(o.attendance ?? {})) db().insert(trainingAttendance).values({ trainingEventId: id, profession: profession as Profession, count: n }).run();
  for (const officeId of o.cohosts ?? []) db().insert(trainingEventCohosts).values({ trainingEventId: id, officeId }).run();
  return id;
}

export function addEvent(o: { prefectureCode: string; officeId?: string | null; kind: EventKind; subtype: EventSubtype; date: string; participants: number; families?: number | null }): string {
  const id = ulid();
  db()
    .insert(communityEvents)
    .values({ id, prefectureCode: o.prefectureCode, officeId: o.officeId ?? null, kind: o.kind, subtype: o.subtype, date: o.date, title: `試験行事 ${o.date}`, participants: o.participants, families: o.families ?? null, ...edited() })
    .run();
  return id;
}

export function addKyogiBody(o: { prefectureCode: string; level: "prefecture" | "region"; regionId?: string | null; officeId?: string | null; establishedOn: string | null; endedOn?: string | null }): string {
  const id = `kb-test-${ulid()}`;
  db()
    .insert(kyogiBodies)
    .values({
      id,
      prefectureCode: o.prefectureCode,
      level: o.level,
      regionId: o.regionId ?? null,
      officeId: o.officeId ?? null,
      name: `試験 協議の場 ${id.slice(-6)}`,
      establishedOn: o.establishedOn,
      active: !o.endedOn,
      endedOn: o.endedOn ?? null,
      ...edited(),
    })
    .run();
  return id;
}

export function addMunicipalStatus(o: { municipalityCode: string; fiscalYear: number; exists: boolean; meetingsHeld?: number | null }): void {
  db()
    .insert(municipalKyogiStatus)
    .values({
      municipalityCode: o.municipalityCode,
      fiscalYear: o.fiscalYear,
      prefectureCode: o.municipalityCode.slice(0, 2),
      exists: o.exists,
      form: o.exists ? "single" : null,
      meetingsHeld: o.meetingsHeld ?? null,
      ...edited(),
    })
    .run();
}

export function addPhoneMonth(o: { prefectureCode: string; month: string; callsTotal: number; bandDay: number; bandNight: number; bandLateNight: number }): void {
  db().insert(phoneLineMonths).values({ ...o, ...edited() }).run();
}

export function addHostelMonth(o: { prefectureCode: string; month: string; rooms: number; uniqueUsers: number; stays: number; nightsRest: number; nightsRefuge: number; nightsTrialStay: number }): void {
  db().insert(hostelMonths).values({ ...o, ...edited() }).run();
}

// ---------------------------------------------------------------------------------------
// Persons and discharge-support cases

export function addPerson(officeId: string): string {
  const id = ulid();
  const now = STAMP;
  db().insert(persons).values({ id, prefectureCode: prefectureOf(officeId), officeId, birthYearMonth: "1970-01", sex: "unknown", createdAt: now, updatedAt: now }).run();
  return id;
}

export type CaseSpec = {
  officeId: string;
  /** Another case of the same person. */
  personId?: string;
  indexAdmissionDate: string;
  referralDate?: string;
  supportStartDate: string;
  dischargeDate?: string | null;
  dischargeDestination?: DischargeDestination | null;
  endDate?: string | null;
  endReason?: EndReason | null;
};

export function addCase(o: CaseSpec): { id: string; personId: string } {
  const id = ulid();
  const personId = o.personId ?? addPerson(o.officeId);
  const discharged = o.dischargeDate ?? null;
  const closed = !!o.endDate;
  db()
    .insert(cases)
    .values({
      id,
      caseNo: `T-${id}`,
      personId,
      prefectureCode: prefectureOf(o.officeId),
      officeId: o.officeId,
      coordinatorUserId: staffOf(o.officeId),
      phase: closed ? "closed" : discharged ? "settling" : "preparation",
      referralDate: o.referralDate ?? o.supportStartDate,
      referralSource: "hospital_psw",
      hospitalId: hospitalOf(prefectureOf(o.officeId)),
      indexAdmissionDate: o.indexAdmissionDate,
      admissionDatePrecision: "day",
      supportStartDate: o.supportStartDate,
      dischargeDate: discharged,
      dischargeDestination: discharged ? (o.dischargeDestination ?? "home_alone") : null,
      endDate: o.endDate ?? null,
      endReason: closed ? (o.endReason ?? "settled") : null,
      ...edited(),
    })
    .run();
  return { id, personId };
}

/** A stay in hospital of a case; readmissions are the stays that are not the index stay. */
export function addStay(caseId: string, admissionDate: string, dischargeDate: string | null, isIndex = false): string {
  const id = ulid();
  const c = db().select({ prefectureCode: cases.prefectureCode }).from(cases).where(eq(cases.id, caseId)).get()!;
  db()
    .insert(hospitalizations)
    .values({ id, caseId, hospitalId: hospitalOf(c.prefectureCode), admissionDate, dischargeDate, isIndex, createdBy: "fixture", createdAt: STAMP })
    .run();
  return id;
}

export function addTrialStay(caseId: string, startDate: string, endDate: string): string {
  const id = ulid();
  db().insert(trialStays).values({ id, caseId, kind: "experience_stay", placeType: "group_home", startDate, endDate, createdBy: "fixture", createdAt: STAMP }).run();
  return id;
}

export function addCarePlan(o: {
  caseId: string;
  planType?: CarePlanType;
  status: CarePlanStatus;
  createdDate: string;
  consentDate?: string | null;
  periodEndDate?: string | null;
  endedOn?: string | null;
}): string {
  const id = ulid();
  db()
    .insert(carePlans)
    .values({
      id,
      caseId: o.caseId,
      planType: o.planType ?? "post_discharge_gl",
      status: o.status,
      createdDate: o.createdDate,
      consentDate: o.consentDate ?? null,
      periodEndDate: o.periodEndDate ?? null,
      endedOn: o.endedOn ?? null,
      createdBy: "fixture",
      createdAt: STAMP,
    })
    .run();
  return id;
}

export function addFollowUp(caseId: string, offsetMonths: 1 | 3 | 6 | 12, dueDate: string, checkedDate: string | null): string {
  const id = ulid();
  db()
    .insert(followUpChecks)
    .values({ id, caseId, offsetMonths, dueDate, checkedDate, status: checkedDate ? "living_in_community" : null })
    .run();
  return id;
}

// ---------------------------------------------------------------------------------------
// Peer supporters and dispatches

export function addPeer(o: { officeId: string; registeredOn: string; fiscalYears: number[]; status?: PeerStatus; statusChangedOn?: string | null }): string {
  const id = ulid();
  const firstFy = Math.min(...o.fiscalYears);
  db()
    .insert(peerSupporters)
    .values({
      id,
      prefectureCode: prefectureOf(o.officeId),
      officeId: o.officeId,
      displayCode: `T-P-${id.slice(-8)}`,
      registeredOn: o.registeredOn,
      registrationFy: Math.max(...o.fiscalYears),
      expiresOn: `${Math.max(...o.fiscalYears) + 1}-03-31`,
      status: o.status ?? "active",
      statusChangedOn: o.statusChangedOn ?? null,
      ...edited(),
    })
    .run();
  for (const fy of o.fiscalYears) {
    const registeredOn = fy === firstFy ? o.registeredOn : `${fy}-04-01`;
    db().insert(peerRegistrations).values({ peerId: id, fiscalYear: fy, registeredOn, expiresOn: `${fy + 1}-03-31`, createdBy: "fixture", createdAt: STAMP }).run();
  }
  return id;
}

export function addPeerTraining(peerId: string, kind: "peer_yousei" | "peer_followup", completedOn: string): void {
  db().insert(peerTrainings).values({ id: ulid(), peerId, kind, completedOn }).run();
}

export function addDispatch(o: {
  officeId: string;
  date: string;
  status: DispatchStatus;
  purpose: PeerPurpose;
  hospitalId?: string;
  venue?: string;
  audience?: number | null;
  caseId?: string | null;
  members?: { peerId: string; hours: number }[];
}): string {
  const id = ulid();
  db()
    .insert(peerDispatches)
    .values({
      id,
      prefectureCode: prefectureOf(o.officeId),
      officeId: o.officeId,
      date: o.date,
      destinationKind: o.hospitalId ? "hospital" : "venue",
      hospitalId: o.hospitalId ?? null,
      destinationName: o.hospitalId ? null : (o.venue ?? "市民会館"),
      purpose: o.purpose,
      audienceCount: o.audience ?? null,
      caseId: o.caseId ?? null,
      status: o.status,
      ...edited(),
    })
    .run();
  for (const m of o.members ?? []) db().insert(peerDispatchMembers).values({ dispatchId: id, peerId: m.peerId, hours: m.hours }).run();
  return id;
}

// ---------------------------------------------------------------------------------------
// Outreach

export function addOutreachCase(o: {
  officeId: string;
  personId?: string;
  status: OutreachStatus;
  targets: OutreachTarget[];
  referralDate: string;
  startDate?: string | null;
  endDate?: string | null;
}): { id: string; personId: string } {
  const id = ulid();
  const personId = o.personId ?? addPerson(o.officeId);
  db()
    .insert(outreachCases)
    .values({
      id,
      caseNo: `T-OR-${id}`,
      personId,
      prefectureCode: prefectureOf(o.officeId),
      officeId: o.officeId,
      coordinatorUserId: staffOf(o.officeId),
      status: o.status,
      primaryTarget: o.targets[0]!,
      teamKind: "contracted_hospital",
      teamName: "試験 アウトリーチチーム",
      referralDate: o.referralDate,
      referralSource: "family",
      startDate: o.startDate ?? null,
      endDate: o.endDate ?? null,
      endReason: o.status === "closed" ? "goal_met" : null,
      ...edited(),
    })
    .run();
  for (const target of o.targets) db().insert(outreachCaseTargets).values({ outreachCaseId: id, target }).run();
  return { id, personId };
}

export function addContact(outreachCaseId: string, date: string, contactType: OutreachContactType, metPerson = false): string {
  const id = ulid();
  db().insert(outreachContacts).values({ id, outreachCaseId, date, contactType, metPerson, createdBy: "fixture", createdAt: STAMP }).run();
  return id;
}

export function addOutcome(outreachCaseId: string, outcome: OutreachOutcome, date: string): void {
  db().insert(outreachOutcomes).values({ id: ulid(), outreachCaseId, outcome, date, createdBy: "fixture", createdAt: STAMP }).run();
}

// ---------------------------------------------------------------------------------------
// What the prefecture enters: external statistics and the year's facts

export function addStatistic(o: {
  prefectureCode: string;
  topic: StatisticTopic;
  asOf?: string | null;
  cohortYear?: number | null;
  method: StatisticMethod;
  sourceLabel: string;
  values: Partial<Record<StatisticMetric, number>>;
}): string {
  const id = ulid();
  db()
    .insert(externalStatistics)
    .values({ id, prefectureCode: o.prefectureCode, topic: o.topic, asOf: o.asOf ?? null, cohortYear: o.cohortYear ?? null, method: o.method, sourceLabel: o.sourceLabel, ...edited() })
    .run();
  for (const [metric, value] of Object.entries(o.values)) db().insert(externalStatisticValues).values({ statisticId: id, metric: metric as StatisticMetric, value }).run();
  return id;
}

export function addYearFacts(o: { prefectureCode: string; fiscalYear: number; jiritsuMhSubcommittee: boolean | null; hostelUniqueUsers: number | null }): void {
  db().insert(prefectureYearFacts).values({ ...o, ...edited() }).run();
}
