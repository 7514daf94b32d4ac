import "server-only";
import { and, between, eq, exists, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outreachCaseTargets, outreachCases, outreachContacts, outreachOutcomes } from "@/db/schema";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import { CONFERENCE_CONTACT_TYPES, VISIT_CONTACT_TYPES } from "@/lib/domain/outreach-rules";
import type { OutreachOutcome } from "@/lib/domain/outreach-codes";
import { inScopeOffices } from "../count-scope";
import { outreachCasesSupported, outreachPersonsIn, outreachYearSummaryIn } from "../outreach-summary";
import { outreachMeetingsOf } from "./activity";
import { countOf, ja, shareOf, type ComputeFn, type IndicatorContext, type RecordGroup } from "./context";

/*
 * Outreach indicators (A10–A13): A10 and A11 read the yearly figures of
 * lib/dal/outreach-summary.ts (what the outreach list shows); A12/A13 are rates over the cases
 * closed in the year whose targets include 未治療 or 治療中断 (brief §8.3).
 */

const summary = (ctx: IndicatorContext) => ctx.memo("outreach", () => outreachYearSummaryIn(ctx.scope, ctx.fiscalYear));

function contactIds(ctx: IndicatorContext, types: readonly string[]): RecordGroup[] {
  const { start, end } = fiscalYearRange(ctx.fiscalYear);
  const rows = getDb()
    .select({ id: outreachContacts.id })
    .from(outreachContacts)
    .innerJoin(outreachCases, eq(outreachCases.id, outreachContacts.outreachCaseId))
    .where(and(inScopeOffices(ctx.scope, outreachCases.officeId), between(outreachContacts.date, start, end), inArray(outreachContacts.contactType, [...types] as never[])))
    .orderBy(outreachContacts.date)
    .all();
  return [{ kind: "outreach_contact", ids: rows.map((r) => r.id) }];
}

/** Cases closed in the year whose targets include untreated or treatment interrupted. */
function closedTargetCases(ctx: IndicatorContext, outcome: OutreachOutcome): { ids: string[]; withOutcome: Set<string> } {
  const { start, end } = fiscalYearRange(ctx.fiscalYear);
  const db = getDb();
  const rows = db
    .select({
      id: outreachCases.id,
      reached: sql<number>`${exists(db.select({ one: sql`1` }).from(outreachOutcomes).where(and(eq(outreachOutcomes.outreachCaseId, outreachCases.id), eq(outreachOutcomes.outcome, outcome))))}`,
    })
    .from(outreachCases)
    .where(
      and(
        inScopeOffices(ctx.scope, outreachCases.officeId),
        eq(outreachCases.status, "closed"),
        between(outreachCases.endDate, start, end),
        exists(db.select({ one: sql`1` }).from(outreachCaseTargets).where(and(eq(outreachCaseTargets.outreachCaseId, outreachCases.id), inArray(outreachCaseTargets.target, ["untreated", "treatment_interrupted"])))),
      ),
    )
    .orderBy(outreachCases.endDate)
    .all();
  return { ids: rows.map((r) => r.id), withOutcome: new Set(rows.filter((r) => r.reached).map((r) => r.id)) };
}

function outcomeRate(outcome: OutreachOutcome): ComputeFn {
  return (ctx) => {
    const c = ctx.memo(`closed-${outcome}`, () => closedTargetCases(ctx, outcome));
    return shareOf(c.withOutcome.size, c.ids.length, () => [{ kind: "outreach_case", ids: c.ids }]);
  };
}

export const OUTREACH_INDICATORS: Record<string, ComputeFn> = {
  A10: (ctx) => {
    // The persons alone (one query), not the whole summary: the dashboard charts A10 over five years.
    const t = ctx.memo("outreachPersons", () => outreachPersonsIn(ctx.scope, ctx.fiscalYear));
    return countOf(
      t.persons,
      () => [{ kind: "outreach_case", ids: getDb().select({ id: outreachCases.id }).from(outreachCases).where(outreachCasesSupported(ctx.scope, ctx.fiscalYear)).orderBy(outreachCases.startDate).all().map((r) => r.id) }],
      {
        breakdown: [
          { key: "new", label: ja("新規", "New"), value: t.newPersons },
          { key: "continuing", label: ja("継続", "Continuing"), value: t.continuingPersons },
        ],
      },
    );
  },
  A11: (ctx) => countOf(summary(ctx).total.visits, () => contactIds(ctx, VISIT_CONTACT_TYPES), { breakdown: [{ key: "met", label: ja("うち本人に会えた", "of which the person was met"), value: summary(ctx).total.visitsMet }] }),
  "A11.meetings": (ctx) => {
    const conferences = summary(ctx).total.conferences;
    const meetings = outreachMeetingsOf(ctx);
    return countOf(conferences + meetings.count, () => [...contactIds(ctx, CONFERENCE_CONTACT_TYPES), ...meetings.records()], {
      breakdown: [
        { key: "case_conference", label: ja("ケース会議", "Case conferences"), value: conferences },
        { key: "meetings", label: ja("事例検討会・連絡会議", "Case reviews and liaison meetings"), value: meetings.count },
      ],
    });
  },
  A12: outcomeRate("linked_to_care"),
  A13: outcomeRate("service_started"),
};
