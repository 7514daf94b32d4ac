import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
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
} from "@/lib/domain/activity-codes";
import { healthCenters, municipalities, prefectures, regions } from "./org";
import { editedRecordColumns, inList } from "./sql-helpers";

/*
 * The offices' and the prefecture's other yearly work (domain brief §6). None of it names a
 * person. A row with `office_id` NULL belongs to the prefecture itself (entered by the
 * prefecture role); a row with an office belongs to that office (entered by its staff).
 */

/** The registry of 協議の場 (councils of health, medical and welfare sectors) by level. */
export const kyogiBodies = sqliteTable(
  "kyogi_bodies",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    level: text("level", { enum: KYOGI_LEVELS }).notNull(),
    regionId: text("region_id").references(() => regions.id),
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    /** The office that runs it (region level) or NULL for the prefecture's own. */
    officeId: text("office_id").references(() => healthCenters.id),
    name: text("name").notNull(),
    establishedOn: text("established_on"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /**
     * The day the body stopped (廃止・統合); set when it is made inactive, so past years' coverage
     * still counts it ("active at the end of FY y" = established by then and not ended by then).
     */
    endedOn: text("ended_on"),
    ...editedRecordColumns(),
  },
  (t) => [
    check("kyogi_bodies_level", inList(t.level, KYOGI_LEVELS)),
    check("kyogi_bodies_ended", sql`(${t.active} = 1 AND ${t.endedOn} IS NULL) OR (${t.active} = 0 AND ${t.endedOn} IS NOT NULL)`),
    check("kyogi_bodies_dates", sql`${t.endedOn} IS NULL OR ${t.establishedOn} IS NULL OR ${t.establishedOn} <= ${t.endedOn}`),
    check(
      "kyogi_bodies_level_scope",
      sql`(${t.level} = 'prefecture' AND ${t.regionId} IS NULL AND ${t.municipalityCode} IS NULL)
        OR (${t.level} = 'region' AND ${t.regionId} IS NOT NULL AND ${t.municipalityCode} IS NULL)
        OR (${t.level} = 'municipality' AND ${t.municipalityCode} IS NOT NULL)`,
    ),
    index("kyogi_bodies_prefecture_idx").on(t.prefectureCode, t.level),
    index("kyogi_bodies_region_idx").on(t.regionId),
    index("kyogi_bodies_municipality_idx").on(t.municipalityCode),
    index("kyogi_bodies_office_idx").on(t.officeId),
  ],
);

/** A meeting held: a 協議の場 session or one of the other kinds, with attendance by sector. */
export const meetings = sqliteTable(
  "meetings",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    /** The hosting office; NULL when the prefecture itself hosts. */
    officeId: text("office_id").references(() => healthCenters.id),
    kind: text("kind", { enum: MEETING_KINDS }).notNull(),
    /**
     * Set when the meeting is a session of a registered 協議の場, whatever its kind: 岡山県's
     * 地域移行推進検討会 is the prefecture's 協議の場, and a municipality may hold its 協議の場 as
     * a subcommittee of its (自立支援)協議会.
     */
    kyogiBodyId: text("kyogi_body_id").references(() => kyogiBodies.id),
    /** The region a 圏域 meeting serves (e.g. 圏域連絡調整会議). */
    regionId: text("region_id").references(() => regions.id),
    date: text("date").notNull(),
    title: text("title").notNull(),
    venue: text("venue"),
    agenda: text("agenda"),
    /** 目標設定・評価: targets were set or reviewed at this meeting (national activity indicator). */
    targetsReviewed: integer("targets_reviewed", { mode: "boolean" }).notNull().default(false),
    /** 事例検討会: number of cases reviewed. */
    casesReviewed: integer("cases_reviewed"),
    /** アドバイザー派遣 (Yamaguchi's regional meetings). */
    advisorDispatched: integer("advisor_dispatched", { mode: "boolean" }).notNull().default(false),
    ...editedRecordColumns(),
  },
  (t) => [
    check("meetings_kind", inList(t.kind, MEETING_KINDS)),
    check("meetings_cases_reviewed", sql`${t.casesReviewed} IS NULL OR ${t.casesReviewed} >= 0`),
    index("meetings_prefecture_date_idx").on(t.prefectureCode, t.date),
    index("meetings_office_date_idx").on(t.officeId, t.date),
    index("meetings_kyogi_body_idx").on(t.kyogiBodyId),
    index("meetings_region_idx").on(t.regionId),
  ],
);

export const meetingAttendance = sqliteTable(
  "meeting_attendance",
  {
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    sector: text("sector", { enum: SECTORS }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.sector] }),
    check("meeting_attendance_sector", inList(t.sector, SECTORS)),
    check("meeting_attendance_count", sql`${t.count} > 0`),
  ],
);

/** 人材育成研修 and the other training events, counted by scope, with attendance by profession. */
export const trainingEvents = sqliteTable(
  "training_events",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    /** The office that hosts and records it; NULL when the prefecture does. */
    officeId: text("office_id").references(() => healthCenters.id),
    kind: text("kind", { enum: TRAINING_KINDS }).notNull(),
    scope: text("scope", { enum: TRAINING_SCOPES }).notNull(),
    regionId: text("region_id").references(() => regions.id),
    date: text("date").notNull(),
    title: text("title").notNull(),
    venue: text("venue"),
    sessions: integer("sessions").notNull().default(1),
    note: text("note"),
    ...editedRecordColumns(),
  },
  (t) => [
    check("training_events_kind", inList(t.kind, TRAINING_KINDS)),
    check("training_events_scope", inList(t.scope, TRAINING_SCOPES)),
    check("training_events_sessions", sql`${t.sessions} >= 1`),
    check("training_events_region_scope", sql`${t.scope} <> 'region' OR ${t.regionId} IS NOT NULL`),
    check("training_events_office_scope", sql`${t.scope} <> 'office' OR ${t.officeId} IS NOT NULL`),
    index("training_events_prefecture_date_idx").on(t.prefectureCode, t.date),
    index("training_events_office_date_idx").on(t.officeId, t.date),
    index("training_events_region_idx").on(t.regionId),
  ],
);

/** Offices that hosted a training together with the recording office (e.g. 県北3保健所合同). */
export const trainingEventCohosts = sqliteTable(
  "training_event_cohosts",
  {
    trainingEventId: text("training_event_id")
      .notNull()
      .references(() => trainingEvents.id, { onDelete: "cascade" }),
    officeId: text("office_id")
      .notNull()
      .references(() => healthCenters.id),
  },
  (t) => [primaryKey({ columns: [t.trainingEventId, t.officeId] }), index("training_event_cohosts_office_idx").on(t.officeId)],
);

export const trainingAttendance = sqliteTable(
  "training_attendance",
  {
    trainingEventId: text("training_event_id")
      .notNull()
      .references(() => trainingEvents.id, { onDelete: "cascade" }),
    profession: text("profession", { enum: PROFESSIONS }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.trainingEventId, t.profession] }),
    check("training_attendance_profession", inList(t.profession, PROFESSIONS)),
    check("training_attendance_count", sql`${t.count} > 0`),
  ],
);

/** 普及啓発 and 家族支援 events, with participants (and families reached). */
export const communityEvents = sqliteTable(
  "community_events",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    officeId: text("office_id").references(() => healthCenters.id),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    subtype: text("subtype", { enum: EVENT_SUBTYPES }).notNull(),
    date: text("date").notNull(),
    title: text("title").notNull(),
    venue: text("venue"),
    participants: integer("participants").notNull(),
    /** 家族支援: families reached. */
    families: integer("families"),
    /** Peer supporters took part (体験発表, 交流会). */
    withPeers: integer("with_peers", { mode: "boolean" }).notNull().default(false),
    note: text("note"),
    ...editedRecordColumns(),
  },
  (t) => [
    check("community_events_kind", inList(t.kind, EVENT_KINDS)),
    check("community_events_subtype", inList(t.subtype, EVENT_SUBTYPES)),
    check("community_events_counts", sql`${t.participants} >= 0 AND (${t.families} IS NULL OR ${t.families} >= 0)`),
    index("community_events_prefecture_date_idx").on(t.prefectureCode, t.date),
    index("community_events_office_date_idx").on(t.officeId, t.date),
  ],
);

/** Each municipality's 協議の場 as of a fiscal year (the 自治体情報シート counts "23 of 27"). */
export const municipalKyogiStatus = sqliteTable(
  "municipal_kyogi_status",
  {
    municipalityCode: text("municipality_code")
      .notNull()
      .references(() => municipalities.code),
    fiscalYear: integer("fiscal_year").notNull(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    exists: integer("exists", { mode: "boolean" }).notNull(),
    establishedOn: text("established_on"),
    form: text("form", { enum: KYOGI_FORMS }),
    meetingsHeld: integer("meetings_held"),
    note: text("note"),
    ...editedRecordColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.municipalityCode, t.fiscalYear] }),
    check("municipal_kyogi_status_form", sql`${t.form} IS NULL OR ${inList(t.form, KYOGI_FORMS)}`),
    check("municipal_kyogi_status_consistent", sql`${t.exists} = 1 OR (${t.form} IS NULL AND ${t.establishedOn} IS NULL)`),
    check("municipal_kyogi_status_meetings", sql`${t.meetingsHeld} IS NULL OR ${t.meetingsHeld} >= 0`),
    index("municipal_kyogi_status_prefecture_fy_idx").on(t.prefectureCode, t.fiscalYear),
  ],
);

/** The 24-hour phone line's monthly report from the contractor (岡山県 地域移行促進センター事業). */
export const phoneLineMonths = sqliteTable(
  "phone_line_months",
  {
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    /** 'YYYY-MM'. */
    month: text("month").notNull(),
    callsTotal: integer("calls_total").notNull(),
    uniqueCallers: integer("unique_callers"),
    bandDay: integer("band_day").notNull().default(0),
    bandNight: integer("band_night").notNull().default(0),
    bandLateNight: integer("band_late_night").notNull().default(0),
    callerSelf: integer("caller_self").notNull().default(0),
    callerFamily: integer("caller_family").notNull().default(0),
    callerAgency: integer("caller_agency").notNull().default(0),
    topicSymptoms: integer("topic_symptoms").notNull().default(0),
    topicMedication: integer("topic_medication").notNull().default(0),
    topicDailyLife: integer("topic_daily_life").notNull().default(0),
    topicRelationships: integer("topic_relationships").notNull().default(0),
    topicAnxiety: integer("topic_anxiety").notNull().default(0),
    topicSystems: integer("topic_systems").notNull().default(0),
    topicOther: integer("topic_other").notNull().default(0),
    responseAdvice: integer("response_advice").notNull().default(0),
    responseReferral: integer("response_referral").notNull().default(0),
    responseEmergency: integer("response_emergency").notNull().default(0),
    note: text("note"),
    ...editedRecordColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.prefectureCode, t.month] }),
    check("phone_line_months_month", sql`${t.month} GLOB '[12][0-9][0-9][0-9]-[01][0-9]'`),
    check("phone_line_months_unique", sql`${t.callsTotal} >= 0 AND (${t.uniqueCallers} IS NULL OR ${t.uniqueCallers} <= ${t.callsTotal})`),
  ],
);

/** ホステル事業: the month's stays by purpose (2 single rooms in OK; ¥1,000 a night). */
export const hostelMonths = sqliteTable(
  "hostel_months",
  {
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    month: text("month").notNull(),
    rooms: integer("rooms").notNull().default(2),
    /** 利用者実数. */
    uniqueUsers: integer("unique_users").notNull(),
    /** 延べ利用者数 (stays begun this month). */
    stays: integer("stays").notNull(),
    nightsRest: integer("nights_rest").notNull().default(0),
    nightsRefuge: integer("nights_refuge").notNull().default(0),
    nightsTrialStay: integer("nights_trial_stay").notNull().default(0),
    newRegistrations: integer("new_registrations").notNull().default(0),
    consultations: integer("consultations").notNull().default(0),
    note: text("note"),
    ...editedRecordColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.prefectureCode, t.month] }),
    check("hostel_months_month", sql`${t.month} GLOB '[12][0-9][0-9][0-9]-[01][0-9]'`),
    check("hostel_months_counts", sql`${t.rooms} >= 1 AND ${t.uniqueUsers} >= 0 AND ${t.uniqueUsers} <= ${t.stays}`),
  ],
);

