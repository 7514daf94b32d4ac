import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { DESTINATION_KINDS, DISPATCH_STATUSES, PEER_PURPOSES, PEER_STATUSES, PEER_TRAININGS } from "@/lib/domain/peer-codes";
import { cases } from "./cases";
import { encryptedText, HASH_LABELS, hashedText } from "./encrypted";
import { hospitals } from "./hospitals";
import { healthCenters, prefectures, regions } from "./org";
import { editedRecordColumns, inList } from "./sql-helpers";

/**
 * Peer supporters registered at an office. Being registered reveals lived experience of
 * mental illness, so the person is known here only by a display code; who they are lives in
 * peer_identities, readable by the owning office alone (like a case's identity).
 */
export const peerSupporters = sqliteTable(
  "peer_supporters",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    officeId: text("office_id")
      .notNull()
      .references(() => healthCenters.id),
    /** Pseudonymous code used in reports and on dispatch lists, e.g. "BZ-P-007". */
    displayCode: text("display_code").notNull(),
    registeredOn: text("registered_on").notNull(),
    registrationFy: integer("registration_fy").notNull(),
    expiresOn: text("expires_on").notNull(),
    status: text("status", { enum: PEER_STATUSES }).notNull(),
    /**
     * The JST date of the last status change (休止, 登録抹消 …): a withdrawal counts from this day,
     * never from a timestamp that a later edit could move.
     */
    statusChangedOn: text("status_changed_on"),
    consentDate: text("consent_date"),
    volunteerInsuranceUntil: text("volunteer_insurance_until"),
    ...editedRecordColumns(),
  },
  (t) => [
    check("peer_supporters_status", inList(t.status, PEER_STATUSES)),
    check("peer_supporters_dates", sql`${t.registeredOn} <= ${t.expiresOn}`),
    uniqueIndex("peer_supporters_office_code_idx").on(t.officeId, t.displayCode),
    index("peer_supporters_prefecture_idx").on(t.prefectureCode),
  ],
);

export const peerIdentities = sqliteTable("peer_identities", {
  peerId: text("peer_id")
    .primaryKey()
    .references(() => peerSupporters.id, { onDelete: "cascade" }),
  // Encrypted at rest (ADR 0040), like a person's identity.
  familyName: encryptedText("family_name").notNull(),
  givenName: encryptedText("given_name").notNull(),
  familyNameKana: encryptedText("family_name_kana").notNull(),
  givenNameKana: encryptedText("given_name_kana").notNull(),
  /** HMAC of normalizeKana(family + given), as on person_identities. */
  kanaKey: hashedText(HASH_LABELS.kana)("kana_key").notNull().default(""),
  phone: encryptedText("phone"),
  email: encryptedText("email"),
  updatedAt: text("updated_at").notNull(),
}, (t) => [index("peer_identities_kana_idx").on(t.kanaKey)]);

/** The prefix search of peers by kana (ADR 0040), as person_name_tokens. */
export const peerNameTokens = sqliteTable(
  "peer_name_tokens",
  {
    peerId: text("peer_id")
      .notNull()
      .references(() => peerSupporters.id, { onDelete: "cascade" }),
    token: hashedText(HASH_LABELS.prefix)("token").notNull(),
  },
  (t) => [primaryKey({ columns: [t.peerId, t.token] }), index("peer_name_tokens_token_idx").on(t.token)],
);

/**
 * One row per fiscal year a peer was registered in (the yearly 登録簿). The current
 * registration is also on peer_supporters (registration_fy, expires_on) for the lists; this
 * table answers "who was registered at the end of FY y" exactly, across lapses and renewals.
 */
export const peerRegistrations = sqliteTable(
  "peer_registrations",
  {
    peerId: text("peer_id")
      .notNull()
      .references(() => peerSupporters.id, { onDelete: "cascade" }),
    fiscalYear: integer("fiscal_year").notNull(),
    registeredOn: text("registered_on").notNull(),
    expiresOn: text("expires_on").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.peerId, t.fiscalYear] }),
    check("peer_registrations_dates", sql`${t.registeredOn} <= ${t.expiresOn}`),
  ],
);

/** Trainings a peer has completed (養成研修, フォローアップ研修, ピアサポート研修 基礎/専門). */
export const peerTrainings = sqliteTable(
  "peer_trainings",
  {
    id: text("id").primaryKey(),
    peerId: text("peer_id")
      .notNull()
      .references(() => peerSupporters.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: PEER_TRAININGS }).notNull(),
    completedOn: text("completed_on").notNull(),
  },
  (t) => [check("peer_trainings_kind", inList(t.kind, PEER_TRAININGS)), index("peer_trainings_peer_idx").on(t.peerId)],
);

/** Activities a peer accepts to do (the dispatch purposes). */
export const peerActivities = sqliteTable(
  "peer_activities",
  {
    peerId: text("peer_id")
      .notNull()
      .references(() => peerSupporters.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: PEER_PURPOSES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.peerId, t.purpose] }), check("peer_activities_purpose", inList(t.purpose, PEER_PURPOSES))],
);

/** Regions (圏域) a peer can travel to. */
export const peerAreas = sqliteTable(
  "peer_areas",
  {
    peerId: text("peer_id")
      .notNull()
      .references(() => peerSupporters.id, { onDelete: "cascade" }),
    regionId: text("region_id")
      .notNull()
      .references(() => regions.id),
  },
  (t) => [primaryKey({ columns: [t.peerId, t.regionId] }), index("peer_areas_region_idx").on(t.regionId)],
);

/** ピアサポーター派遣: one visit of one or more peers to a hospital, facility or venue. */
export const peerDispatches = sqliteTable(
  "peer_dispatches",
  {
    id: text("id").primaryKey(),
    prefectureCode: text("prefecture_code")
      .notNull()
      .references(() => prefectures.code),
    officeId: text("office_id")
      .notNull()
      .references(() => healthCenters.id),
    date: text("date").notNull(),
    startTime: text("start_time"),
    endTime: text("end_time"),
    requestingOrg: text("requesting_org"),
    destinationKind: text("destination_kind", { enum: DESTINATION_KINDS }).notNull(),
    hospitalId: text("hospital_id").references(() => hospitals.id),
    destinationName: text("destination_name"),
    purpose: text("purpose", { enum: PEER_PURPOSES }).notNull(),
    audienceCount: integer("audience_count"),
    caseId: text("case_id").references(() => cases.id),
    status: text("status", { enum: DISPATCH_STATUSES }).notNull(),
    report: encryptedText("report"),
    ...editedRecordColumns(),
  },
  (t) => [
    check("peer_dispatches_status", inList(t.status, DISPATCH_STATUSES)),
    check("peer_dispatches_purpose", inList(t.purpose, PEER_PURPOSES)),
    check("peer_dispatches_destination_kind", inList(t.destinationKind, DESTINATION_KINDS)),
    // A hospital destination names a hospital of the master list; the others name their place.
    check(
      "peer_dispatches_destination",
      sql`(${t.destinationKind} = 'hospital' AND ${t.hospitalId} IS NOT NULL) OR (${t.destinationKind} <> 'hospital' AND ${t.destinationName} IS NOT NULL)`,
    ),
    check("peer_dispatches_times", sql`${t.startTime} IS NULL OR ${t.endTime} IS NULL OR ${t.startTime} <= ${t.endTime}`),
    check("peer_dispatches_audience", sql`${t.audienceCount} IS NULL OR ${t.audienceCount} >= 0`),
    index("peer_dispatches_office_date_idx").on(t.officeId, t.date),
    index("peer_dispatches_hospital_idx").on(t.hospitalId),
    index("peer_dispatches_case_idx").on(t.caseId),
    index("peer_dispatches_prefecture_idx").on(t.prefectureCode),
  ],
);

/** The peers who went, with their hours and (optionally) honorarium and travel costs. */
export const peerDispatchMembers = sqliteTable(
  "peer_dispatch_members",
  {
    dispatchId: text("dispatch_id")
      .notNull()
      .references(() => peerDispatches.id, { onDelete: "cascade" }),
    peerId: text("peer_id")
      .notNull()
      .references(() => peerSupporters.id),
    hours: real("hours"),
    honorariumYen: integer("honorarium_yen"),
    travelYen: integer("travel_yen"),
  },
  (t) => [
    primaryKey({ columns: [t.dispatchId, t.peerId] }),
    check("peer_dispatch_members_amounts", sql`(${t.hours} IS NULL OR ${t.hours} >= 0) AND (${t.honorariumYen} IS NULL OR ${t.honorariumYen} >= 0) AND (${t.travelYen} IS NULL OR ${t.travelYen} >= 0)`),
    index("peer_dispatch_members_peer_idx").on(t.peerId),
  ],
);
