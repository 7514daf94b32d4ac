/**
 * The year-end close (年度締め, ADR 0025): supervisors sign off their office's figures for a
 * fiscal year, prefecture staff lock the year, and a change to a record dated in a locked year
 * is kept as a restatement (訂正). Pure code lists and rules; no I/O.
 */
import type { AuditEntityType, Label } from "./codes";
import { keysOf } from "./codes";
import { fiscalYearOf } from "./fiscal-year";

export const YEAR_LOCK_ACTION_LABELS = {
  lock: { ja: "締め", en: "Locked" },
  unlock: { ja: "締めの解除", en: "Unlocked" },
} as const satisfies Record<string, Label>;
export type YearLockAction = keyof typeof YEAR_LOCK_ACTION_LABELS;
export const YEAR_LOCK_ACTIONS = keysOf(YEAR_LOCK_ACTION_LABELS);

/** What a restatement did to the record: added one to the year, changed it, or took it out. */
export const RESTATEMENT_ACTION_LABELS = {
  create: { ja: "追加", en: "Added" },
  update: { ja: "訂正", en: "Corrected" },
  delete: { ja: "削除", en: "Deleted" },
} as const satisfies Record<string, Label>;
export type RestatementAction = keyof typeof RESTATEMENT_ACTION_LABELS;
export const RESTATEMENT_ACTIONS = keysOf(RESTATEMENT_ACTION_LABELS);

/** A restatement's reason (and an unlock's): long enough to explain, short enough for the sheet. */
export const REASON_MAX = 500;

/** The fiscal years of some dates (ISO dates or timestamps; empty ones left out), each once, ascending. */
export function fiscalYearsOf(dates: readonly (string | null | undefined)[]): number[] {
  const years = new Set<number>();
  for (const d of dates) if (d) years.add(fiscalYearOf(d.slice(0, 10)));
  return [...years].sort((a, b) => a - b);
}

/**
 * One date per fiscal year a standing record (a 協議の場) counts in: from the year it was
 * established (undated: from `since`) to the year it ended (still standing: to `today`). A body
 * is counted in every year it stands at the year's end (S5, B.kyogi.*), so a change to it changes
 * each of those years.
 */
export function standingYearDates(establishedOn: string | null | undefined, endedOn: string | null | undefined, today: string, since = 2000): string[] {
  const first = establishedOn ? fiscalYearOf(establishedOn) : since;
  const last = fiscalYearOf(endedOn ?? today);
  const dates: string[] = [];
  for (let fy = first; fy <= last; fy++) dates.push(`${fy}-04-01`);
  return dates;
}

/**
 * Where the field labels of a record type's changes are in the message catalog (the form's own
 * labels), for the restatement lists. A record's logged records (a case's activities, stays,
 * follow-ups …) are restated under the record, so `RESTATED_FIELD_FALLBACK` names their fields;
 * a field with no label anywhere is shown by its name.
 */
export const RESTATED_FIELD_LABELS: Partial<Record<AuditEntityType, string>> = {
  meeting: "activities.meetings.fields",
  training_event: "activities.trainings.fields",
  community_event: "activities.events.fields",
  kyogi_body: "activities.kyogi.fields",
  case: "caseForm.fields",
  outreach_case: "outreach.form.fields",
  peer: "peers.fields",
  peer_dispatch: "dispatches.fields",
};
export const RESTATED_FIELD_FALLBACK = "yearClose.fields";
