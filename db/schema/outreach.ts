import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DIAGNOSIS_GROUPS, REFERRAL_SOURCES } from "@/lib/domain/case-codes";
import {
  OUTREACH_CONTACT_TYPES,
  OUTREACH_END_REASONS,
  OUTREACH_OUTCOMES,
  OUTREACH_PROFESSIONS,
  OUTREACH_STATUSES,
  OUTREACH_TARGETS,
  OUTREACH_TEAM_KINDS,
} from "@/lib/domain/outreach-codes";
import { persons } from "./cases";
import { healthCenters, prefectures } from "./org";
import { editedRecordColumns, inList } from "./sql-helpers";
import { users } from "./users";
import { encryptedText } from "./encrypted";

/**
 * アウトリーチ: a person (the same pseudonymous `persons` row as discharge support, identity apart)
 * referred by an office to a multi-professional team, selected at a case conference, visited
 * until the support ends. Domain brief §5.
 */
export const outreachCases = sqliteTable(
  "outreach_cases",
  {
    id: text("id").primaryKey(),
    /** Display number, e.g. "33-BZ-OR2024-003": office prefix, fiscal year of referral, sequence. */
    caseNo: text("case_no").notNull().unique(),
    personId: text("person_id")
      .notNull()
      .references(() => persons.id),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    /** The referring office (保健所・支所); its staff own the record. */
    officeId: text("office_id")
      .notNull()
      .references(() => healthCenters.id),
    coordinatorUserId: text("coordinator_user_id")
      .notNull()
      .references(() => users.id),
    status: text("status", { enum: OUTREACH_STATUSES }).notNull(),
    /** The main target category; all that apply are in outreach_case_targets. */
    primaryTarget: text("primary_target", { enum: OUTREACH_TARGETS }).notNull(),
    teamKind: text("team_kind", { enum: OUTREACH_TEAM_KINDS }).notNull(),
    /** The team by name, e.g. 岡山県精神科医療センター アウトリーチチーム. */
    teamName: text("team_name").notNull(),
    referralDate: text("referral_date").notNull(),
    referralSource: text("referral_source", { enum: REFERRAL_SOURCES }).notNull(),
    diagnosisGroup: text("diagnosis_group", { enum: DIAGNOSIS_GROUPS }),
    /** 疑い: the diagnosis is suspected, not confirmed (many outreach persons are untreated). */
    diagnosisSuspected: integer("diagnosis_suspected", { mode: "boolean" }).notNull().default(false),
    selectionConferenceDate: text("selection_conference_date"),
    startDate: text("start_date"),
    endDate: text("end_date"),
    endReason: text("end_reason", { enum: OUTREACH_END_REASONS }),
    gafStart: integer("gaf_start"),
    gafEnd: integer("gaf_end"),
    /** Denormalised for the lists: the latest contact date. */
    lastContactDate: text("last_contact_date"),
    ...editedRecordColumns(),
  },
  (t) => [
    check("outreach_cases_status", inList(t.status, OUTREACH_STATUSES)),
    check("outreach_cases_primary_target", inList(t.primaryTarget, OUTREACH_TARGETS)),
    check("outreach_cases_team_kind", inList(t.teamKind, OUTREACH_TEAM_KINDS)),
    check("outreach_cases_referral_source", inList(t.referralSource, REFERRAL_SOURCES)),
    check("outreach_cases_diagnosis_group", sql`${t.diagnosisGroup} IS NULL OR ${inList(t.diagnosisGroup, DIAGNOSIS_GROUPS)}`),
    check("outreach_cases_end_reason", sql`${t.endReason} IS NULL OR ${inList(t.endReason, OUTREACH_END_REASONS)}`),
    check("outreach_cases_gaf", sql`(${t.gafStart} IS NULL OR ${t.gafStart} BETWEEN 1 AND 100) AND (${t.gafEnd} IS NULL OR ${t.gafEnd} BETWEEN 1 AND 100)`),
    check("outreach_cases_dates_order", sql`(${t.selectionConferenceDate} IS NULL OR ${t.referralDate} <= ${t.selectionConferenceDate})
      AND (${t.startDate} IS NULL OR ${t.referralDate} <= ${t.startDate})
      AND (${t.endDate} IS NULL OR ${t.referralDate} <= ${t.endDate})
      AND (${t.endDate} IS NULL OR ${t.startDate} IS NULL OR ${t.startDate} <= ${t.endDate})`),
    check("outreach_cases_active_started", sql`${t.status} <> 'active' OR ${t.startDate} IS NOT NULL`),
    check("outreach_cases_closed_complete", sql`(${t.status} = 'closed') = (${t.endDate} IS NOT NULL AND ${t.endReason} IS NOT NULL)`),
    index("outreach_cases_office_status_idx").on(t.officeId, t.status),
    index("outreach_cases_person_idx").on(t.personId),
    index("outreach_cases_coordinator_idx").on(t.coordinatorUserId),
    index("outreach_cases_prefecture_idx").on(t.prefectureCode),
  ],
);

/** Next sequence number of outreach case numbers per office and fiscal year. */
export const outreachNumberSequences = sqliteTable(
  "outreach_number_sequences",
  {
    officeId: text("office_id")
      .notNull()
      .references(() => healthCenters.id),
    fiscalYear: integer("fiscal_year").notNull(),
    lastSeq: integer("last_seq").notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.fiscalYear] })],
);

/** Every target category that applies (the primary one included). */
export const outreachCaseTargets = sqliteTable(
  "outreach_case_targets",
  {
    outreachCaseId: text("outreach_case_id")
      .notNull()
      .references(() => outreachCases.id, { onDelete: "cascade" }),
    target: text("target", { enum: OUTREACH_TARGETS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.outreachCaseId, t.target] }), check("outreach_case_targets_target", inList(t.target, OUTREACH_TARGETS))],
);

/** Contacts: visits, accompanied clinic visits, family interviews, calls, conferences, liaison. */
export const outreachContacts = sqliteTable(
  "outreach_contacts",
  {
    id: text("id").primaryKey(),
    outreachCaseId: text("outreach_case_id")
      .notNull()
      .references(() => outreachCases.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    contactType: text("contact_type", { enum: OUTREACH_CONTACT_TYPES }).notNull(),
    place: encryptedText("place"),
    minutes: integer("minutes"),
    /** 本人に会えたか. */
    metPerson: integer("met_person", { mode: "boolean" }).notNull(),
    summary: encryptedText("summary"),
    /** Bumped by every correction, so a correction made from a stale page is refused. */
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedBy: text("updated_by"),
    updatedAt: text("updated_at"),
  },
  (t) => [
    check("outreach_contacts_type", inList(t.contactType, OUTREACH_CONTACT_TYPES)),
    check("outreach_contacts_minutes", sql`${t.minutes} IS NULL OR ${t.minutes} BETWEEN 0 AND 1440`),
    index("outreach_contacts_case_idx").on(t.outreachCaseId, t.date),
  ],
);

/** The professions present at a contact. */
export const outreachContactProfessions = sqliteTable(
  "outreach_contact_professions",
  {
    contactId: text("contact_id")
      .notNull()
      .references(() => outreachContacts.id, { onDelete: "cascade" }),
    profession: text("profession", { enum: OUTREACH_PROFESSIONS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.profession] }), check("outreach_contact_professions_profession", inList(t.profession, OUTREACH_PROFESSIONS))],
);

/** Outcomes achieved, one row per outcome with the date it was reached. */
export const outreachOutcomes = sqliteTable(
  "outreach_outcomes",
  {
    id: text("id").primaryKey(),
    outreachCaseId: text("outreach_case_id")
      .notNull()
      .references(() => outreachCases.id, { onDelete: "cascade" }),
    outcome: text("outcome", { enum: OUTREACH_OUTCOMES }).notNull(),
    date: text("date").notNull(),
    note: encryptedText("note"),
    /** Sent with a delete, so an outcome changed since the page was loaded is not removed unseen. */
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    check("outreach_outcomes_outcome", inList(t.outcome, OUTREACH_OUTCOMES)),
    uniqueIndex("outreach_outcomes_case_outcome_date_idx").on(t.outreachCaseId, t.outcome, t.date),
  ],
);
