import "server-only";
import { ALL_YEARS, hostAndSearch, readListParams } from "@/app/(app)/activities/_lib/params";
import { CASE_FLAGS, CASE_SORT_KEYS, type CaseFilter, type CaseSortKey } from "@/lib/dal/case-list";
import { EVENT_SORT_KEYS, type EventFilter, type EventSortKey } from "@/lib/dal/community-events";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { MEETING_SORT_KEYS, type MeetingFilter, type MeetingSortKey } from "@/lib/dal/meetings";
import { getScopeSummaryForActor } from "@/lib/dal/org";
import { OUTREACH_SORT_KEYS, type OutreachFilter, type OutreachSortKey } from "@/lib/dal/outreach-list";
import { DISPATCH_SORT_KEYS, type DispatchFilter, type DispatchSortKey } from "@/lib/dal/peer-dispatch-list";
import { getPeerFormOptionsForActor, PEER_SORT_KEYS, type PeerFilter, type PeerSortKey } from "@/lib/dal/peers";
import { KYOGI_SORT_KEYS, type KyogiFilter, type KyogiSortKey } from "@/lib/dal/kyogi";
import { getTargetFormOptionsForActor, type TargetFilter, type TargetFormOptions } from "@/lib/dal/indicator-targets";
import { OFFICE_SORT_KEYS, type OfficeSortKey } from "@/lib/dal/org";
import type { StatisticFilter } from "@/lib/dal/statistics";
import { ACCOUNT_REVIEW_SORT_KEYS, type AccountReviewSortKey } from "@/lib/dal/account-review";
import { USER_SORT_KEYS, type UserFilter, type UserSortKey } from "@/lib/dal/users";
import { TRAINING_SORT_KEYS, type TrainingFilter, type TrainingSortKey } from "@/lib/dal/trainings";
import type { Actor } from "@/lib/dal/actor";
import { ROLES, type Role } from "@/lib/domain/codes";
import { EVENT_KINDS, EVENT_SUBTYPES, KYOGI_LEVELS, MEETING_KINDS, TRAINING_KINDS, TRAINING_SCOPES } from "@/lib/domain/activity-codes";
import { PHASES } from "@/lib/domain/case-codes";
import { DISPATCH_STATUSES, PEER_PURPOSES, PEER_STATUSES, PEER_TRAININGS } from "@/lib/domain/peer-codes";
import { OUTREACH_STATUSES, OUTREACH_TARGETS, OUTREACH_TEAM_KINDS } from "@/lib/domain/outreach-codes";
import { listScopeOf, oneOf, parseListRequest, parsePageRequest, type PageRequest, type QueryValues } from "@/lib/list-url";
import { fiscalYearOptions } from "@/lib/preferences";
import { INDICATORS } from "@/lib/domain/indicators/definitions";
import { STATISTIC_TOPICS } from "@/lib/domain/statistic-codes";
import { parseScopeValue } from "@/lib/validation/indicator-targets";

/*
 * What a list's URL query means: its filter and its page request, read one way for the list page
 * and for its export (ADR 0044), so a download holds exactly the rows the screen lists, in the
 * same order. Each reader takes the query with one value per key (lib/list-url.ts firstValues).
 */

export type ListQuery<F, K extends string> = { filter: F; req: PageRequest<K>; sortChosen: boolean };

export function caseListQuery(actor: Actor, params: QueryValues): ListQuery<CaseFilter, CaseSortKey> & { includeClosed: boolean; scope: "mine" | "office" } {
  const scope = listScopeOf(params.scope, actor.role);
  const years = fiscalYearOptions();
  const fyParam = Number(params.fy);
  const phase = oneOf(PHASES, params.phase);
  // Open cases by default, as the home page counts them; ?closed=1 (or the closed phase) adds the closed ones.
  const includeClosed = params.closed === "1" || phase === "closed";
  const filter: CaseFilter = {
    mine: scope === "mine",
    openOnly: !includeClosed,
    phase,
    coordinatorId: scope === "office" ? params.coordinatorId || undefined : undefined,
    hospitalId: params.hospitalId || undefined,
    fiscalYear: years.includes(fyParam) ? fyParam : undefined,
    flag: oneOf(CASE_FLAGS, params.flag),
    q: params.q?.trim().slice(0, 100) || undefined,
  };
  // Newest referrals first unless the user picked a column.
  const { req, sortChosen } = parseListRequest(params, CASE_SORT_KEYS, "referralDate", "desc");
  return { filter, req, sortChosen, includeClosed, scope };
}

export function outreachListQuery(actor: Actor, params: QueryValues): ListQuery<OutreachFilter, OutreachSortKey> & { includeClosed: boolean; scope: "mine" | "office" } {
  const scope = listScopeOf(params.scope, actor.role);
  const years = fiscalYearOptions();
  const fyParam = Number(params.fy);
  const status = oneOf(OUTREACH_STATUSES, params.status);
  // Open cases by default, as the home page counts them; ?closed=1 (or the closed status) adds the closed ones.
  const includeClosed = params.closed === "1" || status === "closed";
  const filter: OutreachFilter = {
    mine: scope === "mine",
    openOnly: !includeClosed,
    status,
    target: oneOf(OUTREACH_TARGETS, params.target),
    coordinatorId: scope === "office" ? params.coordinatorId || undefined : undefined,
    teamKind: oneOf(OUTREACH_TEAM_KINDS, params.teamKind),
    fiscalYear: years.includes(fyParam) ? fyParam : undefined,
    q: params.q?.trim().slice(0, 100) || undefined,
  };
  // Newest referrals first unless the user picked a column.
  const { req, sortChosen } = parseListRequest(params, OUTREACH_SORT_KEYS, "referralDate", "desc");
  return { filter, req, sortChosen, includeClosed, scope };
}

export function peerListQuery(actor: Actor, params: QueryValues): ListQuery<PeerFilter, PeerSortKey> {
  const { offices, regions } = getPeerFormOptionsForActor(actor);
  const years = fiscalYearOptions();
  const fyParam = Number(params.fy);
  const filter: PeerFilter = {
    officeId: offices.some((o) => o.id === params.officeId) ? params.officeId : undefined,
    status: oneOf(PEER_STATUSES, params.status),
    training: oneOf(PEER_TRAININGS, params.training),
    purpose: oneOf(PEER_PURPOSES, params.purpose),
    regionId: regions.some((r) => r.id === params.regionId) ? params.regionId : undefined,
    fiscalYear: years.includes(fyParam) ? fyParam : undefined,
    q: params.q?.trim().slice(0, 100) || undefined,
  };
  return { filter, req: parsePageRequest(params, PEER_SORT_KEYS, "displayCode"), sortChosen: true };
}

export function dispatchListQuery(actor: Actor, params: QueryValues): ListQuery<DispatchFilter, DispatchSortKey> {
  const { offices } = getPeerFormOptionsForActor(actor);
  const hospitals = listHospitalsForActor(actor, { includeInactive: true });
  const years = fiscalYearOptions();
  // Like the cases list: every year, newest first, unless a year is chosen.
  const fiscalYear = years.includes(Number(params.fy)) ? Number(params.fy) : undefined;
  const filter: DispatchFilter = {
    status: oneOf(DISPATCH_STATUSES, params.status),
    purpose: oneOf(PEER_PURPOSES, params.purpose),
    officeId: offices.some((o) => o.id === params.officeId) ? params.officeId : undefined,
    fiscalYear,
    hospitalId: hospitals.some((h) => h.id === params.hospitalId) ? params.hospitalId : undefined,
    peerId: params.peerId || undefined,
    q: params.q?.trim().slice(0, 100) || undefined,
    due: params.due === "1" || undefined,
  };
  const { req, sortChosen } = parseListRequest(params, DISPATCH_SORT_KEYS, "date", "desc");
  return { filter, req, sortChosen };
}

/**
 * The activity lists' year as their pages read it (readListParams): `fy=all` every year, a year
 * offered, else the header's 年度 (a cookie, read only when the URL names no year).
 */
async function activityYear(params: QueryValues): Promise<number | undefined> {
  if (params.fy === ALL_YEARS) return undefined;
  if (fiscalYearOptions().includes(Number(params.fy))) return Number(params.fy);
  return (await readListParams(Promise.resolve(params))).fiscalYear;
}

export async function meetingListQuery(actor: Actor, params: QueryValues): Promise<ListQuery<MeetingFilter, MeetingSortKey>> {
  const offices = getScopeSummaryForActor(actor).offices;
  const filter: MeetingFilter = {
    fiscalYear: await activityYear(params),
    kind: oneOf(MEETING_KINDS, params.kind),
    level: oneOf([...KYOGI_LEVELS, "none"] as const, params.level),
    ...hostAndSearch(params, offices),
  };
  const { req, sortChosen } = parseListRequest(params, MEETING_SORT_KEYS, "date", "desc");
  return { filter, req, sortChosen };
}

export async function trainingListQuery(actor: Actor, params: QueryValues): Promise<ListQuery<TrainingFilter, TrainingSortKey>> {
  const offices = getScopeSummaryForActor(actor).offices;
  const filter: TrainingFilter = {
    fiscalYear: await activityYear(params),
    kind: oneOf(TRAINING_KINDS, params.kind),
    scope: oneOf(TRAINING_SCOPES, params.scope),
    ...hostAndSearch(params, offices),
  };
  const { req, sortChosen } = parseListRequest(params, TRAINING_SORT_KEYS, "date", "desc");
  return { filter, req, sortChosen };
}

export async function eventListQuery(actor: Actor, params: QueryValues): Promise<ListQuery<EventFilter, EventSortKey>> {
  const offices = getScopeSummaryForActor(actor).offices;
  const filter: EventFilter = {
    fiscalYear: await activityYear(params),
    kind: oneOf(EVENT_KINDS, params.kind),
    subtype: oneOf(EVENT_SUBTYPES, params.subtype),
    ...hostAndSearch(params, offices),
  };
  const { req, sortChosen } = parseListRequest(params, EVENT_SORT_KEYS, "date", "desc");
  return { filter, req, sortChosen };
}

/** 協議の場: a body is no dated record, the year (the URL's, else the header's) only counts its sessions. */
export async function kyogiListQuery(actor: Actor, params: QueryValues): Promise<ListQuery<KyogiFilter, KyogiSortKey>> {
  const offices = getScopeSummaryForActor(actor).offices;
  const fy = fiscalYearOptions().includes(Number(params.fy)) ? Number(params.fy) : (await readListParams(Promise.resolve(params))).summaryYear;
  const filter: KyogiFilter = {
    fiscalYear: fy,
    level: oneOf(KYOGI_LEVELS, params.level),
    activeOnly: params.active === "1",
    ...hostAndSearch(params, offices),
  };
  return { filter, req: parsePageRequest(params, KYOGI_SORT_KEYS, "level"), sortChosen: !!oneOf(KYOGI_SORT_KEYS, params.sort) };
}

/** The admin's account list (/admin/users). */
export function userListQuery(_actor: Actor, params: QueryValues): ListQuery<UserFilter, UserSortKey> {
  const role = (ROLES as readonly string[]).includes(params.role ?? "") ? (params.role as Role) : undefined;
  const status = params.status === "active" || params.status === "inactive" ? params.status : undefined;
  return { filter: { q: params.q, role, status }, req: parsePageRequest(params, USER_SORT_KEYS, "username"), sortChosen: !!oneOf(USER_SORT_KEYS, params.sort) };
}

/** The offices list (/offices): no filter, its own sort. */
export function officeListQuery(_actor: Actor, params: QueryValues): ListQuery<Record<string, never>, OfficeSortKey> {
  return { filter: {}, req: parsePageRequest(params, OFFICE_SORT_KEYS, "name"), sortChosen: !!oneOf(OFFICE_SORT_KEYS, params.sort) };
}

/** A whole, unpaged list in its DAL's fixed order (the export still reads it a window at a time). */
const WHOLE_LIST = { page: 1, pageSize: 500, sort: "default", dir: "asc" } as const satisfies PageRequest<"default">;

/** 外部統計 (/indicators/statistics): by topic, in the DAL's order (topic, newest first). */
export function statisticListQuery(_actor: Actor, params: QueryValues): ListQuery<StatisticFilter, "default"> {
  return { filter: { topic: oneOf(STATISTIC_TOPICS, params.topic) }, req: WHOLE_LIST, sortChosen: false };
}

/**
 * 目標値 (/indicators/targets): by indicator, scope (the prefecture, or one of its regions or
 * offices the actor may choose, `region:<id>` / `office:<id>`) and fiscal year.
 */
export function targetListQuery(actor: Actor, params: QueryValues): ListQuery<TargetFilter, "default"> & { options: TargetFormOptions; scopeParam: string | undefined } {
  const options = getTargetFormOptionsForActor(actor);
  const indicatorCode = oneOf(INDICATORS.map((d) => d.code), params.indicator);
  const scopeValues = ["prefecture", ...options.regions.map((r) => `region:${r.id}`), ...options.offices.map((o) => `office:${o.id}`)];
  const scopeParam = oneOf(scopeValues, params.scope);
  const fy = Number(params.fy);
  const fiscalYear = Number.isInteger(fy) && fy >= 2000 && fy <= 2099 ? fy : undefined;
  const filter: TargetFilter = { indicatorCode, scope: scopeParam ? (parseScopeValue(scopeParam) ?? undefined) : undefined, fiscalYear };
  return { filter, req: WHOLE_LIST, sortChosen: false, options, scopeParam };
}

/** アカウントの棚卸し (/account-review): no filter, its own sort. */
export function accountReviewQuery(_actor: Actor, params: QueryValues): ListQuery<Record<string, never>, AccountReviewSortKey> {
  return { filter: {}, req: parsePageRequest(params, ACCOUNT_REVIEW_SORT_KEYS, "username"), sortChosen: !!oneOf(ACCOUNT_REVIEW_SORT_KEYS, params.sort) };
}

/** The monthly reports (/activities/monthly) and 市町村の協議の場: one fiscal year, the URL's else the header's, as the pages read it. */
export async function monthlyReportQuery(_actor: Actor, params: QueryValues): Promise<ListQuery<{ fiscalYear: number }, "default">> {
  const fy = Number(params.fy);
  const fiscalYear = fiscalYearOptions().includes(fy) ? fy : (await readListParams(Promise.resolve(params))).summaryYear;
  return { filter: { fiscalYear }, req: { ...WHOLE_LIST }, sortChosen: false };
}
