/**
 * Who may use every page, route handler and server action of the app (ADR 0042): the table the
 * route proofs read. It states the expected answer independently of the code that decides it
 * (lib/auth/permissions.ts, the pages' `requirePermission`, the data-access layer), so a page
 * or an action that lets a role in that this table does not name fails a test:
 *
 * - tests/auth/route-table.test.ts: every `app/**\/page.tsx`, `app/**\/route.ts` and every
 *   export of every "use server" file is in the table, and nothing in it is gone;
 * - tests/dal/route-proof.test.ts: every server action's data-access call, made as each refused
 *   visitor straight against the DAL (no proxy, no page), is refused and changes no domain table;
 * - e2e/route-proof.spec.ts: every page and route handler visited, and every action posted, as
 *   each visitor of ROUTE_PROOF_VISITORS, answers allow or deny as the table says.
 *
 * Plain data with type-only imports: the unit tests, the Playwright specs and the app may all read it.
 * To add a route, add one entry below (the completeness test names what is missing).
 */
import type { Role } from "@/lib/domain/codes";

/**
 * Who is allowed: anyone (signed out too), any signed-in account, or the roles listed.
 * `pending-sign-in`: a step of a sign-in under way, between the password and the second factor (ADR
 * 0037) or replacing a one-time password (ADR 0039); a visitor without such a sign-in is sent to
 * sign in (anonymous) or on into the app (signed in).
 */
export type Allow = "everyone" | "signed-in" | "pending-sign-in" | readonly Role[];

/**
 * What the route touches, which decides whether an account of an allowed role is let in:
 * - `own`: nothing of anyone else (lists, forms, the account): every account of an allowed role,
 *   whatever its prefecture or office, sees its own;
 * - `prefecture`: a record of one prefecture (the sample is of 岡山県): refused to 山口県 accounts;
 * - `office`: a record owned by an office (the sample is of 備前保健所): refused to accounts that
 *   do not reach that office (another office's coordinator, 山口県 accounts).
 */
export type Reach = "own" | "prefecture" | "office";

/** The kind of record a dynamic segment or an action's target names; e2e/fixtures and the tests resolve it to a real id. */
export type Sample =
  | "case"
  | "outreach"
  | "peer"
  | "dispatch"
  | "meeting"
  | "training"
  | "event"
  | "kyogiBody"
  | "statistic"
  | "target"
  | "user"
  | "office"
  | "indicator"
  | "transfer"
  | "accountChange"
  | "hospital";

export type PageEntry = {
  /** The file, relative to the repository (e.g. "app/(app)/cases/[id]/page.tsx"). */
  file: string;
  /** The URL pattern; `[id]` / `[code]` are filled with the sample's id. */
  path: string;
  allow: Allow;
  reach: Reach;
  sample?: Sample;
};

export type HandlerEntry = PageEntry & {
  /** The URL the proof requests (a route handler's pattern may not be requestable as such). */
  probe: string;
};

export type ActionEntry = {
  /** The "use server" file, relative to the repository. */
  file: string;
  /** The exported function. */
  name: string;
  allow: Allow;
  reach: Reach;
  /** The record it changes (its id and version go into the probe's form). */
  sample?: Sample;
  /**
   * How an account of an allowed role but out of reach is refused: `not_found` (the record is
   * not there for it), or `invalid` where the out-of-reach thing is a form field (the office a
   * new record is created in): the field's error, nothing looked up, nothing saved.
   */
  outOfReach?: "not_found" | "invalid";
  /** The data-access function the action calls (documentation; the DAL proof calls it). */
  dal?: string;
};

const STAFF = ["coordinator", "supervisor"] as const satisfies readonly Role[];
const SUPERVISOR = ["supervisor"] as const satisfies readonly Role[];
/** Office staff and prefecture staff: activities and indicators (never admins). */
const WORKERS = ["coordinator", "supervisor", "prefecture"] as const satisfies readonly Role[];
const PREFECTURE = ["prefecture"] as const satisfies readonly Role[];
const ADMIN = ["admin"] as const satisfies readonly Role[];
const ALL_ROLES = ["coordinator", "supervisor", "prefecture", "admin"] as const satisfies readonly Role[];
/** Who approves an admin's account changes (ADR 0039): supervisors of the office, another admin of the prefecture. */
const APPROVERS = ["supervisor", "admin"] as const satisfies readonly Role[];
const AUDIT_READERS = ["supervisor", "prefecture", "admin"] as const satisfies readonly Role[];

const A = "app/(app)";
/** The record types with an import (lib/import/kinds.ts READY_IMPORT_TYPES): one route file each, and its templates. */
const IMPORT_TYPE_FILES = [
  ["cases", STAFF],
  ["meetings", WORKERS],
  ["dispatches", STAFF],
  ["outreach-contacts", STAFF],
] as const;

export const PAGES: readonly PageEntry[] = [
  { file: "app/login/page.tsx", path: "/login", allow: "everyone", reach: "own" },
  { file: "app/login/code/page.tsx", path: "/login/code", allow: "pending-sign-in", reach: "own" },
  { file: "app/login/enrol/page.tsx", path: "/login/enrol", allow: "pending-sign-in", reach: "own" },
  { file: "app/change-password/page.tsx", path: "/change-password", allow: "pending-sign-in", reach: "own" },
  { file: `${A}/page.tsx`, path: "/", allow: "signed-in", reach: "own" },
  { file: `${A}/account/page.tsx`, path: "/account", allow: "signed-in", reach: "own" },
  // The audit trail and the account review (ADR 0041): supervisors of their offices, prefecture staff and admins of their prefecture.
  { file: `${A}/audit/page.tsx`, path: "/audit", allow: AUDIT_READERS, reach: "own" },
  { file: `${A}/account-review/page.tsx`, path: "/account-review", allow: ["supervisor", "admin"], reach: "own" },
  { file: `${A}/approvals/page.tsx`, path: "/approvals", allow: APPROVERS, reach: "own" },
  { file: `${A}/org/page.tsx`, path: "/org", allow: ALL_ROLES, reach: "own" },
  { file: `${A}/offices/page.tsx`, path: "/offices", allow: ALL_ROLES, reach: "own" },
  { file: `${A}/offices/[id]/page.tsx`, path: "/offices/[id]", allow: ALL_ROLES, reach: "office", sample: "office" },
  // Cases (discharge support): office staff of the case's office.
  { file: `${A}/cases/page.tsx`, path: "/cases", allow: STAFF, reach: "own" },
  { file: `${A}/cases/new/page.tsx`, path: "/cases/new", allow: STAFF, reach: "own" },
  { file: `${A}/cases/[id]/page.tsx`, path: "/cases/[id]", allow: STAFF, reach: "office", sample: "case" },
  { file: `${A}/cases/[id]/edit/page.tsx`, path: "/cases/[id]/edit", allow: STAFF, reach: "office", sample: "case" },
  { file: `${A}/cases/[id]/person/page.tsx`, path: "/cases/[id]/person", allow: STAFF, reach: "office", sample: "case" },
  { file: `${A}/cases/[id]/summary/page.tsx`, path: "/cases/[id]/summary", allow: STAFF, reach: "office", sample: "case" },
  { file: `${A}/schedule/page.tsx`, path: "/schedule", allow: STAFF, reach: "own" },
  { file: `${A}/caseload/page.tsx`, path: "/caseload", allow: SUPERVISOR, reach: "own" },
  { file: `${A}/transfers/page.tsx`, path: "/transfers", allow: SUPERVISOR, reach: "own" },
  // Outreach.
  { file: `${A}/outreach/page.tsx`, path: "/outreach", allow: STAFF, reach: "own" },
  { file: `${A}/outreach/new/page.tsx`, path: "/outreach/new", allow: STAFF, reach: "own" },
  { file: `${A}/outreach/[id]/page.tsx`, path: "/outreach/[id]", allow: STAFF, reach: "office", sample: "outreach" },
  { file: `${A}/outreach/[id]/edit/page.tsx`, path: "/outreach/[id]/edit", allow: STAFF, reach: "office", sample: "outreach" },
  { file: `${A}/outreach/[id]/person/page.tsx`, path: "/outreach/[id]/person", allow: STAFF, reach: "office", sample: "outreach" },
  // Peer supporters and their dispatches.
  { file: `${A}/peers/page.tsx`, path: "/peers", allow: STAFF, reach: "own" },
  { file: `${A}/peers/new/page.tsx`, path: "/peers/new", allow: STAFF, reach: "own" },
  { file: `${A}/peers/[id]/page.tsx`, path: "/peers/[id]", allow: STAFF, reach: "office", sample: "peer" },
  { file: `${A}/peers/[id]/edit/page.tsx`, path: "/peers/[id]/edit", allow: STAFF, reach: "office", sample: "peer" },
  { file: `${A}/peers/dispatches/page.tsx`, path: "/peers/dispatches", allow: STAFF, reach: "own" },
  { file: `${A}/peers/dispatches/new/page.tsx`, path: "/peers/dispatches/new", allow: STAFF, reach: "own" },
  { file: `${A}/peers/dispatches/[id]/page.tsx`, path: "/peers/dispatches/[id]", allow: STAFF, reach: "office", sample: "dispatch" },
  { file: `${A}/peers/dispatches/[id]/edit/page.tsx`, path: "/peers/dispatches/[id]/edit", allow: STAFF, reach: "office", sample: "dispatch" },
  // Activities (会議・研修): office and prefecture staff read; an office's rows are written by its staff only.
  { file: `${A}/activities/page.tsx`, path: "/activities", allow: WORKERS, reach: "own" },
  { file: `${A}/activities/meetings/page.tsx`, path: "/activities/meetings", allow: WORKERS, reach: "own" },
  { file: `${A}/activities/meetings/new/page.tsx`, path: "/activities/meetings/new", allow: WORKERS, reach: "own" },
  { file: `${A}/activities/meetings/[id]/page.tsx`, path: "/activities/meetings/[id]", allow: WORKERS, reach: "office", sample: "meeting" },
  { file: `${A}/activities/meetings/[id]/edit/page.tsx`, path: "/activities/meetings/[id]/edit", allow: STAFF, reach: "office", sample: "meeting" },
  { file: `${A}/activities/trainings/page.tsx`, path: "/activities/trainings", allow: WORKERS, reach: "own" },
  { file: `${A}/activities/trainings/new/page.tsx`, path: "/activities/trainings/new", allow: WORKERS, reach: "own" },
  { file: `${A}/activities/trainings/[id]/page.tsx`, path: "/activities/trainings/[id]", allow: WORKERS, reach: "office", sample: "training" },
  { file: `${A}/activities/trainings/[id]/edit/page.tsx`, path: "/activities/trainings/[id]/edit", allow: STAFF, reach: "office", sample: "training" },
  { file: `${A}/activities/events/page.tsx`, path: "/activities/events", allow: WORKERS, reach: "own" },
  { file: `${A}/activities/events/new/page.tsx`, path: "/activities/events/new", allow: WORKERS, reach: "own" },
  { file: `${A}/activities/events/[id]/page.tsx`, path: "/activities/events/[id]", allow: WORKERS, reach: "office", sample: "event" },
  { file: `${A}/activities/events/[id]/edit/page.tsx`, path: "/activities/events/[id]/edit", allow: STAFF, reach: "office", sample: "event" },
  { file: `${A}/activities/kyogi/page.tsx`, path: "/activities/kyogi", allow: WORKERS, reach: "own" },
  { file: `${A}/activities/kyogi/bodies/new/page.tsx`, path: "/activities/kyogi/bodies/new", allow: WORKERS, reach: "own" },
  { file: `${A}/activities/kyogi/bodies/[id]/edit/page.tsx`, path: "/activities/kyogi/bodies/[id]/edit", allow: STAFF, reach: "office", sample: "kyogiBody" },
  { file: `${A}/activities/kyogi/status/page.tsx`, path: "/activities/kyogi/status", allow: PREFECTURE, reach: "own" },
  { file: `${A}/activities/monthly/page.tsx`, path: "/activities/monthly", allow: WORKERS, reach: "own" },
  // Indicators: office and prefecture staff; the sheet and its inputs are the prefecture's.
  { file: `${A}/indicators/page.tsx`, path: "/indicators", allow: WORKERS, reach: "own" },
  { file: `${A}/indicators/[code]/page.tsx`, path: "/indicators/[code]", allow: WORKERS, reach: "own", sample: "indicator" },
  { file: `${A}/indicators/sheet/page.tsx`, path: "/indicators/sheet", allow: PREFECTURE, reach: "own" },
  { file: `${A}/indicators/sheet-settings/page.tsx`, path: "/indicators/sheet-settings", allow: WORKERS, reach: "own" },
  { file: `${A}/indicators/statistics/page.tsx`, path: "/indicators/statistics", allow: WORKERS, reach: "own" },
  { file: `${A}/indicators/statistics/new/page.tsx`, path: "/indicators/statistics/new", allow: PREFECTURE, reach: "own" },
  { file: `${A}/indicators/statistics/[id]/page.tsx`, path: "/indicators/statistics/[id]", allow: WORKERS, reach: "prefecture", sample: "statistic" },
  { file: `${A}/indicators/statistics/[id]/edit/page.tsx`, path: "/indicators/statistics/[id]/edit", allow: PREFECTURE, reach: "prefecture", sample: "statistic" },
  { file: `${A}/indicators/targets/page.tsx`, path: "/indicators/targets", allow: WORKERS, reach: "own" },
  { file: `${A}/indicators/targets/new/page.tsx`, path: "/indicators/targets/new", allow: PREFECTURE, reach: "own" },
  { file: `${A}/indicators/targets/[id]/edit/page.tsx`, path: "/indicators/targets/[id]/edit", allow: PREFECTURE, reach: "prefecture", sample: "target" },
  { file: `${A}/indicators/year-close/page.tsx`, path: "/indicators/year-close", allow: ["supervisor", "prefecture"], reach: "own" },
  // Administration: accounts and master data, never case contents.
  { file: `${A}/admin/users/page.tsx`, path: "/admin/users", allow: ADMIN, reach: "own" },
  { file: `${A}/admin/users/new/page.tsx`, path: "/admin/users/new", allow: ADMIN, reach: "own" },
  { file: `${A}/admin/users/[id]/page.tsx`, path: "/admin/users/[id]", allow: ADMIN, reach: "prefecture", sample: "user" },
  { file: `${A}/admin/hospitals/page.tsx`, path: "/admin/hospitals", allow: ADMIN, reach: "own" },
  // Import (ADR 0043): anyone who may create a record type with an import; each tab is that type's.
  { file: `${A}/import/page.tsx`, path: "/import", allow: WORKERS, reach: "own" },
];

export const HANDLERS: readonly HandlerEntry[] = [
  // Auth.js's own routes (session, csrf, sign-in callback, sign-out): public by nature.
  { file: "app/api/auth/[...nextauth]/route.ts", path: "/api/auth/[...nextauth]", probe: "/api/auth/session", allow: "everyone", reach: "own" },
  { file: `${A}/audit/export/route.ts`, path: "/audit/export", probe: "/audit/export", allow: AUDIT_READERS, reach: "own" },
  { file: "app/api/health/route.ts", path: "/api/health", probe: "/api/health", allow: "everyone", reach: "own" },
  // The JSON API: 401 signed out, 403 for another prefecture, 404 for a role without indicators.
  { file: "app/api/v1/indicators/route.ts", path: "/api/v1/indicators", probe: "/api/v1/indicators?prefecture=33&fy=2021", allow: WORKERS, reach: "prefecture" },
  { file: `${A}/indicators/sheet/csv/route.ts`, path: "/indicators/sheet/csv", probe: "/indicators/sheet/csv?prefecture=33&fy=2021", allow: PREFECTURE, reach: "prefecture" },
  // List exports (ADR 0044): one handler for every list; the probe is the case list (office staff only).
  { file: "app/api/v1/export/[...file]/route.ts", path: "/api/v1/export/[...file]", probe: "/api/v1/export/cases.csv", allow: STAFF, reach: "own" },
  { file: `${A}/indicators/sheet/xlsx/route.ts`, path: "/indicators/sheet/xlsx", probe: "/indicators/sheet/xlsx?prefecture=33&fy=2021", allow: PREFECTURE, reach: "prefecture" },
  // Import (ADR 0043): whoever may create the record type. GET describes the file; the POST
  // (preview/commit) is refused by the same check (tests/import/*.test.ts), and its rows by the DAL.
  ...IMPORT_TYPE_FILES.flatMap(([type, allow]) => [
    { file: `app/api/v1/import/${type}/route.ts`, path: `/api/v1/import/${type}`, probe: `/api/v1/import/${type}`, allow, reach: "own" } as const,
    { file: `app/api/v1/import/templates/${type}.csv/route.ts`, path: `/api/v1/import/templates/${type}.csv`, probe: `/api/v1/import/templates/${type}.csv`, allow, reach: "own" } as const,
    { file: `app/api/v1/import/templates/${type}.xlsx/route.ts`, path: `/api/v1/import/templates/${type}.xlsx`, probe: `/api/v1/import/templates/${type}.xlsx`, allow, reach: "own" } as const,
  ]),
];

const EVERYONE = "everyone" as const;
const CASE = { allow: STAFF, reach: "office", sample: "case" } as const;
const OUTREACH = { allow: STAFF, reach: "office", sample: "outreach" } as const;
const PEER = { allow: STAFF, reach: "office", sample: "peer" } as const;
const DISPATCH = { allow: STAFF, reach: "office", sample: "dispatch" } as const;
/** A new record of an office: the office is a form field, refused as such when out of reach. */
const NEW_IN_OFFICE = { reach: "office", sample: "office", outOfReach: "invalid" } as const;
const INPUTS = { allow: PREFECTURE, reach: "own" } as const;

export const ACTIONS: readonly ActionEntry[] = [
  // Shell and sign-in: no domain data.
  { file: "app/actions.ts", name: "setLocaleAction", allow: EVERYONE, reach: "own" },
  { file: "app/actions.ts", name: "setFiscalYearAction", allow: EVERYONE, reach: "own" },
  { file: "app/actions.ts", name: "signOutAction", allow: EVERYONE, reach: "own" },
  { file: "app/login/actions.ts", name: "signInAction", allow: EVERYONE, reach: "own" },
  // The second factor's sign-in steps: each checks the pending sign-in's token itself.
  { file: "app/login/actions.ts", name: "verifyCodeAction", allow: EVERYONE, reach: "own" },
  { file: "app/login/actions.ts", name: "confirmEnrolmentAction", allow: EVERYONE, reach: "own" },
  { file: "app/login/actions.ts", name: "finishEnrolmentAction", allow: EVERYONE, reach: "own" },
  { file: `${A}/account/second-factor-actions.ts`, name: "regenerateRecoveryCodesAction", allow: "signed-in", reach: "own", dal: "regenerateRecoveryCodes" },
  { file: `${A}/account/actions.ts`, name: "changePasswordAction", allow: "signed-in", reach: "own", dal: "changeOwnPassword" },
  { file: `${A}/account/actions.ts`, name: "signOutEverywhereAction", allow: "signed-in", reach: "own", dal: "signOutEverywhere" },
  { file: "app/change-password/actions.ts", name: "changeOneTimePasswordAction", allow: "pending-sign-in", reach: "own", dal: "changeOwnPassword" },
  // Cases.
  { file: `${A}/cases/new/actions.ts`, name: "createCaseAction", allow: STAFF, ...NEW_IN_OFFICE, dal: "createCase" },
  { file: `${A}/cases/[id]/edit/actions.ts`, name: "updateCaseAction", ...CASE, dal: "updateCase" },
  { file: `${A}/cases/[id]/person/actions.ts`, name: "correctCasePersonAction", ...CASE, dal: "correctPerson" },
  { file: `${A}/cases/[id]/actions.ts`, name: "transitionCaseAction", ...CASE, dal: "transitionCase" },
  { file: `${A}/cases/[id]/actions.ts`, name: "addActivityAction", ...CASE, dal: "addActivity" },
  { file: `${A}/cases/[id]/actions.ts`, name: "updateActivityAction", ...CASE, dal: "updateActivity" },
  { file: `${A}/cases/[id]/actions.ts`, name: "deleteActivityAction", ...CASE, dal: "deleteActivity" },
  { file: `${A}/cases/[id]/actions.ts`, name: "addTrialStayAction", ...CASE, dal: "addTrialStay" },
  { file: `${A}/cases/[id]/actions.ts`, name: "addCarePlanAction", ...CASE, dal: "addCarePlan" },
  { file: `${A}/cases/[id]/actions.ts`, name: "setCarePlanStatusAction", ...CASE, dal: "setCarePlanStatus" },
  { file: `${A}/cases/[id]/actions.ts`, name: "addReadmissionAction", ...CASE, dal: "addReadmission" },
  { file: `${A}/cases/[id]/actions.ts`, name: "recordFollowUpAction", ...CASE, dal: "recordFollowUp" },
  { file: `${A}/cases/[id]/actions.ts`, name: "reassignCaseAction", ...CASE, allow: SUPERVISOR, dal: "reassignCase" },
  // Correcting or undoing the latest phase change is office staff's (the DAL lets a coordinator fix their own, a supervisor anyone's).
  { file: `${A}/cases/[id]/actions.ts`, name: "correctPhaseChangeAction", ...CASE, dal: "correctLatestPhaseChange" },
  { file: `${A}/cases/[id]/actions.ts`, name: "undoPhaseChangeAction", ...CASE, dal: "undoLatestPhaseChange" },
  { file: `${A}/cases/[id]/actions.ts`, name: "reopenCaseAction", ...CASE, allow: SUPERVISOR, dal: "reopenCase" },
  { file: `${A}/transfers/actions.ts`, name: "requestTransferAction", ...CASE, allow: SUPERVISOR, dal: "requestTransfer" },
  { file: `${A}/transfers/actions.ts`, name: "cancelTransferAction", allow: SUPERVISOR, reach: "office", sample: "transfer", dal: "cancelTransfer" },
  { file: `${A}/transfers/actions.ts`, name: "acceptTransferAction", allow: SUPERVISOR, reach: "office", sample: "transfer", dal: "acceptTransfer" },
  { file: `${A}/transfers/actions.ts`, name: "declineTransferAction", allow: SUPERVISOR, reach: "office", sample: "transfer", dal: "declineTransfer" },
  // Outreach.
  { file: `${A}/outreach/new/actions.ts`, name: "createOutreachCaseAction", allow: STAFF, ...NEW_IN_OFFICE, dal: "createOutreachCase" },
  { file: `${A}/outreach/new/actions.ts`, name: "searchOutreachPersonsAction", allow: STAFF, reach: "own", dal: "searchPersonsForActor" },
  { file: `${A}/outreach/[id]/edit/actions.ts`, name: "updateOutreachCaseAction", ...OUTREACH, dal: "updateOutreachCase" },
  { file: `${A}/outreach/[id]/person/actions.ts`, name: "correctOutreachPersonAction", ...OUTREACH, dal: "correctPerson" },
  { file: `${A}/outreach/[id]/actions.ts`, name: "changeOutreachStatusAction", ...OUTREACH, dal: "changeOutreachStatus" },
  { file: `${A}/outreach/[id]/actions.ts`, name: "addOutreachContactAction", ...OUTREACH, dal: "addOutreachContact" },
  { file: `${A}/outreach/[id]/actions.ts`, name: "addOutreachOutcomeAction", ...OUTREACH, dal: "addOutreachOutcome" },
  { file: `${A}/outreach/[id]/actions.ts`, name: "updateOutreachContactAction", ...OUTREACH, dal: "updateOutreachContact" },
  { file: `${A}/outreach/[id]/actions.ts`, name: "deleteOutreachContactAction", ...OUTREACH, dal: "deleteOutreachContact" },
  { file: `${A}/outreach/[id]/actions.ts`, name: "deleteOutreachOutcomeAction", ...OUTREACH, dal: "deleteOutreachOutcome" },
  // Peers and dispatches.
  { file: `${A}/peers/actions.ts`, name: "createPeerAction", allow: STAFF, ...NEW_IN_OFFICE, dal: "createPeer" },
  { file: `${A}/peers/actions.ts`, name: "updatePeerAction", ...PEER, dal: "updatePeer" },
  { file: `${A}/peers/actions.ts`, name: "setPeerStatusAction", ...PEER, dal: "setPeerStatus" },
  { file: `${A}/peers/actions.ts`, name: "renewPeerAction", ...PEER, dal: "renewPeer" },
  { file: `${A}/peers/actions.ts`, name: "addPeerTrainingAction", ...PEER, dal: "addPeerTraining" },
  { file: `${A}/peers/actions.ts`, name: "removePeerTrainingAction", ...PEER, dal: "removePeerTraining" },
  { file: `${A}/peers/dispatches/actions.ts`, name: "createDispatchAction", allow: STAFF, ...NEW_IN_OFFICE, dal: "createDispatch" },
  { file: `${A}/peers/dispatches/actions.ts`, name: "updateDispatchAction", ...DISPATCH, dal: "updateDispatch" },
  { file: `${A}/peers/dispatches/actions.ts`, name: "setDispatchStatusAction", ...DISPATCH, dal: "setDispatchStatus" },
  // Activities: an office's rows by its staff, the prefecture's own rows and tables by prefecture staff
  // (who may create a record, hosted by the prefecture: one hosted by an office is the field's error).
  { file: `${A}/activities/meetings/actions.ts`, name: "createMeetingAction", allow: WORKERS, ...NEW_IN_OFFICE, dal: "createMeeting" },
  { file: `${A}/activities/meetings/actions.ts`, name: "updateMeetingAction", allow: STAFF, reach: "office", sample: "meeting", dal: "updateMeeting" },
  { file: `${A}/activities/meetings/actions.ts`, name: "deleteMeetingAction", allow: STAFF, reach: "office", sample: "meeting", dal: "deleteMeeting" },
  { file: `${A}/activities/trainings/actions.ts`, name: "createTrainingAction", allow: WORKERS, ...NEW_IN_OFFICE, dal: "createTraining" },
  { file: `${A}/activities/trainings/actions.ts`, name: "updateTrainingAction", allow: STAFF, reach: "office", sample: "training", dal: "updateTraining" },
  { file: `${A}/activities/trainings/actions.ts`, name: "deleteTrainingAction", allow: STAFF, reach: "office", sample: "training", dal: "deleteTraining" },
  { file: `${A}/activities/events/actions.ts`, name: "createEventAction", allow: WORKERS, ...NEW_IN_OFFICE, dal: "createEvent" },
  { file: `${A}/activities/events/actions.ts`, name: "updateEventAction", allow: STAFF, reach: "office", sample: "event", dal: "updateEvent" },
  { file: `${A}/activities/events/actions.ts`, name: "deleteEventAction", allow: STAFF, reach: "office", sample: "event", dal: "deleteEvent" },
  { file: `${A}/activities/kyogi/actions.ts`, name: "createKyogiBodyAction", allow: WORKERS, ...NEW_IN_OFFICE, dal: "createKyogiBody" },
  { file: `${A}/activities/kyogi/actions.ts`, name: "updateKyogiBodyAction", allow: STAFF, reach: "office", sample: "kyogiBody", dal: "updateKyogiBody" },
  { file: `${A}/activities/kyogi/actions.ts`, name: "deleteKyogiBodyAction", allow: STAFF, reach: "office", sample: "kyogiBody", dal: "deleteKyogiBody" },
  { file: `${A}/activities/kyogi/actions.ts`, name: "saveMunicipalStatusAction", ...INPUTS, dal: "saveMunicipalStatusTable" },
  { file: `${A}/activities/monthly/actions.ts`, name: "savePhoneTableAction", ...INPUTS, dal: "savePhoneTable" },
  { file: `${A}/activities/monthly/actions.ts`, name: "saveHostelTableAction", ...INPUTS, dal: "saveHostelTable" },
  // Indicator inputs and the year-end close.
  { file: `${A}/indicators/statistics/actions.ts`, name: "createStatisticAction", ...INPUTS, dal: "createStatistic" },
  { file: `${A}/indicators/statistics/actions.ts`, name: "updateStatisticAction", allow: PREFECTURE, reach: "prefecture", sample: "statistic", dal: "updateStatistic" },
  { file: `${A}/indicators/statistics/actions.ts`, name: "deleteStatisticAction", allow: PREFECTURE, reach: "prefecture", sample: "statistic", dal: "deleteStatistic" },
  { file: `${A}/indicators/targets/actions.ts`, name: "createTargetAction", ...INPUTS, dal: "createTarget" },
  { file: `${A}/indicators/targets/actions.ts`, name: "updateTargetAction", allow: PREFECTURE, reach: "prefecture", sample: "target", dal: "updateTarget" },
  { file: `${A}/indicators/targets/actions.ts`, name: "deleteTargetAction", allow: PREFECTURE, reach: "prefecture", sample: "target", dal: "deleteTarget" },
  { file: `${A}/indicators/sheet-settings/actions.ts`, name: "addSheetRowAction", ...INPUTS, dal: "addSheetRow" },
  { file: `${A}/indicators/sheet-settings/actions.ts`, name: "updateSheetHeadingAction", ...INPUTS, dal: "updateSheetRowHeading" },
  { file: `${A}/indicators/sheet-settings/actions.ts`, name: "moveSheetRowAction", ...INPUTS, dal: "moveSheetRow" },
  { file: `${A}/indicators/sheet-settings/actions.ts`, name: "removeSheetRowAction", ...INPUTS, dal: "removeSheetRow" },
  { file: `${A}/indicators/sheet-settings/actions.ts`, name: "saveNarrativeAction", ...INPUTS, dal: "saveNarrative" },
  { file: `${A}/indicators/sheet-settings/actions.ts`, name: "saveYearFactsAction", ...INPUTS, dal: "saveYearFacts" },
  { file: `${A}/indicators/year-close/actions.ts`, name: "signOffYearAction", allow: SUPERVISOR, reach: "office", sample: "office", dal: "signOffYear" },
  { file: `${A}/indicators/year-close/actions.ts`, name: "lockYearAction", ...INPUTS, dal: "lockYear" },
  { file: `${A}/indicators/year-close/actions.ts`, name: "unlockYearAction", ...INPUTS, dal: "unlockYear" },
  // Administration.
  { file: `${A}/admin/users/actions.ts`, name: "createUserAction", allow: ADMIN, reach: "own", dal: "createUser" },
  { file: `${A}/admin/users/actions.ts`, name: "updateUserAction", allow: ADMIN, reach: "prefecture", sample: "user", dal: "updateUser" },
  { file: `${A}/admin/users/actions.ts`, name: "setUserActiveAction", allow: ADMIN, reach: "prefecture", sample: "user", dal: "setUserActive" },
  { file: `${A}/admin/users/actions.ts`, name: "resetPasswordAction", allow: ADMIN, reach: "prefecture", sample: "user", dal: "resetUserPassword" },
  { file: `${A}/admin/users/actions.ts`, name: "unlockUserAction", allow: ADMIN, reach: "prefecture", sample: "user", dal: "unlockUser" },
  { file: `${A}/admin/users/actions.ts`, name: "resetSecondFactorAction", allow: ADMIN, reach: "prefecture", sample: "user", dal: "resetUserSecondFactor" },
  { file: `${A}/approvals/actions.ts`, name: "decideAccountChangeAction", allow: APPROVERS, reach: "office", sample: "accountChange", dal: "decideAccountChange" },
  { file: `${A}/admin/hospitals/actions.ts`, name: "createHospitalAction", allow: ADMIN, reach: "own", dal: "createHospital" },
  { file: `${A}/admin/hospitals/actions.ts`, name: "updateHospitalAction", allow: ADMIN, reach: "prefecture", sample: "hospital", dal: "updateHospital" },
];

/** An action's key, as the tests and the build's server-reference manifest name it. */
export const actionKey = (a: { file: string; name: string }): string => `${a.file}#${a.name}`;

/**
 * The accounts every route is tried as. The samples are records of 備前保健所 (岡山県), so the
 * `home` accounts reach them; `otherOffice` is a coordinator of another 岡山 office and
 * `otherPrefecture` the 山口県 accounts (山口県 has no admin in the demo data).
 */
export type Visitor =
  | { username: null; role: null; kind: "anonymous" }
  | { username: string; role: Role; kind: "home" | "otherOffice" | "otherPrefecture" };

export const ROUTE_PROOF_VISITORS: readonly Visitor[] = [
  { username: null, role: null, kind: "anonymous" },
  { username: "bizen.coord", role: "coordinator", kind: "home" },
  { username: "bizen.sup", role: "supervisor", kind: "home" },
  { username: "okayama.pref", role: "prefecture", kind: "home" },
  { username: "okayama.admin", role: "admin", kind: "home" },
  { username: "mimasaka.coord", role: "coordinator", kind: "otherOffice" },
  { username: "ube.coord", role: "coordinator", kind: "otherPrefecture" },
  { username: "ube.sup", role: "supervisor", kind: "otherPrefecture" },
  { username: "yamaguchi.pref", role: "prefecture", kind: "otherPrefecture" },
  { username: "yamaguchi.admin", role: "admin", kind: "otherPrefecture" },
];

/** Why a visitor is refused: not signed in, a role the route does not allow, or a record out of its reach. */
export type Verdict = "allow" | "anonymous" | "role" | "reach";

/** What the table says a visitor gets on a route. */
export function verdict(entry: { allow: Allow; reach: Reach }, visitor: Visitor): Verdict {
  if (entry.allow === "everyone") return "allow";
  if (visitor.kind === "anonymous") return "anonymous";
  if (entry.allow === "pending-sign-in") return "allow";
  if (entry.allow !== "signed-in" && !entry.allow.includes(visitor.role)) return "role";
  if (entry.reach === "prefecture" && visitor.kind === "otherPrefecture") return "reach";
  if (entry.reach === "office" && (visitor.kind === "otherPrefecture" || visitor.kind === "otherOffice")) return "reach";
  return "allow";
}

/**
 * Tables a refused request may still write (its audit row, a session's end, a throttle): the route
 * proofs check that every other table, the domain, is unchanged.
 */
export const NON_DOMAIN_TABLES: readonly string[] = ["audit_logs", "login_throttles", "revoked_sessions", "__drizzle_migrations", "sqlite_sequence"];
