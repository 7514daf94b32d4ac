/*
 * Which tables the indicators read, and how a row of each names its prefecture (ADR 0055).
 *
 * Every insert, update and delete of an indicator input adds one to its prefecture's row of
 * indicator_generations, by a trigger, in the writing transaction: so a figure computed at a
 * generation is the live figure for as long as that generation stands, whichever code path (a
 * form, an import, a year close, a script) wrote. Migration 0018 holds the triggers these
 * functions write; tests/db/indicator-inputs.test.ts checks that the database's triggers are
 * exactly these and that every table is listed here, as an input or as not one.
 *
 * Adding a table: put it in INDICATOR_INPUTS (how its row names a prefecture) or in
 * NOT_INDICATOR_INPUTS (why no figure reads it), and add its triggers in a migration:
 * `triggersFor(table)` prints them.
 */

/** A row's prefecture as an SQL expression over `{row}` (NEW or OLD); null: a table every prefecture shares ("*"). */
type PrefectureOf = string | null;

const direct = "{row}.prefecture_code";
const via = (parent: string, column: string) => `(SELECT prefecture_code FROM ${parent} WHERE id = {row}.${column})`;

export const INDICATOR_INPUTS: Readonly<Record<string, PrefectureOf>> = {
  // Shared by every prefecture: a person or a dispatch may name another prefecture's hospital or town.
  prefectures: null,
  plan_periods: null,
  hospitals: null,
  municipalities: null,
  // The organisation tree and what the prefecture enters.
  regions: direct,
  health_centers: direct,
  kyogi_bodies: direct,
  municipal_kyogi_status: direct,
  external_statistics: direct,
  external_statistic_values: via("external_statistics", "statistic_id"),
  indicator_targets: direct,
  indicator_narratives: direct,
  sheet_indicators: direct,
  prefecture_year_facts: direct,
  hostel_months: direct,
  phone_line_months: direct,
  year_locks: direct,
  year_lock_events: direct,
  year_signoffs: direct,
  restatements: direct,
  // Discharge-support cases and what hangs off them.
  persons: direct,
  cases: direct,
  case_activities: via("cases", "case_id"),
  case_phase_events: via("cases", "case_id"),
  case_transfers: via("cases", "case_id"),
  care_plans: via("cases", "case_id"),
  follow_up_checks: via("cases", "case_id"),
  hospitalizations: via("cases", "case_id"),
  trial_stays: via("cases", "case_id"),
  // Outreach.
  outreach_cases: direct,
  outreach_case_targets: via("outreach_cases", "outreach_case_id"),
  outreach_contacts: via("outreach_cases", "outreach_case_id"),
  outreach_outcomes: via("outreach_cases", "outreach_case_id"),
  outreach_contact_professions:
    "(SELECT oc.prefecture_code FROM outreach_contacts c JOIN outreach_cases oc ON oc.id = c.outreach_case_id WHERE c.id = {row}.contact_id)",
  // Peer supporters and dispatches.
  peer_supporters: direct,
  peer_activities: via("peer_supporters", "peer_id"),
  peer_areas: via("peer_supporters", "peer_id"),
  peer_registrations: via("peer_supporters", "peer_id"),
  peer_trainings: via("peer_supporters", "peer_id"),
  peer_dispatches: direct,
  peer_dispatch_members: via("peer_dispatches", "dispatch_id"),
  // Meetings, events and trainings.
  meetings: direct,
  meeting_attendance: via("meetings", "meeting_id"),
  community_events: direct,
  training_events: direct,
  training_attendance: via("training_events", "training_event_id"),
  training_event_cohosts: via("training_events", "training_event_id"),
};

/** Tables no figure reads, and why: writing them leaves every figure as it was. */
export const NOT_INDICATOR_INPUTS: Readonly<Record<string, string>> = {
  indicator_generations: "the counts themselves",
  __drizzle_migrations: "the migrations applied",
  app_meta: "the installation's own facts (the demo marker)",
  audit_logs: "the audit trail, written by every read",
  data_keys: "encryption keys",
  users: "accounts (a sign-in writes here); a figure counts records, not staff",
  user_offices: "who is assigned where; an actor's reach is part of the cache key, read per request",
  account_change_requests: "requests to change accounts",
  login_throttles: "sign-in throttling",
  sign_in_challenges: "second-factor challenges",
  second_factors: "second factors",
  recovery_codes: "second-factor recovery codes",
  revoked_sessions: "signed-out sessions",
  person_identities: "names and identities (encrypted); figures count persons by id",
  person_identity_history: "changes of names and identities",
  person_name_tokens: "kana search tokens",
  peer_identities: "peer supporters' names (encrypted)",
  peer_name_tokens: "peer supporters' kana search tokens",
  case_number_sequences: "the next case number of each office",
  outreach_number_sequences: "the next outreach number of each office",
};

const EVENTS = ["insert", "update", "delete"] as const;

/** The prefectures a written row touches, as a SELECT of one column (both sides of an update). */
function touchedPrefectures(table: string, event: (typeof EVENTS)[number]): string {
  const of = INDICATOR_INPUTS[table];
  if (of === undefined) throw new Error(`${table} is not an indicator input`);
  const side = (row: "NEW" | "OLD") => (of === null ? "'*'" : `coalesce(${of.replaceAll("{row}", row)}, '*')`);
  if (event === "insert") return `SELECT ${side("NEW")} AS p`;
  if (event === "delete") return `SELECT ${side("OLD")} AS p`;
  return `SELECT ${side("OLD")} AS p UNION SELECT ${side("NEW")}`;
}

/**
 * The three triggers of an input table, as migration statements. A row whose parent is gone (a
 * cascade) names no prefecture and counts for all ("*"), which is never wrong, only coarse.
 */
export function triggersFor(table: string): string[] {
  return EVENTS.map(
    (event) =>
      `CREATE TRIGGER \`${triggerName(table, event)}\` AFTER ${event.toUpperCase()} ON \`${table}\` BEGIN ` +
      `INSERT INTO indicator_generations (prefecture_code, generation) SELECT p, 1 FROM (${touchedPrefectures(table, event)}) WHERE true ` +
      `ON CONFLICT (prefecture_code) DO UPDATE SET generation = generation + 1; END`,
  );
}

export function triggerName(table: string, event: (typeof EVENTS)[number]): string {
  return `${table}_indicator_generation_${event}`;
}

export const TRIGGER_EVENTS = EVENTS;
