import "server-only";
import { CASE_FLAGS, listCasesForActor, type CaseListRow, type CaseFilter, type CaseSortKey } from "@/lib/dal/case-list";
import { listEventsForActor, type EventListRow, type EventFilter, type EventSortKey } from "@/lib/dal/community-events";
import { auditExport, caseloadRowsForActor, checkExportRate, decideIdentity, hospitalRowsForExport, municipalStatusRowsForExport, transferRowsForExport, type IdentityRequest, type TransferExportRow } from "@/lib/dal/exports";
import { reviewAccountsForActor, type AccountReviewRow, type AccountReviewSortKey } from "@/lib/dal/account-review";
import { getHostelTableForActor, getPhoneTableForActor, type MonthlyTable } from "@/lib/dal/monthly-figures";
import { PHONE_BAND_FIELDS, PHONE_CALLER_FIELDS, PHONE_RESPONSE_FIELDS, PHONE_TOPIC_FIELDS } from "@/lib/domain/activity-rules";
import { formatMonth } from "@/lib/domain/format";
import { HOSTEL_FIELDS } from "@/lib/validation/activities-tables";
import type { MessageKey } from "@/lib/i18n/translate";
import type { MunicipalStatusRow } from "@/lib/dal/kyogi";
import { listTargetsForActor, type TargetFilter, type TargetRow } from "@/lib/dal/indicator-targets";
import { listOfficesForActor, type OfficeListRow, type OfficeSortKey } from "@/lib/dal/org";
import { listStatisticsForActor, type StatisticFilter, type StatisticSet } from "@/lib/dal/statistics";
import { baselineText, targetText } from "@/app/(app)/indicators/targets/_components/target-text";
import { fiscalYearShortLabel } from "@/lib/domain/fiscal-year";
import { indicatorDefinition } from "@/lib/domain/indicators/definitions";
import { METRIC_UNIT_LABELS, STATISTIC_METHOD_LABELS, STATISTIC_METRIC_KEYS, STATISTIC_METRICS, STATISTIC_TOPIC_LABELS } from "@/lib/domain/statistic-codes";
import { formatStatisticReference } from "@/lib/domain/statistic-rules";
import type { CaseloadRow } from "@/lib/dal/case-list";
import type { HospitalRow } from "@/lib/dal/hospitals";
import { listKyogiBodiesForActor, type KyogiBodyRow, type KyogiFilter, type KyogiSortKey } from "@/lib/dal/kyogi";
import { listUsersForActor, type UserListRow, type UserFilter, type UserSortKey } from "@/lib/dal/users";
import { reminderLabel } from "@/app/(app)/schedule/_components/reminder-label";
import { listRemindersForActor, type Reminder } from "@/lib/dal/reminders";
import { listMeetingsForActor, type MeetingListRow, type MeetingFilter, type MeetingSortKey } from "@/lib/dal/meetings";
import { listOutreachCasesForActor, type OutreachListRow, type OutreachFilter, type OutreachSortKey } from "@/lib/dal/outreach-list";
import { listDispatchesForActor, type DispatchRow, type DispatchFilter, type DispatchSortKey } from "@/lib/dal/peer-dispatch-list";
import { listPeersForActor, type PeerRow, type PeerFilter, type PeerSortKey } from "@/lib/dal/peers";
import { listTrainingsForActor, type TrainingListRow, type TrainingFilter, type TrainingSortKey } from "@/lib/dal/trainings";
import type { Actor } from "@/lib/dal/actor";
import type { Page, PageRequest } from "@/lib/dal/pagination";
import { EVENT_KIND_LABELS, EVENT_SUBTYPE_LABELS, KYOGI_FORM_LABELS, KYOGI_LEVEL_LABELS, MEETING_KIND_LABELS, TRAINING_KIND_LABELS, TRAINING_SCOPE_LABELS } from "@/lib/domain/activity-codes";
import { PHASE_LABELS, PHASES } from "@/lib/domain/case-codes";
import { HEALTH_CENTER_KIND_LABELS, ROLE_LABELS, type AuditEntityType, type Locale } from "@/lib/domain/codes";
import { OUTREACH_STATUS_LABELS, OUTREACH_TARGET_LABELS, OUTREACH_TEAM_KIND_LABELS } from "@/lib/domain/outreach-codes";
import { DISPATCH_STATUS_LABELS, PEER_PURPOSE_LABELS, PEER_STATUS_LABELS } from "@/lib/domain/peer-codes";
import type { Translate } from "@/lib/i18n/translate";
import { accountReviewQuery, monthlyReportQuery } from "@/lib/list-queries";
import { caseListQuery, dispatchListQuery, eventListQuery, kyogiListQuery, meetingListQuery, officeListQuery, outreachListQuery, peerListQuery, statisticListQuery, targetListQuery, trainingListQuery, userListQuery } from "@/lib/list-queries";
import { listScopeOf, type ListScope, type QueryValues } from "@/lib/list-url";
import type { Cell } from "./stream";

/*
 * The export registry (ADR 0044): for each list, how its URL query is read (the page's own reader,
 * lib/list-queries.ts), where its rows come from (the page's own data-access function, called a
 * page at a time) and which columns the file has (headers from the screen's catalog labels).
 * A column marked `identity` (names, kana, free text about a person) is written only when the
 * export carries identity (a supervisor who ticked it and gave a reason).
 */

export type ExportColumn<R> = { header: string; value: (row: R) => Cell; identity?: true };

type Ctx = { t: Translate; locale: Locale };

export type ExportList<R, F = unknown, K extends string = string> = {
  /** The audit's entity type (the list's own, as its page view is audited). */
  entityType: AuditEntityType;
  /** The file's name (before the date) and the sheet's name. */
  title: (t: Translate) => string;
  query: (actor: Actor, params: QueryValues) => Promise<{ filter: F; req: PageRequest<K> }> | { filter: F; req: PageRequest<K> };
  page: (actor: Actor, req: PageRequest<K>, filter: F) => Page<R>;
  columns: (ctx: Ctx) => ExportColumn<R>[];
};

/** Rows read per page while streaming: big enough to be quick, small enough to keep memory flat. */
export const EXPORT_BATCH = 500;

const yes = (t: Translate, on: boolean) => (on ? t("export.yes") : "");

const cases: ExportList<CaseListRow, CaseFilter, CaseSortKey> = {
  entityType: "case_list",
  title: (t) => t("caseList.title"),
  query: caseListQuery,
  page: listCasesForActor,
  columns: ({ t, locale }) => [
    { header: t("caseList.columns.caseNo"), value: (c) => c.caseNo },
    { header: t("export.columns.name"), value: (c) => c.name, identity: true },
    { header: t("export.columns.kana"), value: (c) => c.kana, identity: true },
    { header: t("caseList.columns.phase"), value: (c) => PHASE_LABELS[c.phase][locale] },
    { header: t("caseList.columns.office"), value: (c) => c.officeName },
    { header: t("caseList.columns.coordinator"), value: (c) => c.coordinatorName },
    { header: t("caseList.columns.hospital"), value: (c) => c.hospitalName },
    { header: t("caseList.columns.referralDate"), value: (c) => c.referralDate },
    { header: t("export.columns.supportStartDate"), value: (c) => c.supportStartDate },
    { header: t("caseList.columns.lastActivity"), value: (c) => c.lastActivityDate },
    {
      header: t("caseList.columns.warnings"),
      value: (c) =>
        CASE_FLAGS.filter((f) => ({ overdue_follow_up: c.overdueFollowUp, overdue_review: c.overdueReview, stale: c.stale, no_consent: c.noConsent })[f])
          .map((f) => t(`caseList.flags.${f}`))
          .join(" / "),
    },
  ],
};

const outreach: ExportList<OutreachListRow, OutreachFilter, OutreachSortKey> = {
  entityType: "outreach_case_list",
  title: (t) => t("outreach.title"),
  query: outreachListQuery,
  page: listOutreachCasesForActor,
  columns: ({ t, locale }) => [
    { header: t("outreach.list.columns.caseNo"), value: (c) => c.caseNo },
    { header: t("export.columns.name"), value: (c) => c.name, identity: true },
    { header: t("export.columns.kana"), value: (c) => c.kana, identity: true },
    { header: t("outreach.list.columns.status"), value: (c) => OUTREACH_STATUS_LABELS[c.status][locale] },
    { header: t("outreach.list.columns.target"), value: (c) => OUTREACH_TARGET_LABELS[c.primaryTarget][locale] },
    { header: t("outreach.list.columns.team"), value: (c) => c.teamName },
    { header: t("export.columns.teamKind"), value: (c) => OUTREACH_TEAM_KIND_LABELS[c.teamKind][locale] },
    { header: t("outreach.list.columns.office"), value: (c) => c.officeName },
    { header: t("outreach.list.columns.coordinator"), value: (c) => c.coordinatorName },
    { header: t("outreach.list.columns.referralDate"), value: (c) => c.referralDate },
    { header: t("export.columns.startDate"), value: (c) => c.startDate },
    { header: t("export.columns.endDate"), value: (c) => c.endDate },
    { header: t("outreach.list.columns.lastContact"), value: (c) => c.lastContactDate },
  ],
};

const peers: ExportList<PeerRow, PeerFilter, PeerSortKey> = {
  entityType: "peer_list",
  title: (t) => t("peers.title"),
  query: peerListQuery,
  page: listPeersForActor,
  columns: ({ t, locale }) => [
    { header: t("peers.fields.displayCode"), value: (p) => p.displayCode },
    { header: t("export.columns.name"), value: (p) => p.name, identity: true },
    { header: t("export.columns.kana"), value: (p) => p.kana, identity: true },
    { header: t("peers.fields.status"), value: (p) => PEER_STATUS_LABELS[p.status][locale] },
    { header: t("peers.fields.office"), value: (p) => p.officeName },
    { header: t("peers.fields.registrationFy"), value: (p) => p.registrationFy },
    { header: t("peers.fields.expiresOn"), value: (p) => p.expiresOn },
    { header: t("peers.list.trainings"), value: (p) => p.trainings },
    { header: t("peers.list.insuranceLapsed"), value: (p) => yes(t, p.insuranceLapsed) },
  ],
};

const dispatches: ExportList<DispatchRow, DispatchFilter, DispatchSortKey> = {
  entityType: "peer_dispatch",
  title: (t) => t("dispatches.title"),
  query: dispatchListQuery,
  page: listDispatchesForActor,
  columns: ({ t, locale }) => [
    { header: t("dispatches.fields.date"), value: (d) => d.date },
    { header: t("export.columns.time"), value: (d) => (d.startTime ? `${d.startTime}${d.endTime ? `–${d.endTime}` : ""}` : null) },
    { header: t("dispatches.fields.status"), value: (d) => DISPATCH_STATUS_LABELS[d.status][locale] },
    { header: t("dispatches.fields.purpose"), value: (d) => PEER_PURPOSE_LABELS[d.purpose][locale] },
    { header: t("dispatches.fields.destination"), value: (d) => d.destination },
    { header: t("dispatches.list.members"), value: (d) => d.members.join(" ") },
    { header: t("dispatches.fields.hours"), value: (d) => d.hours },
    { header: t("dispatches.list.audience"), value: (d) => d.audienceCount },
    { header: t("dispatches.fields.office"), value: (d) => d.officeName },
    { header: t("dispatches.list.case"), value: (d) => d.caseNo },
  ],
};

const meetings: ExportList<MeetingListRow, MeetingFilter, MeetingSortKey> = {
  entityType: "meeting",
  title: (t) => t("activities.meetings.title"),
  query: meetingListQuery,
  page: listMeetingsForActor,
  columns: ({ t, locale }) => [
    { header: t("activities.meetings.columns.date"), value: (m) => m.date },
    { header: t("activities.meetings.columns.kind"), value: (m) => MEETING_KIND_LABELS[m.kind][locale] },
    { header: t("activities.meetings.columns.title"), value: (m) => m.title },
    { header: t("activities.meetings.columns.host"), value: (m) => m.officeName ?? t("activities.common.prefecture") },
    { header: t("activities.meetings.columns.kyogi"), value: (m) => (m.kyogiBodyName && m.kyogiLevel ? `${m.kyogiBodyName}（${KYOGI_LEVEL_LABELS[m.kyogiLevel][locale]}）` : null) },
    { header: t("activities.meetings.columns.attendance"), value: (m) => m.attendanceTotal },
    { header: t("activities.meetings.targetsBadge"), value: (m) => yes(t, m.targetsReviewed) },
    { header: t("export.columns.casesReviewed"), value: (m) => m.casesReviewed },
  ],
};

const trainings: ExportList<TrainingListRow, TrainingFilter, TrainingSortKey> = {
  entityType: "training_event",
  title: (t) => t("activities.trainings.title"),
  query: trainingListQuery,
  page: listTrainingsForActor,
  columns: ({ t, locale }) => [
    { header: t("activities.trainings.columns.date"), value: (r) => r.date },
    { header: t("activities.trainings.columns.kind"), value: (r) => TRAINING_KIND_LABELS[r.kind][locale] },
    { header: t("activities.trainings.columns.scope"), value: (r) => TRAINING_SCOPE_LABELS[r.scope][locale] + (r.scope === "region" && r.regionName ? `（${r.regionName}）` : "") },
    { header: t("activities.trainings.columns.title"), value: (r) => r.title },
    { header: t("activities.trainings.columns.host"), value: (r) => r.officeName ?? t("activities.common.prefecture") },
    { header: t("export.columns.cohosts"), value: (r) => r.cohostNames.join("、") },
    { header: t("export.columns.sessions"), value: (r) => r.sessions },
    { header: t("activities.trainings.columns.attendance"), value: (r) => r.attendanceTotal },
  ],
};

const events: ExportList<EventListRow, EventFilter, EventSortKey> = {
  entityType: "community_event",
  title: (t) => t("activities.events.title"),
  query: eventListQuery,
  page: listEventsForActor,
  columns: ({ t, locale }) => [
    { header: t("activities.events.columns.date"), value: (r) => r.date },
    { header: t("activities.events.columns.kind"), value: (r) => EVENT_KIND_LABELS[r.kind][locale] },
    { header: t("export.columns.subtype"), value: (r) => EVENT_SUBTYPE_LABELS[r.subtype][locale] },
    { header: t("activities.events.columns.title"), value: (r) => r.title },
    { header: t("activities.events.columns.host"), value: (r) => r.officeName ?? t("activities.common.prefecture") },
    { header: t("activities.events.columns.participants"), value: (r) => r.participants },
    { header: t("activities.events.columns.families"), value: (r) => r.families },
    { header: t("activities.events.peersBadge"), value: (r) => yes(t, r.withPeers) },
  ],
};

const kyogi: ExportList<KyogiBodyRow, KyogiFilter, KyogiSortKey> = {
  entityType: "kyogi_body",
  title: (t) => t("activities.kyogi.title"),
  query: kyogiListQuery,
  page: listKyogiBodiesForActor,
  columns: ({ t, locale }) => [
    { header: t("activities.kyogi.columns.level"), value: (b) => KYOGI_LEVEL_LABELS[b.level][locale] },
    { header: t("activities.kyogi.columns.name"), value: (b) => b.name },
    { header: t("activities.kyogi.columns.place"), value: (b) => b.municipalityName ?? b.regionName },
    { header: t("activities.kyogi.columns.host"), value: (b) => b.officeName ?? t("activities.common.prefecture") },
    { header: t("activities.kyogi.columns.established"), value: (b) => b.establishedOn },
    { header: t("export.columns.sessions"), value: (b) => b.sessions },
    { header: t("activities.kyogi.columns.status"), value: (b) => t(b.active ? "activities.kyogi.active" : "activities.kyogi.inactive") },
  ],
};

const users: ExportList<UserListRow, UserFilter, UserSortKey> = {
  entityType: "user",
  title: (t) => t("users.title"),
  query: userListQuery,
  page: listUsersForActor,
  columns: ({ t, locale }) => [
    { header: t("users.username"), value: (u) => u.username },
    { header: t("users.displayName"), value: (u) => u.displayName },
    { header: t("users.role"), value: (u) => ROLE_LABELS[u.role][locale] },
    { header: t("users.offices"), value: (u) => u.officeNames.join("、") },
    { header: t("users.status"), value: (u) => (u.active ? t("users.active") : t("users.inactive")) },
    { header: t("users.lastSignIn"), value: (u) => u.lastSignInAt },
  ],
};

/** A list the page shows whole (no pager), served a window at a time like the paged ones. */
function whole<R>(load: (actor: Actor) => R[]) {
  return (actor: Actor, req: PageRequest<string>): Page<R> => {
    const rows = load(actor);
    const start = (req.page - 1) * req.pageSize;
    return { rows: rows.slice(start, start + req.pageSize), total: rows.length, page: req.page, pageSize: req.pageSize };
  };
}
const noQuery = () => ({ filter: {}, req: { page: 1, pageSize: EXPORT_BATCH, sort: "default", dir: "asc" as const } });

const caseload: ExportList<CaseloadRow> = {
  entityType: "caseload",
  title: (t) => t("caseload.title"),
  query: noQuery,
  page: whole(caseloadRowsForActor),
  columns: ({ t, locale }) => [
    { header: t("caseload.matrix.coordinator"), value: (r) => r.coordinatorName },
    ...PHASES.filter((p) => p !== "closed").map((p): ExportColumn<CaseloadRow> => ({ header: PHASE_LABELS[p][locale], value: (r) => r.byPhase[p] })),
    { header: t("caseload.matrix.total"), value: (r) => r.open },
  ],
};

const hospitals: ExportList<HospitalRow> = {
  entityType: "hospital",
  title: (t) => t("hospitals.title"),
  query: noQuery,
  page: whole(hospitalRowsForExport),
  columns: ({ t }) => [
    { header: t("hospitals.name"), value: (h) => h.name },
    { header: t("hospitals.municipality"), value: (h) => h.municipalityName },
    { header: t("hospitals.beds"), value: (h) => h.psychBeds },
    { header: t("hospitals.status"), value: (h) => (h.active ? t("hospitals.active") : t("hospitals.inactive")) },
  ],
};

const schedule: ExportList<Reminder, { scope: ListScope }> = {
  entityType: "schedule",
  title: (t) => t("schedule.title"),
  // Mine or the office's, as the page's tab (the role's default otherwise).
  query: (actor, params) => ({ filter: { scope: listScopeOf(params.scope, actor.role) }, req: { page: 1, pageSize: EXPORT_BATCH, sort: "date", dir: "asc" } }),
  page: (actor, req, filter) => whole((a) => listRemindersForActor(a, filter.scope).items)(actor, req),
  columns: ({ t, locale }) => [
    { header: t("export.columns.dueDate"), value: (r) => r.date },
    { header: t("schedule.overdue"), value: (r) => yes(t, r.overdue) },
    { header: t("export.columns.reminder"), value: (r) => reminderLabel(r, t, locale) },
    { header: t("export.columns.code"), value: (r) => r.code },
    { header: t("export.columns.name"), value: (r) => r.name, identity: true },
  ],
};

const transfers: ExportList<TransferExportRow> = {
  entityType: "case_transfer_inbox",
  title: (t) => t("transfer.page.title"),
  query: noQuery,
  page: whole(transferRowsForExport),
  // The request's identity and reason only with a supervisor's reason (the page shows them to decide).
  columns: ({ t }) => [
    { header: t("export.columns.transferDirection"), value: (r) => t(r.direction === "incoming" ? "transfer.inbox.title" : "transfer.out.title") },
    { header: t("transfer.inbox.caseNo"), value: (r) => r.caseNo },
    { header: t("export.columns.name"), value: (r) => r.name, identity: true },
    { header: t("export.columns.kana"), value: (r) => r.kana, identity: true },
    { header: t("transfer.inbox.birth"), value: (r) => r.birthYearMonth, identity: true },
    { header: t("transfer.inbox.from"), value: (r) => r.fromOffice },
    { header: t("transfer.inbox.to"), value: (r) => r.toOffice },
    { header: t("transfer.inbox.requestedAt"), value: (r) => r.requestedOn },
    { header: t("export.columns.requestedBy"), value: (r) => r.requestedBy },
    { header: t("transfer.inbox.reason"), value: (r) => r.reason, identity: true },
    { header: t("transfer.out.date"), value: (r) => r.effectiveDate },
  ],
};

const offices: ExportList<OfficeListRow, Record<string, never>, OfficeSortKey> = {
  entityType: "office_list",
  title: (t) => t("offices.title"),
  query: officeListQuery,
  page: (actor, req) => listOfficesForActor(actor, req),
  columns: ({ t, locale }) => [
    { header: t("offices.name"), value: (o) => o.name },
    { header: t("offices.region"), value: (o) => o.regionName },
    { header: t("offices.kind"), value: (o) => HEALTH_CENTER_KIND_LABELS[o.kind][locale] },
    { header: t("offices.parent"), value: (o) => o.parentName },
    { header: t("offices.municipalities"), value: (o) => o.municipalityCount },
    // Empty for a role that may not see staff (the page leaves the column out).
    { header: t("offices.staff"), value: (o) => o.staffCount },
  ],
};

const statistics: ExportList<StatisticSet, StatisticFilter> = {
  entityType: "external_statistic",
  title: (t) => t("indicatorInputs.statistics.title"),
  query: statisticListQuery,
  page: (actor, req, filter) => whole((a) => listStatisticsForActor(a, filter))(actor, req),
  // One column per value (numbers stay numbers), headed with the value's name and unit; a value
  // another topic measures, or one not recorded, is an empty cell.
  columns: ({ t, locale }) => [
    { header: t("indicatorInputs.statistics.filters.topic"), value: (s) => STATISTIC_TOPIC_LABELS[s.topic][locale] },
    { header: t("indicatorInputs.statistics.columns.reference"), value: (s) => formatStatisticReference(s, locale) },
    ...STATISTIC_METRIC_KEYS.map(
      (m): ExportColumn<StatisticSet> => ({ header: `${STATISTIC_METRICS[m][locale]}（${METRIC_UNIT_LABELS[STATISTIC_METRICS[m].unit][locale]}）`, value: (s) => s.values[m] ?? null }),
    ),
    { header: t("indicatorInputs.statistics.columns.method"), value: (s) => STATISTIC_METHOD_LABELS[s.method][locale] },
    { header: t("indicatorInputs.statistics.columns.source"), value: (s) => s.sourceLabel },
    { header: t("export.columns.note"), value: (s) => s.note },
  ],
};

const targets: ExportList<TargetRow, TargetFilter> = {
  entityType: "indicator_target",
  title: (t) => t("indicatorInputs.targets.title"),
  query: targetListQuery,
  page: (actor, req, filter) => whole((a) => listTargetsForActor(a, filter))(actor, req),
  columns: ({ t, locale }) => [
    { header: t("export.columns.indicatorCode"), value: (r) => r.indicatorCode },
    { header: t("indicatorInputs.targets.columns.indicator"), value: (r) => indicatorDefinition(r.indicatorCode)?.name[locale] ?? r.indicatorCode },
    { header: t("indicatorInputs.targets.columns.scope"), value: (r) => (r.scope.level === "prefecture" ? t("indicatorInputs.targets.scopePrefecture") : r.scopeName) },
    {
      header: t("indicatorInputs.targets.columns.year"),
      value: (r) => {
        const year = fiscalYearShortLabel(r.fiscalYear, locale);
        return r.planPeriodLabel ? t("indicatorInputs.targets.periodEnd", { period: r.planPeriodLabel[locale], fy: year }) : year;
      },
    },
    { header: t("indicatorInputs.targets.columns.target"), value: (r) => targetText(t, r) },
    { header: t("export.columns.targetValue"), value: (r) => r.value },
    { header: t("indicatorInputs.targets.columns.baseline"), value: (r) => baselineText(t, r, locale) },
    { header: t("indicatorInputs.targets.columns.source"), value: (r) => r.source },
  ],
};

const accountReview: ExportList<AccountReviewRow, Record<string, never>, AccountReviewSortKey> = {
  entityType: "account_review",
  title: (t) => t("auditView.accounts.title"),
  query: accountReviewQuery,
  page: (actor, req) => reviewAccountsForActor(actor, req),
  columns: ({ t, locale }) => [
    { header: t("auditView.accounts.username"), value: (u) => u.username },
    { header: t("auditView.accounts.displayName"), value: (u) => u.displayName },
    { header: t("auditView.accounts.role"), value: (u) => ROLE_LABELS[u.role][locale] },
    { header: t("auditView.accounts.offices"), value: (u) => u.officeNames.join("、") },
    { header: t("auditView.accounts.status"), value: (u) => t(u.active ? "auditView.accounts.active" : "auditView.accounts.inactive") },
    { header: t("auditView.accounts.lastSignIn"), value: (u) => u.lastSignInAt },
    { header: t("auditView.accounts.created"), value: (u) => u.createdAt },
    { header: t("auditView.accounts.unusedFrom"), value: (u) => u.unusedFrom },
  ],
};

/** One item of a monthly report's year, as the page's table shows it: April to March, then the year's total. */
export type MonthlyItemRow = { report: "phone" | "hostel"; group: string | null; field: string; months: (number | null)[]; total: number | null };

const PHONE_ITEMS: [string | null, readonly string[]][] = [
  ["total", ["callsTotal", "uniqueCallers"]],
  ["band", PHONE_BAND_FIELDS],
  ["caller", PHONE_CALLER_FIELDS],
  ["topic", PHONE_TOPIC_FIELDS],
  ["response", PHONE_RESPONSE_FIELDS],
];
const HOSTEL_ITEMS: [string | null, readonly string[]][] = [[null, HOSTEL_FIELDS]];
/** Items whose year total is no sum of the months (a count of rooms), as the page's grid. */
const NOT_SUMMED = new Set(["rooms"]);

function monthlyItems(report: "phone" | "hostel", table: MonthlyTable<object>): MonthlyItemRow[] {
  const figures = table.months.map((m) => m.figures as Record<string, number | null> | null);
  return (report === "phone" ? PHONE_ITEMS : HOSTEL_ITEMS).flatMap(([group, fields]) =>
    fields.map((field) => {
      const months = figures.map((f) => f?.[field] ?? null);
      return { report, group, field, months, total: NOT_SUMMED.has(field) ? null : months.reduce<number>((s, v) => s + (v ?? 0), 0) };
    }),
  );
}

/** The fiscal year's months, April to March, as the grid heads them (「4月」, "Apr"). */
const FISCAL_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3].map((m) => `2000-${String(m).padStart(2, "0")}`);

function monthlyReport(report: "phone" | "hostel"): ExportList<MonthlyItemRow, { fiscalYear: number }> {
  const read = report === "phone" ? getPhoneTableForActor : getHostelTableForActor;
  return {
    entityType: report === "phone" ? "phone_line_month" : "hostel_month",
    title: (t) => t(`activities.monthly.${report}.caption`),
    query: monthlyReportQuery,
    page: (actor, req, filter) => whole((a) => monthlyItems(report, read(a, filter.fiscalYear)))(actor, req),
    columns: ({ t, locale }) => [
      ...(report === "phone" ? [{ header: t("export.columns.group"), value: (r: MonthlyItemRow) => (r.group ? t(`activities.monthly.phone.groups.${r.group}` as MessageKey) : null) }] : []),
      { header: t("activities.monthly.item"), value: (r) => t(`activities.monthly.${r.report}.fields.${r.field}` as MessageKey) },
      ...FISCAL_MONTHS.map((m, i): ExportColumn<MonthlyItemRow> => ({ header: formatMonth(m, locale), value: (r) => r.months[i] })),
      { header: t("activities.monthly.yearTotal"), value: (r) => r.total },
    ],
  };
}

const kyogiStatus: ExportList<MunicipalStatusRow, { fiscalYear: number }> = {
  entityType: "municipal_kyogi_status",
  title: (t) => t("activities.kyogiStatus.caption"),
  query: monthlyReportQuery,
  page: (actor, req, filter) => whole((a) => municipalStatusRowsForExport(a, filter.fiscalYear))(actor, req),
  // A municipality with nothing recorded for the year: 未記録 and empty cells.
  columns: ({ t, locale }) => [
    { header: t("activities.kyogiStatus.columns.municipality"), value: (r) => r.name },
    { header: t("activities.kyogiStatus.columns.office"), value: (r) => r.officeName },
    { header: t("activities.kyogiStatus.columns.exists"), value: (r) => (!r.values ? t("activities.common.notRecorded") : r.values.exists ? t("activities.common.yes") : t("activities.kyogiStatus.notSet")) },
    { header: t("activities.kyogiStatus.columns.form"), value: (r) => (r.values?.form ? KYOGI_FORM_LABELS[r.values.form][locale] : null) },
    { header: t("activities.kyogiStatus.columns.established"), value: (r) => r.values?.establishedOn ?? null },
    { header: t("activities.kyogiStatus.columns.meetings"), value: (r) => r.values?.meetingsHeld ?? null },
    { header: t("activities.kyogiStatus.columns.note"), value: (r) => r.values?.note ?? null },
  ],
};

/** Every exportable list by its URL name (`/api/v1/export/<key>.csv`). */
export const EXPORT_LISTS = { cases, outreach, peers, dispatches, meetings, trainings, events, kyogi, users, caseload, hospitals, schedule, transfers, offices, statistics, targets, accounts: accountReview, phone: monthlyReport("phone"), hostel: monthlyReport("hostel"), "kyogi-status": kyogiStatus } as const;
export type ExportListKey = keyof typeof EXPORT_LISTS;

export function isExportListKey(key: string): key is ExportListKey {
  return Object.hasOwn(EXPORT_LISTS, key);
}

export type ExportFormat = "csv" | "xlsx";

export type OpenedExport = {
  ok: true;
  title: string;
  header: string[];
  total: number;
  withIdentity: boolean;
  /** The rows as cells, a page at a time, read only as the file is written. */
  batches: Generator<Cell[][]>;
};
export type ExportRefusal = { ok: false; status: 400; error: "reason_required" } | { ok: false; status: 429; error: "throttled"; limit: number };

/**
 * Open an export of `key` under the list's URL query: the identity decision, the role check and
 * first page (the list's own DAL function), the hourly limit, then the audit row (with filter,
 * sort, row count, identity and reason) — all before any byte is streamed. The remaining pages
 * are read lazily by the returned generator.
 */
export async function openListExport(
  actor: Actor,
  key: ExportListKey,
  params: QueryValues,
  identity: IdentityRequest,
  format: ExportFormat,
  ctx: Ctx,
  options: { exportsPerHour?: number; now?: Date; batch?: number } = {},
): Promise<OpenedExport | ExportRefusal> {
  const list = EXPORT_LISTS[key] as unknown as ExportList<unknown>;
  const decision = decideIdentity(actor, identity);
  if (!decision.ok) return { ok: false, status: 400, error: "reason_required" };
  const { filter, req } = await list.query(actor, params);
  const rate = checkExportRate(actor, list.entityType, key, options);
  if (!rate.ok) return { ok: false, status: 429, error: "throttled", limit: rate.limit };
  const pageSize = options.batch ?? EXPORT_BATCH;
  // The role check happens here: the list's DAL function refuses a role that may not read it.
  const first = list.page(actor, { ...req, page: 1, pageSize }, filter);
  auditExport(actor, {
    entityType: list.entityType,
    list: key,
    format,
    filter,
    sort: { sort: req.sort, dir: req.dir },
    rows: first.total,
    withIdentity: decision.withIdentity,
    reason: decision.reason,
  });
  const columns = list.columns(ctx).filter((c) => decision.withIdentity || !c.identity);
  const toCells = (row: unknown) => columns.map((c) => c.value(row));
  function* batches(): Generator<Cell[][]> {
    if (first.rows.length > 0) yield first.rows.map(toCells);
    const last = Math.ceil(first.total / pageSize);
    for (let page = 2; page <= last; page++) {
      const { rows } = list.page(actor, { ...req, page, pageSize }, filter);
      if (rows.length === 0) return;
      yield rows.map(toCells);
    }
  }
  return { ok: true, title: list.title(ctx.t), header: columns.map((c) => c.header), total: first.total, withIdentity: decision.withIdentity, batches: batches() };
}
