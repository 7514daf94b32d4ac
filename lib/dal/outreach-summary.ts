import "server-only";
import { and, between, count, eq, gte, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outreachCases, outreachContacts, outreachOutcomes } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import {
  OUTREACH_CONTACT_TYPES,
  OUTREACH_OUTCOMES,
  OUTREACH_TEAM_KINDS,
  type OutreachContactType,
  type OutreachOutcome,
  type OutreachTeamKind,
} from "@/lib/domain/outreach-codes";
import { isConference, isVisit } from "@/lib/domain/outreach-rules";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { countScopeOfActor, inScopeOffices, type CountScope } from "./count-scope";

/*
 * The yearly outreach figures the contractor reports (persons 新規・継続, 訪問, ケース会議,
 * outcomes), per team kind and in total. Counts only, never a name, so not audited. The rules
 * are those of lib/domain/outreach-rules.ts (supportedInFiscalYear, newInFiscalYear,
 * VISIT_CONTACT_TYPES, CONFERENCE_CONTACT_TYPES), written here once as SQL; the unit tests
 * check that both agree on the demo data.
 */

export type OutreachFigures = {
  /** Persons supported in the year, unduplicated. */
  persons: number;
  newPersons: number;
  continuingPersons: number;
  /** 訪問 + 受診同行 in the year, and of those the ones where the person was met. */
  visits: number;
  visitsMet: number;
  /** ケース会議 contacts in the year. */
  conferences: number;
  contactsByType: Record<OutreachContactType, number>;
  contacts: number;
  /** Cases that reached each outcome in the year (a case counts once per outcome). */
  outcomes: Record<OutreachOutcome, number>;
  /** Cases with at least one outcome in the year. */
  casesWithOutcome: number;
  /** Cases closed in the year, and the mean days of support of those that had started. */
  closedCases: number;
  meanSupportDays: number | null;
};

export type OutreachYearSummary = {
  fiscalYear: number;
  /** "reach": the offices of an office role; "prefecture": the whole prefecture (prefecture role). */
  scope: "reach" | "prefecture";
  total: OutreachFigures;
  /** Only the team kinds with anything to count, in code-list order. */
  byTeamKind: { teamKind: OutreachTeamKind; figures: OutreachFigures }[];
};

function emptyFigures(): OutreachFigures {
  return {
    persons: 0,
    newPersons: 0,
    continuingPersons: 0,
    visits: 0,
    visitsMet: 0,
    conferences: 0,
    contactsByType: Object.fromEntries(OUTREACH_CONTACT_TYPES.map((t) => [t, 0])) as Record<OutreachContactType, number>,
    contacts: 0,
    outcomes: Object.fromEntries(OUTREACH_OUTCOMES.map((o) => [o, 0])) as Record<OutreachOutcome, number>,
    casesWithOutcome: 0,
    closedCases: 0,
    meanSupportDays: null,
  };
}

/** Office staff count their reach; the prefecture role counts the prefecture. Others: not_found. */
function scopeOf(actor: Actor): { scope: OutreachYearSummary["scope"] } {
  if (can(actor.role, "read:aggregate:prefecture")) return { scope: "prefecture" };
  if (can(actor.role, "read:outreach:reach")) return { scope: "reach" };
  throw new AppError("not_found", "errors.notFound");
}

export function getOutreachYearSummaryForActor(actor: Actor, fiscalYear: number): OutreachYearSummary {
  const { scope } = scopeOf(actor);
  return { ...outreachYearSummaryIn(countScopeOfActor(actor), fiscalYear), scope };
}

/**
 * Outreach cases supported in the year: started by its end, not ended before its start
 * (never-started referrals have no start date and are not counted). 継続 = started before the year.
 */
export function outreachCasesSupported(scope: CountScope, fiscalYear: number): SQL {
  const { start, end } = fiscalYearRange(fiscalYear);
  return and(inScopeOffices(scope, outreachCases.officeId), isNotNull(outreachCases.startDate), lte(outreachCases.startDate, end), or(isNull(outreachCases.endDate), gte(outreachCases.endDate, start)))!;
}

/** The columns counting the persons supported in the year, and of them those started before it (継続). */
function personColumns(fiscalYear: number) {
  const { start } = fiscalYearRange(fiscalYear);
  return {
    persons: sql<number>`count(DISTINCT ${outreachCases.personId})`,
    continuing: sql<number>`count(DISTINCT CASE WHEN ${outreachCases.startDate} < ${start} THEN ${outreachCases.personId} END)`,
  };
}

/** The persons supported in the year (新規・継続), unduplicated: the total of the yearly figures, alone (one query). */
export function outreachPersonsIn(countScope: CountScope, fiscalYear: number): Pick<OutreachFigures, "persons" | "newPersons" | "continuingPersons"> {
  const r = getDb().select(personColumns(fiscalYear)).from(outreachCases).where(outreachCasesSupported(countScope, fiscalYear)).get()!;
  return { persons: r.persons, continuingPersons: r.continuing, newPersons: r.persons - r.continuing };
}

export function outreachYearSummaryIn(countScope: CountScope, fiscalYear: number): Omit<OutreachYearSummary, "scope"> {
  const condition = inScopeOffices(countScope, outreachCases.officeId);
  const { start, end } = fiscalYearRange(fiscalYear);
  const db = getDb();
  const supported = outreachCasesSupported(countScope, fiscalYear);
  const columns = personColumns(fiscalYear);
  const personsTotal = outreachPersonsIn(countScope, fiscalYear);
  const personsByKind = db
    .select({ teamKind: outreachCases.teamKind, ...columns })
    .from(outreachCases)
    .where(supported)
    .groupBy(outreachCases.teamKind)
    .all();

  const contactRows = db
    .select({ teamKind: outreachCases.teamKind, contactType: outreachContacts.contactType, n: count(), met: sql<number>`coalesce(sum(${outreachContacts.metPerson}), 0)` })
    .from(outreachContacts)
    .innerJoin(outreachCases, eq(outreachCases.id, outreachContacts.outreachCaseId))
    .where(and(condition, between(outreachContacts.date, start, end)))
    .groupBy(outreachCases.teamKind, outreachContacts.contactType)
    .all();

  const outcomeRows = db
    .select({ teamKind: outreachCases.teamKind, outcome: outreachOutcomes.outcome, n: sql<number>`count(DISTINCT ${outreachOutcomes.outreachCaseId})` })
    .from(outreachOutcomes)
    .innerJoin(outreachCases, eq(outreachCases.id, outreachOutcomes.outreachCaseId))
    .where(and(condition, between(outreachOutcomes.date, start, end)))
    .groupBy(outreachCases.teamKind, outreachOutcomes.outcome)
    .all();

  const withOutcomeRows = db
    .select({ teamKind: outreachCases.teamKind, n: sql<number>`count(DISTINCT ${outreachOutcomes.outreachCaseId})` })
    .from(outreachOutcomes)
    .innerJoin(outreachCases, eq(outreachCases.id, outreachOutcomes.outreachCaseId))
    .where(and(condition, between(outreachOutcomes.date, start, end)))
    .groupBy(outreachCases.teamKind)
    .all();

  const closedRows = db
    .select({
      teamKind: outreachCases.teamKind,
      n: count(),
      started: sql<number>`count(${outreachCases.startDate})`,
      days: sql<number>`coalesce(sum(julianday(${outreachCases.endDate}) - julianday(${outreachCases.startDate})), 0)`,
    })
    .from(outreachCases)
    .where(and(condition, eq(outreachCases.status, "closed"), between(outreachCases.endDate, start, end)))
    .groupBy(outreachCases.teamKind)
    .all();

  const byKind = new Map<OutreachTeamKind, OutreachFigures>();
  const figuresOf = (kind: OutreachTeamKind) => byKind.get(kind) ?? byKind.set(kind, emptyFigures()).get(kind)!;
  const total = emptyFigures();
  const closedDays = new Map<OutreachTeamKind | "total", { started: number; days: number }>();

  for (const r of personsByKind) Object.assign(figuresOf(r.teamKind), { persons: r.persons, continuingPersons: r.continuing, newPersons: r.persons - r.continuing });
  Object.assign(total, personsTotal);

  for (const r of contactRows) {
    // Contacts, outcomes and closures belong to one case, hence one team kind: they add up.
    for (const f of [figuresOf(r.teamKind), total]) {
      f.contactsByType[r.contactType] += r.n;
      f.contacts += r.n;
      if (isVisit(r.contactType)) {
        f.visits += r.n;
        f.visitsMet += r.met;
      }
      if (isConference(r.contactType)) f.conferences += r.n;
    }
  }
  for (const r of outcomeRows) for (const f of [figuresOf(r.teamKind), total]) f.outcomes[r.outcome] += r.n;
  for (const r of withOutcomeRows) for (const f of [figuresOf(r.teamKind), total]) f.casesWithOutcome += r.n;
  for (const r of closedRows) {
    for (const [key, f] of [[r.teamKind, figuresOf(r.teamKind)], ["total", total]] as const) {
      f.closedCases += r.n;
      const acc = closedDays.get(key) ?? { started: 0, days: 0 };
      closedDays.set(key, { started: acc.started + r.started, days: acc.days + r.days });
    }
  }
  for (const [key, acc] of closedDays) {
    const f = key === "total" ? total : figuresOf(key);
    f.meanSupportDays = acc.started > 0 ? Math.round(acc.days / acc.started) : null;
  }

  return {
    fiscalYear,
    total,
    byTeamKind: OUTREACH_TEAM_KINDS.filter((k) => byKind.has(k)).map((teamKind) => ({ teamKind, figures: byKind.get(teamKind)! })),
  };
}
