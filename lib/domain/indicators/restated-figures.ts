/**
 * Which figures a restatement (訂正, ADR 0025) may have changed: the indicator codes that count
 * each record type. The registry's `records` says which records a drill-down lists, one kind per
 * code, which is not every source (A11.meetings also counts meetings, S2 counts peers and
 * dispatches, A1 counts the municipal table's sessions), so the sources are written out here
 * once; tests/domain/restated-figures.test.ts checks that every code the registry ties to records
 * is here under its record type, and that every code here is defined.
 *
 * The granularity is the record type: a corrected meeting marks every figure that counts meetings
 * (a 事例検討会 also marks S1), which errs on the side of showing a restatement.
 */
import type { AuditEntityType } from "@/lib/domain/codes";
import type { RecordKind } from "./types";

const CASE_CODES = ["C1", "C2", "C3", "C4", "C5.3m", "C5.6m", "C5.12m", "C6", "C7", "C8.90", "C8.180", "C8.365", "C9", "C10", "C10.nights", "C11", "C11.consent", "C11.ended_in_period", "C12", "C13"] as const;

export const FIGURES_BY_RECORD_TYPE: Readonly<Partial<Record<AuditEntityType, readonly string[]>>> = {
  meeting: ["S1", "A1", "A2", "A3", "A4", "A5", "A5.cases", "A11.meetings", "B.jiritsu_council"],
  training_event: ["S3", "A6", "A6.participants"],
  community_event: ["A14", "A14.participants", "A15", "A15.families"],
  // A body's level and years decide S5 and the 協議の場 rows, and which level its sessions count under (A1–A3).
  kyogi_body: ["B.kyogi.prefecture", "B.kyogi.region", "S5", "A1", "A2", "A3"],
  municipal_kyogi_status: ["B.kyogi.municipality", "S4", "A1"],
  peer: ["S2", "A8", "A8.new", "A8.trained"],
  peer_dispatch: ["S2", "A9", "A9.person_dispatches", "A9.hours", "A9.audience", "A9.hospitals", "C12"],
  // An outreach case's contacts and outcomes are written under the case (ADR 0019).
  outreach_case: ["A10", "A11", "A11.meetings", "A12", "A13"],
  // A discharge-support case's activities, stays, plans, readmissions and follow-ups likewise.
  case: CASE_CODES,
  // The sheet's inputs: statistics feed the 基本情報 and S6/S7; the year facts 精神部会 and the hostel's users.
  external_statistic: [
    "B.population",
    "B.psych_hospitals",
    "B.psych_beds",
    "B.inpatients",
    "B.inpatients.lt3m",
    "B.inpatients.3to12m",
    "B.inpatients.ge1y",
    "B.inpatients.ge1y.u65",
    "B.inpatients.ge1y.65plus",
    "B.discharge.3m",
    "B.discharge.6m",
    "B.discharge.12m",
    "B.kikan_centers",
    "B.ippan_offices",
    "B.tokutei_offices",
    "S6",
    "S6.65plus",
    "S6.u65",
    "S7.3m",
    "S7.6m",
    "S7.12m",
  ],
  prefecture_year_facts: ["B.jiritsu_mh_subcommittee", "A17"],
  phone_line_month: ["A16", "A16.night"],
  hostel_month: ["A17.nights", "A17.occupancy"],
};

/** The record types behind each drill-down kind that lists records (the others list the org tree or statistics). */
export const RECORD_TYPES_OF_KIND: Readonly<Partial<Record<RecordKind, readonly AuditEntityType[]>>> = {
  meeting: ["meeting"],
  training: ["training_event"],
  event: ["community_event"],
  kyogi_body: ["kyogi_body"],
  municipal_status: ["municipal_kyogi_status"],
  peer: ["peer"],
  dispatch: ["peer_dispatch"],
  outreach_case: ["outreach_case"],
  outreach_contact: ["outreach_case"],
  case: ["case"],
  month: ["phone_line_month", "hostel_month"],
};

/** The indicator codes a restatement of this record type may have changed (none for a type no figure counts). */
export function figuresRestatedBy(entityType: string): readonly string[] {
  return FIGURES_BY_RECORD_TYPE[entityType as AuditEntityType] ?? [];
}

/** How many of the restatements touch each indicator code. */
export function restatementCountsByCode(rows: readonly { entityType: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rows) for (const code of figuresRestatedBy(r.entityType)) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}
