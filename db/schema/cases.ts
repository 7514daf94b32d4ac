import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  ACTIVITY_TYPES,
  ADMISSION_TYPES,
  CARE_PLAN_STATUSES,
  CARE_PLAN_TYPES,
  CONSENT_SCOPES,
  DATE_PRECISIONS,
  DIAGNOSIS_GROUPS,
  DISCHARGE_DESTINATIONS,
  END_REASONS,
  FOLLOW_UP_STATUSES,
  LIVING_ARRANGEMENTS,
  PHASES,
  REFERRAL_SOURCES,
  SEXES,
  SUPPORT_CATEGORIES,
  TECHO_GRADES,
  TRIAL_OUTCOMES,
  TRIAL_PLACES,
  TRIAL_STAY_KINDS,
  WARD_TYPES,
} from "@/lib/domain/case-codes";
import { hospitals } from "./hospitals";
import { healthCenters, municipalities, prefectures } from "./org";
import { encryptedText, HASH_LABELS, hashedText } from "./encrypted";
import { editedRecordColumns, inList } from "./sql-helpers";
import { users } from "./users";


/**
 * The pseudonymous person: nothing here names anyone. Shared by the discharge-support,
 * outreach and hostel records. Visible to every office that holds one of their records
 * (ADR 0024); written only by lib/dal/persons.ts.
 */
export const persons = sqliteTable(
  "persons",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    /** The office that registered the person; grants nothing (ADR 0024). */
    officeId: text("office_id")
      .notNull()
      .references(() => healthCenters.id),
    /** 'YYYY-MM' only: the day of birth stays in the identity record. */
    birthYearMonth: text("birth_year_month").notNull(),
    sex: text("sex", { enum: SEXES }).notNull(),
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    /** Bumped by each correction of the person or their identity, so a form open elsewhere learns it moved on. */
    version: integer("version").notNull().default(1),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    check("persons_sex", inList(t.sex, SEXES)),
    check("persons_birth_year_month", sql`${t.birthYearMonth} GLOB '[12][0-9][0-9][0-9]-[01][0-9]'`),
    index("persons_office_idx").on(t.officeId),
    index("persons_prefecture_idx").on(t.prefectureCode),
    index("persons_municipality_idx").on(t.municipalityCode),
  ],
);

/** Who the person is. Kept apart so that no pseudonymous query can join it by accident. */
export const personIdentities = sqliteTable(
  "person_identities",
  {
    personId: text("person_id")
      .primaryKey()
      .references(() => persons.id, { onDelete: "cascade" }),
    // Encrypted at rest (ADR 0040): every read and write goes through the column type.
    familyName: encryptedText("family_name").notNull(),
    givenName: encryptedText("given_name").notNull(),
    familyNameKana: encryptedText("family_name_kana").notNull(),
    givenNameKana: encryptedText("given_name_kana").notNull(),
    /** HMAC of normalizeKana(family + given): the duplicate check's key (written and compared as the plain key). */
    kanaKey: hashedText(HASH_LABELS.kana)("kana_key").notNull(),
    /** HMACs of nameKey(family) and nameKey(family + given) (lib/domain/name-key.ts): exact-match keys of the kanji name (ADR 0028). */
    familyNameKey: hashedText(HASH_LABELS.name)("family_name_key").notNull().default(""),
    nameKey: hashedText(HASH_LABELS.name)("name_key").notNull().default(""),
    /** 'YYYY-MM-DD', encrypted (the month is on persons). */
    dateOfBirth: encryptedText("date_of_birth"),
    phone: encryptedText("phone"),
    address: encryptedText("address"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("person_identities_kana_idx").on(t.kanaKey),
    index("person_identities_family_name_key_idx").on(t.familyNameKey),
    index("person_identities_name_key_idx").on(t.nameKey),
  ],
);

/**
 * The prefix search of persons by kana (ADR 0040): one row per HMAC of a normalised prefix of the
 * family name's, the given name's or the whole name's kana, written with the identity
 * (lib/dal/name-tokens.ts).
 */
export const personNameTokens = sqliteTable(
  "person_name_tokens",
  {
    personId: text("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    token: hashedText(HASH_LABELS.prefix)("token").notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.token] }), index("person_name_tokens_token_idx").on(t.token)],
);

/**
 * Corrections of a person (ADR 0028), append-only: the fields one correction changed with their
 * values before and after (`changes`, JSON `{ field: [old, new] }`), who and when, and the record
 * page it was made from. The audit rows of the person's records name the fields only and point
 * here; the values are shown to viewers who may read identities. Kept apart from audit_logs so
 * that the identity values can be encrypted with the identity itself.
 */
export const personIdentityHistory = sqliteTable(
  "person_identity_history",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => persons.id, { onDelete: "cascade" }),
    at: text("at").notNull(),
    changedBy: text("changed_by")
      .notNull()
      .references(() => users.id),
    /** The record page the correction was made from: 'case' or 'outreach_case', and its id. */
    fromEntityType: text("from_entity_type").notNull(),
    fromEntityId: text("from_entity_id").notNull(),
    /** Encrypted (ADR 0040): it holds identity values. */
    changes: encryptedText("changes").notNull(),
  },
  (t) => [
    check("person_identity_history_from", sql`${t.fromEntityType} IN ('case', 'outreach_case')`),
    index("person_identity_history_person_idx").on(t.personId),
    index("person_identity_history_changed_by_idx").on(t.changedBy),
  ],
);

/** One discharge-support episode (地域移行支援ケース). */
export const cases = sqliteTable(
  "cases",
  {
    id: text("id").primaryKey(),
    caseNo: text("case_no").notNull().unique(),
    personId: text("person_id")
      .notNull()
      .references(() => persons.id),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    officeId: text("office_id")
      .notNull()
      .references(() => healthCenters.id),
    coordinatorUserId: text("coordinator_user_id")
      .notNull()
      .references(() => users.id),
    phase: text("phase", { enum: PHASES }).notNull(),
    referralDate: text("referral_date").notNull(),
    referralSource: text("referral_source", { enum: REFERRAL_SOURCES }).notNull(),
    hospitalId: text("hospital_id")
      .notNull()
      .references(() => hospitals.id),
    wardType: text("ward_type", { enum: WARD_TYPES }),
    indexAdmissionDate: text("index_admission_date").notNull(),
    admissionDatePrecision: text("admission_date_precision", { enum: DATE_PRECISIONS }).notNull(),
    admissionType: text("admission_type", { enum: ADMISSION_TYPES }),
    diagnosisGroup: text("diagnosis_group", { enum: DIAGNOSIS_GROUPS }),
    techoGrade: text("techo_grade", { enum: TECHO_GRADES }),
    supportCategory: text("support_category", { enum: SUPPORT_CATEGORIES }),
    consentDate: text("consent_date"),
    consentScope: text("consent_scope", { enum: CONSENT_SCOPES }),
    supportStartDate: text("support_start_date").notNull(),
    plannedDischargeDate: text("planned_discharge_date"),
    dischargeDate: text("discharge_date"),
    dischargeDestination: text("discharge_destination", { enum: DISCHARGE_DESTINATIONS }),
    livingArrangementAfter: text("living_arrangement_after", { enum: LIVING_ARRANGEMENTS }),
    endDate: text("end_date"),
    endReason: text("end_reason", { enum: END_REASONS }),
    /** Denormalised for the lists: the latest activity date. */
    lastActivityDate: text("last_activity_date"),
    ...editedRecordColumns(),
  },
  (t) => [
    check("cases_phase", inList(t.phase, PHASES)),
    check("cases_referral_source", inList(t.referralSource, REFERRAL_SOURCES)),
    check("cases_ward_type", sql`${t.wardType} IS NULL OR ${inList(t.wardType, WARD_TYPES)}`),
    check("cases_admission_precision", inList(t.admissionDatePrecision, DATE_PRECISIONS)),
    check("cases_admission_type", sql`${t.admissionType} IS NULL OR ${inList(t.admissionType, ADMISSION_TYPES)}`),
    check("cases_diagnosis_group", sql`${t.diagnosisGroup} IS NULL OR ${inList(t.diagnosisGroup, DIAGNOSIS_GROUPS)}`),
    check("cases_techo_grade", sql`${t.techoGrade} IS NULL OR ${inList(t.techoGrade, TECHO_GRADES)}`),
    check("cases_support_category", sql`${t.supportCategory} IS NULL OR ${inList(t.supportCategory, SUPPORT_CATEGORIES)}`),
    check("cases_consent_scope", sql`${t.consentScope} IS NULL OR ${inList(t.consentScope, CONSENT_SCOPES)}`),
    check("cases_discharge_destination", sql`${t.dischargeDestination} IS NULL OR ${inList(t.dischargeDestination, DISCHARGE_DESTINATIONS)}`),
    check("cases_living_arrangement", sql`${t.livingArrangementAfter} IS NULL OR ${inList(t.livingArrangementAfter, LIVING_ARRANGEMENTS)}`),
    check("cases_end_reason", sql`${t.endReason} IS NULL OR ${inList(t.endReason, END_REASONS)}`),
    // The date order the forms enforce, kept true in the database as well.
    check("cases_dates_order", sql`${t.indexAdmissionDate} <= ${t.referralDate} AND ${t.referralDate} <= ${t.supportStartDate}
      AND (${t.dischargeDate} IS NULL OR ${t.supportStartDate} <= ${t.dischargeDate})
      AND (${t.endDate} IS NULL OR ${t.endDate} >= coalesce(${t.dischargeDate}, ${t.supportStartDate}))`),
    check("cases_discharge_complete", sql`(${t.dischargeDate} IS NULL) = (${t.dischargeDestination} IS NULL)`),
    check("cases_closed_complete", sql`(${t.phase} = 'closed') = (${t.endDate} IS NOT NULL AND ${t.endReason} IS NOT NULL)`),
    index("cases_office_phase_idx").on(t.officeId, t.phase),
    index("cases_coordinator_idx").on(t.coordinatorUserId),
    index("cases_person_idx").on(t.personId),
    index("cases_hospital_idx").on(t.hospitalId),
    index("cases_prefecture_idx").on(t.prefectureCode),
    // The case indicators' cohorts of a year (supported in it, discharged in it), read from the
    // index alone: the office's cases in date order with every column those queries read (issue 14).
    index("cases_office_support_cover_idx").on(
      t.officeId,
      t.supportStartDate,
      t.endDate,
      t.dischargeDate,
      t.id,
      t.personId,
      t.dischargeDestination,
      t.indexAdmissionDate,
      t.endReason,
    ),
    index("cases_office_discharge_cover_idx").on(
      t.officeId,
      t.dischargeDate,
      t.id,
      t.personId,
      t.supportStartDate,
      t.dischargeDestination,
      t.indexAdmissionDate,
      t.endDate,
      t.endReason,
    ),
  ],
);

/** Next sequence number of case numbers per office and fiscal year. */
export const caseNumberSequences = sqliteTable(
  "case_number_sequences",
  {
    officeId: text("office_id")
      .notNull()
      .references(() => healthCenters.id),
    fiscalYear: integer("fiscal_year").notNull(),
    lastSeq: integer("last_seq").notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.fiscalYear] })],
);

/** The phase history: one row per change, with the date it took effect. */
export const casePhaseEvents = sqliteTable(
  "case_phase_events",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    fromPhase: text("from_phase", { enum: PHASES }),
    phase: text("phase", { enum: PHASES }).notNull(),
    date: text("date").notNull(),
    note: encryptedText("note"),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    check("case_phase_events_phase", inList(t.phase, PHASES)),
    check("case_phase_events_from_phase", sql`${t.fromPhase} IS NULL OR ${inList(t.fromPhase, PHASES)}`),
    index("case_phase_events_case_idx").on(t.caseId, t.date),
  ],
);

/** Support contacts: visits, meetings, accompaniments, calls. */
export const caseActivities = sqliteTable(
  "case_activities",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    date: text("date").notNull(),
    activityType: text("activity_type", { enum: ACTIVITY_TYPES }).notNull(),
    minutes: integer("minutes"),
    staffUserId: text("staff_user_id").references(() => users.id),
    withPeer: integer("with_peer", { mode: "boolean" }).notNull().default(false),
    summary: encryptedText("summary"),
    /** Bumped by every correction, so a correction made from a stale page is refused (ADR 0019). */
    version: integer("version").notNull().default(1),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
    updatedBy: text("updated_by"),
    updatedAt: text("updated_at"),
  },
  (t) => [
    check("case_activities_type", inList(t.activityType, ACTIVITY_TYPES)),
    check("case_activities_minutes", sql`${t.minutes} IS NULL OR ${t.minutes} BETWEEN 0 AND 1440`),
    index("case_activities_case_idx").on(t.caseId, t.date),
    index("case_activities_staff_idx").on(t.staffUserId),
  ],
);

/** 体験宿泊 / 試験外泊 / 体験利用. Nights are computed from the dates. */
export const trialStays = sqliteTable(
  "trial_stays",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: TRIAL_STAY_KINDS }).notNull(),
    placeType: text("place_type", { enum: TRIAL_PLACES }).notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    outcome: text("outcome", { enum: TRIAL_OUTCOMES }),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    check("trial_stays_kind", inList(t.kind, TRIAL_STAY_KINDS)),
    check("trial_stays_place", inList(t.placeType, TRIAL_PLACES)),
    check("trial_stays_outcome", sql`${t.outcome} IS NULL OR ${inList(t.outcome, TRIAL_OUTCOMES)}`),
    check("trial_stays_dates", sql`${t.startDate} <= ${t.endDate}`),
    index("trial_stays_case_idx").on(t.caseId, t.startDate),
  ],
);

/** The four kinds of plan a case touches, with their review and period-end dates. */
export const carePlans = sqliteTable(
  "care_plans",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    planType: text("plan_type", { enum: CARE_PLAN_TYPES }).notNull(),
    status: text("status", { enum: CARE_PLAN_STATUSES }).notNull(),
    createdDate: text("created_date").notNull(),
    reviewDueDate: text("review_due_date"),
    periodEndDate: text("period_end_date"),
    consentDate: text("consent_date"),
    /** The day the plan ended (終了), for C11's 期間内終了率; set when the status becomes 終了. */
    endedOn: text("ended_on"),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    check("care_plans_type", inList(t.planType, CARE_PLAN_TYPES)),
    check("care_plans_status", inList(t.status, CARE_PLAN_STATUSES)),
    check("care_plans_dates", sql`${t.periodEndDate} IS NULL OR ${t.createdDate} <= ${t.periodEndDate}`),
    index("care_plans_case_idx").on(t.caseId),
  ],
);

/** Stays in hospital: the index stay of a case and any readmission. */
export const hospitalizations = sqliteTable(
  "hospitalizations",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    hospitalId: text("hospital_id")
      .notNull()
      .references(() => hospitals.id),
    admissionDate: text("admission_date").notNull(),
    dischargeDate: text("discharge_date"),
    admissionType: text("admission_type", { enum: ADMISSION_TYPES }),
    isIndex: integer("is_index", { mode: "boolean" }).notNull().default(false),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    check("hospitalizations_admission_type", sql`${t.admissionType} IS NULL OR ${inList(t.admissionType, ADMISSION_TYPES)}`),
    check("hospitalizations_dates", sql`${t.dischargeDate} IS NULL OR ${t.admissionDate} <= ${t.dischargeDate}`),
    index("hospitalizations_case_idx").on(t.caseId, t.admissionDate),
    index("hospitalizations_hospital_idx").on(t.hospitalId),
    uniqueIndex("hospitalizations_one_index_per_case").on(t.caseId).where(sql`${t.isIndex} = 1`),
  ],
);

/** Checks 1, 3, 6 and 12 months after discharge, created when the case is discharged. */
export const followUpChecks = sqliteTable(
  "follow_up_checks",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    offsetMonths: integer("offset_months").notNull(),
    dueDate: text("due_date").notNull(),
    checkedDate: text("checked_date"),
    status: text("status", { enum: FOLLOW_UP_STATUSES }),
    note: encryptedText("note"),
    updatedBy: text("updated_by"),
    updatedAt: text("updated_at"),
  },
  (t) => [
    check("follow_up_checks_offset", sql`${t.offsetMonths} IN (1, 3, 6, 12)`),
    check("follow_up_checks_status", sql`${t.status} IS NULL OR ${inList(t.status, FOLLOW_UP_STATUSES)}`),
    check("follow_up_checks_recorded", sql`(${t.checkedDate} IS NULL) = (${t.status} IS NULL)`),
    uniqueIndex("follow_up_checks_case_offset_idx").on(t.caseId, t.offsetMonths),
  ],
);
