import "server-only";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import {
  caseTransfers,
  cases,
  communityEvents,
  externalStatistics,
  healthCenters,
  hospitals,
  kyogiBodies,
  meetings,
  municipalKyogiStatus,
  municipalities,
  outreachCases,
  outreachContacts,
  peerDispatches,
  peerSupporters,
  regions,
  trainingEvents,
} from "@/db/schema";
import { EVENT_KIND_LABELS, KYOGI_LEVEL_LABELS, MEETING_KIND_LABELS, TRAINING_KIND_LABELS, TRAINING_SCOPE_LABELS } from "@/lib/domain/activity-codes";
import { DISCHARGE_DESTINATION_LABELS, PHASE_LABELS } from "@/lib/domain/case-codes";
import type { Label } from "@/lib/domain/codes";
import type { RecordKind } from "@/lib/domain/indicators/types";
import { OUTREACH_CONTACT_TYPE_LABELS, OUTREACH_STATUS_LABELS } from "@/lib/domain/outreach-codes";
import { DESTINATION_KIND_LABELS, DISPATCH_STATUS_LABELS, PEER_PURPOSE_LABELS } from "@/lib/domain/peer-codes";
import { STATISTIC_METHOD_LABELS, STATISTIC_TOPIC_LABELS } from "@/lib/domain/statistic-codes";
import type { Actor } from "../actor";
import { officesInReach } from "../scope";
import type { RecordGroup } from "./context";
import { seesWholePrefecture } from "./scope";

/*
 * The records behind a figure, as one row shape for every kind: a date, a pseudonymous label
 * (a case number, a peer code, a meeting's title), the office, and a few coded facts. Never a
 * name, a kana, a contact or free text: prefecture staff read these lists too. Office staff get
 * a link to the record when it is in their reach; rows of offices they do not reach are counted
 * but not listed (their figures can include a 支所 their supervisor reaches).
 */

export type RecordRow = {
  kind: RecordKind;
  id: string;
  date: string | null;
  label: string;
  officeId: string | null;
  officeName: string | null;
  facts: Label[];
  href: string | null;
};

const l = (ja: string, en = ja): Label => ({ ja, en });

type Describe = (ids: string[]) => RecordRow[];

function officeNames(): Map<string, string> {
  return new Map(getDb().select({ id: healthCenters.id, name: healthCenters.name }).from(healthCenters).all().map((r) => [r.id, r.name]));
}

const DESCRIBE: Record<RecordKind, (names: Map<string, string>) => Describe> = {
  meeting: (names) => (ids) =>
    getDb()
      .select({ id: meetings.id, date: meetings.date, title: meetings.title, kind: meetings.kind, officeId: meetings.officeId, casesReviewed: meetings.casesReviewed, targetsReviewed: meetings.targetsReviewed })
      .from(meetings)
      .where(inArray(meetings.id, ids))
      .orderBy(meetings.date)
      .all()
      .map((r) => ({
        kind: "meeting",
        id: r.id,
        date: r.date,
        label: r.title,
        officeId: r.officeId,
        officeName: r.officeId ? (names.get(r.officeId) ?? null) : null,
        facts: [MEETING_KIND_LABELS[r.kind], ...(r.casesReviewed ? [l(`検討事例 ${r.casesReviewed}件`, `${r.casesReviewed} cases reviewed`)] : []), ...(r.targetsReviewed ? [l("目標設定・評価", "Targets reviewed")] : [])],
        href: `/activities/meetings/${r.id}`,
      })),
  training: (names) => (ids) =>
    getDb()
      .select({ id: trainingEvents.id, date: trainingEvents.date, title: trainingEvents.title, kind: trainingEvents.kind, scope: trainingEvents.scope, officeId: trainingEvents.officeId })
      .from(trainingEvents)
      .where(inArray(trainingEvents.id, ids))
      .orderBy(trainingEvents.date)
      .all()
      .map((r) => ({
        kind: "training",
        id: r.id,
        date: r.date,
        label: r.title,
        officeId: r.officeId,
        officeName: r.officeId ? (names.get(r.officeId) ?? null) : null,
        facts: [TRAINING_KIND_LABELS[r.kind], TRAINING_SCOPE_LABELS[r.scope]],
        href: `/activities/trainings/${r.id}`,
      })),
  event: (names) => (ids) =>
    getDb()
      .select({ id: communityEvents.id, date: communityEvents.date, title: communityEvents.title, kind: communityEvents.kind, officeId: communityEvents.officeId, participants: communityEvents.participants })
      .from(communityEvents)
      .where(inArray(communityEvents.id, ids))
      .orderBy(communityEvents.date)
      .all()
      .map((r) => ({
        kind: "event",
        id: r.id,
        date: r.date,
        label: r.title,
        officeId: r.officeId,
        officeName: r.officeId ? (names.get(r.officeId) ?? null) : null,
        facts: [EVENT_KIND_LABELS[r.kind], l(`参加 ${r.participants}人`, `${r.participants} participants`)],
        href: `/activities/events/${r.id}`,
      })),
  kyogi_body: (names) => (ids) =>
    getDb()
      .select({ id: kyogiBodies.id, name: kyogiBodies.name, level: kyogiBodies.level, establishedOn: kyogiBodies.establishedOn, officeId: kyogiBodies.officeId })
      .from(kyogiBodies)
      .where(inArray(kyogiBodies.id, ids))
      .all()
      .map((r) => ({
        kind: "kyogi_body",
        id: r.id,
        date: r.establishedOn,
        label: r.name,
        officeId: r.officeId,
        officeName: r.officeId ? (names.get(r.officeId) ?? null) : null,
        facts: [KYOGI_LEVEL_LABELS[r.level]],
        href: `/activities/kyogi/bodies/${r.id}`,
      })),
  municipal_status: () => (codes) =>
    getDb()
      .select({ code: municipalities.code, name: municipalities.name, officeId: municipalities.healthCenterId, fy: municipalKyogiStatus.fiscalYear, held: municipalKyogiStatus.meetingsHeld, establishedOn: municipalKyogiStatus.establishedOn })
      .from(municipalities)
      .leftJoin(municipalKyogiStatus, eq(municipalKyogiStatus.municipalityCode, municipalities.code))
      .where(inArray(municipalities.code, codes))
      .orderBy(municipalities.sort)
      .all()
      .filter((r, i, all) => all.findIndex((x) => x.code === r.code) === i)
      .map((r) => ({ kind: "municipal_status", id: r.code, date: r.establishedOn, label: r.name, officeId: r.officeId, officeName: null, facts: r.held ? [l(`開催 ${r.held}回`, `${r.held} meetings`)] : [], href: `/activities/kyogi/status` })),
  peer: (names) => (ids) =>
    getDb()
      .select({ id: peerSupporters.id, code: peerSupporters.displayCode, officeId: peerSupporters.officeId, registeredOn: peerSupporters.registeredOn })
      .from(peerSupporters)
      .where(inArray(peerSupporters.id, ids))
      .orderBy(peerSupporters.displayCode)
      .all()
      .map((r) => ({ kind: "peer", id: r.id, date: r.registeredOn, label: r.code, officeId: r.officeId, officeName: names.get(r.officeId) ?? null, facts: [], href: `/peers/${r.id}` })),
  dispatch: (names) => (ids) =>
    getDb()
      .select({ id: peerDispatches.id, date: peerDispatches.date, officeId: peerDispatches.officeId, purpose: peerDispatches.purpose, status: peerDispatches.status, destinationKind: peerDispatches.destinationKind, hospital: hospitals.name, audience: peerDispatches.audienceCount })
      .from(peerDispatches)
      .leftJoin(hospitals, eq(hospitals.id, peerDispatches.hospitalId))
      .where(inArray(peerDispatches.id, ids))
      .orderBy(peerDispatches.date)
      .all()
      .map((r) => ({
        kind: "dispatch",
        id: r.id,
        date: r.date,
        label: r.hospital ?? DESTINATION_KIND_LABELS[r.destinationKind].ja,
        officeId: r.officeId,
        officeName: names.get(r.officeId) ?? null,
        facts: [PEER_PURPOSE_LABELS[r.purpose], DISPATCH_STATUS_LABELS[r.status], ...(r.audience ? [l(`対象 ${r.audience}人`, `${r.audience} reached`)] : [])],
        href: `/peers/dispatches/${r.id}`,
      })),
  outreach_case: (names) => (ids) =>
    getDb()
      .select({ id: outreachCases.id, caseNo: outreachCases.caseNo, officeId: outreachCases.officeId, startDate: outreachCases.startDate, endDate: outreachCases.endDate, status: outreachCases.status })
      .from(outreachCases)
      .where(inArray(outreachCases.id, ids))
      .orderBy(outreachCases.caseNo)
      .all()
      .map((r) => ({
        kind: "outreach_case",
        id: r.id,
        date: r.startDate,
        label: r.caseNo,
        officeId: r.officeId,
        officeName: names.get(r.officeId) ?? null,
        facts: [OUTREACH_STATUS_LABELS[r.status], ...(r.endDate ? [l(`終結 ${r.endDate}`, `Closed ${r.endDate}`)] : [])],
        href: `/outreach/${r.id}`,
      })),
  outreach_contact: (names) => (ids) =>
    getDb()
      .select({ id: outreachContacts.id, caseId: outreachCases.id, date: outreachContacts.date, type: outreachContacts.contactType, caseNo: outreachCases.caseNo, officeId: outreachCases.officeId, met: outreachContacts.metPerson })
      .from(outreachContacts)
      .innerJoin(outreachCases, eq(outreachCases.id, outreachContacts.outreachCaseId))
      .where(inArray(outreachContacts.id, ids))
      .orderBy(outreachContacts.date)
      .all()
      .map((r) => ({
        kind: "outreach_contact",
        id: r.id,
        date: r.date,
        label: r.caseNo,
        officeId: r.officeId,
        officeName: names.get(r.officeId) ?? null,
        facts: [OUTREACH_CONTACT_TYPE_LABELS[r.type], ...(r.met ? [l("本人に会えた", "Met the person")] : [])],
        href: `/outreach/${r.caseId}`,
      })),
  case: (names) => (ids) =>
    getDb()
      .select({ id: cases.id, caseNo: cases.caseNo, officeId: cases.officeId, phase: cases.phase, supportStartDate: cases.supportStartDate, dischargeDate: cases.dischargeDate, destination: cases.dischargeDestination })
      .from(cases)
      .where(inArray(cases.id, ids))
      .orderBy(cases.caseNo)
      .all()
      .map((r) => ({
        kind: "case",
        id: r.id,
        date: r.supportStartDate,
        label: r.caseNo,
        officeId: r.officeId,
        officeName: names.get(r.officeId) ?? null,
        facts: [PHASE_LABELS[r.phase], ...(r.dischargeDate ? [l(`退院 ${r.dischargeDate}`, `Discharged ${r.dischargeDate}`)] : []), ...(r.destination ? [DISCHARGE_DESTINATION_LABELS[r.destination]] : [])],
        href: `/cases/${r.id}`,
      })),
  statistic: () => (ids) =>
    getDb()
      .select({ id: externalStatistics.id, topic: externalStatistics.topic, asOf: externalStatistics.asOf, cohortYear: externalStatistics.cohortYear, method: externalStatistics.method, source: externalStatistics.sourceLabel })
      .from(externalStatistics)
      .where(inArray(externalStatistics.id, ids))
      .all()
      .map((r) => ({
        kind: "statistic",
        id: r.id,
        date: r.asOf,
        label: r.source,
        officeId: null,
        officeName: null,
        facts: [STATISTIC_TOPIC_LABELS[r.topic], STATISTIC_METHOD_LABELS[r.method], ...(r.cohortYear ? [l(`${r.cohortYear}年度コホート`, `FY${r.cohortYear} cohort`)] : [])],
        href: `/indicators/statistics/${r.id}`,
      })),
  month: () => (months) => months.map((m) => ({ kind: "month", id: m, date: `${m}-01`, label: m, officeId: null, officeName: null, facts: [], href: `/activities/monthly` })),
  office: () => (ids) =>
    getDb()
      .select({ id: healthCenters.id, name: healthCenters.name })
      .from(healthCenters)
      .where(inArray(healthCenters.id, ids))
      .orderBy(healthCenters.sort)
      .all()
      .map((r) => ({ kind: "office", id: r.id, date: null, label: r.name, officeId: r.id, officeName: r.name, facts: [], href: `/offices/${r.id}` })),
  region: () => (ids) =>
    getDb()
      .select({ id: regions.id, name: regions.name })
      .from(regions)
      .where(inArray(regions.id, ids))
      .orderBy(regions.sort)
      .all()
      .map((r) => ({ kind: "region", id: r.id, date: null, label: r.name, officeId: null, officeName: null, facts: [], href: null })),
  municipality: (names) => (codes) =>
    getDb()
      .select({ code: municipalities.code, name: municipalities.name, officeId: municipalities.healthCenterId })
      .from(municipalities)
      .where(inArray(municipalities.code, codes))
      .orderBy(municipalities.sort)
      .all()
      .map((r) => ({ kind: "municipality", id: r.code, date: null, label: r.name, officeId: r.officeId, officeName: names.get(r.officeId) ?? null, facts: [], href: null })),
};

/** The cases among `ids` transferred out of one of the `reach` offices: where to and when (the latest). */
function transfersOutOf(ids: string[], reach: ReadonlySet<string>): Map<string, { to: string; date: string }> {
  const rows = getDb()
    .select({ caseId: caseTransfers.caseId, from: caseTransfers.fromOfficeId, toId: caseTransfers.toOfficeId, to: healthCenters.name, date: caseTransfers.effectiveDate })
    .from(caseTransfers)
    .innerJoin(healthCenters, eq(healthCenters.id, caseTransfers.toOfficeId))
    .where(and(inArray(caseTransfers.caseId, ids), eq(caseTransfers.status, "accepted")))
    .orderBy(caseTransfers.effectiveDate)
    .all();
  const out = new Map<string, { to: string; date: string }>();
  for (const r of rows) if (reach.has(r.from) && !reach.has(r.toId)) out.set(r.caseId, { to: r.to, date: r.date! });
  return out;
}

/** Kinds that hold a person's record: listing them is audited. */
export const PERSON_RECORD_KINDS: readonly RecordKind[] = ["case", "outreach_case", "outreach_contact", "peer"];

/** Kinds whose pages only office staff open (prefecture staff get no link). */
const OFFICE_ONLY_KINDS: readonly RecordKind[] = ["case", "outreach_case", "outreach_contact", "peer", "dispatch"];

/**
 * Rows for the record groups, as the actor may see them: office staff only rows of offices they
 * reach (plus the prefecture's own rows); prefecture staff pseudonymous rows without links to
 * person records, and none of the offices in `hideOffices` (their counts are suppressed).
 */
export function describeRecordsForActor(actor: Actor, groups: RecordGroup[], hideOffices: readonly string[] = []): { rows: RecordRow[]; notListed: number } {
  const names = officeNames();
  const whole = seesWholePrefecture(actor);
  const reach = new Set(
    whole
      ? []
      : getDb()
          .select({ id: healthCenters.id })
          .from(healthCenters)
          .where(and(eq(healthCenters.prefectureCode, actor.prefectureCode), inArray(healthCenters.id, officesInReach(actor))))
          .all()
          .map((r) => r.id),
  );
  const hidden = new Set(
    hideOffices.length
      ? getDb()
          .select({ id: healthCenters.id })
          .from(healthCenters)
          .where(or(inArray(healthCenters.id, hideOffices), inArray(healthCenters.parentId, hideOffices), isNull(healthCenters.id)))
          .all()
          .map((r) => r.id)
      : [],
  );
  const rows: RecordRow[] = [];
  let notListed = 0;
  for (const g of groups) {
    if (g.ids.length === 0) continue;
    // A case this office handed to another (転出, ADR 0032) still counts in its figures before the
    // transfer: listed by number, where it went and when, without a link.
    const out = !whole && g.kind === "case" ? transfersOutOf(g.ids, reach) : new Map<string, { to: string; date: string }>();
    for (const row of DESCRIBE[g.kind](names)(g.ids)) {
      const office = row.officeId;
      const visible = whole ? !(office && hidden.has(office)) : office === null || reach.has(office);
      const gone = !visible && out.get(row.id);
      if (gone) {
        rows.push({ ...row, facts: [l(`転出 → ${gone.to}（${gone.date}）`, `Transferred out to ${gone.to} (${gone.date})`)], href: null });
        continue;
      }
      if (!visible) {
        notListed += 1;
        continue;
      }
      rows.push(whole && OFFICE_ONLY_KINDS.includes(row.kind) ? { ...row, href: null } : row);
    }
  }
  return { rows, notListed };
}
