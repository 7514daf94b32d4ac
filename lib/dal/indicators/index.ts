import "server-only";
import { indicatorDefinition, indicatorsForScope } from "@/lib/domain/indicators/definitions";
import { achievement, type Achievement } from "@/lib/domain/indicators/status";
import { isSmallCount, suppressedCells, suppressedHierarchy } from "@/lib/domain/indicators/suppression";
import type { BreakdownItem, IndicatorDefinition, IndicatorGroup, IndicatorTarget, IndicatorValue } from "@/lib/domain/indicators/types";
import { OFFICE_REACH } from "@/lib/auth/permissions";
import { currentFiscalYear, todayIso } from "@/lib/domain/fiscal-year";
import { FIRST_FISCAL_YEAR } from "@/lib/preferences";
import type { Actor } from "../actor";
import { AppError } from "../errors";
import { targetsInForce } from "../indicator-targets";
import { IndicatorContext, type Computed, type RecordGroup } from "./context";
import { computeFor } from "./registry";
import { indicatorGeneration, isKeptFigure, keptFigure } from "./figure-cache";
import { prefetchTrend } from "./trend";
import { countScopeFor, indicatorScopesForActor, resolveIndicatorScope, seesWholePrefecture, topLevelOffices, type IndicatorScope } from "./scope";

/*
 * The indicator engine's entry points: the dashboard (every indicator of a scope and year, with
 * its target and status), one indicator's detail (trend, breakdown by area, the records behind
 * it) and, in sheet.ts, the 自治体情報シート. Every figure is computed from the records (no nightly
 * job), and kept only until the next write of its prefecture's inputs (figure-cache.ts, ADR 0055),
 * so a saved record shows in the next request.
 *
 * Privacy (brief §7.2): prefecture staff see counts and pseudonymous rows only. Below the
 * prefecture (a region, an office, per-area breakdowns), a count of persons from 1 to 4 reads
 * 「5未満」 for them, with complementary suppression over the areas side by side, and the rows
 * behind a hidden count are not listed. The prefecture's own figures are shown as they are.
 */

export type IndicatorFigure = IndicatorValue & {
  definition: IndicatorDefinition;
  target: IndicatorTarget | null;
  achievement: Achievement;
};


export function checkedFiscalYear(fy: number): number {
  if (!Number.isInteger(fy) || fy < FIRST_FISCAL_YEAR || fy > currentFiscalYear()) throw new AppError("not_found", "errors.yearOutOfRange");
  return fy;
}

/** One computation run: contexts per scope and year are shared, so each summary is read once. */
export class IndicatorRun {
  private readonly contexts = new Map<string, IndicatorContext>();
  readonly today = todayIso();
  constructor(readonly actor: Actor) {}

  context(scope: IndicatorScope, fiscalYear: number): IndicatorContext {
    const key = `${scope.param}|${fiscalYear}`;
    let ctx = this.contexts.get(key);
    if (!ctx) {
      ctx = new IndicatorContext(countScopeFor(this.actor, scope), scope.ref, fiscalYear, this.today);
      this.contexts.set(key, ctx);
    }
    return ctx;
  }

  raw(code: string, scope: IndicatorScope, fiscalYear: number): Computed {
    const ctx = this.context(scope, fiscalYear);
    // `indicator:<code>` may be handed in by the trend (C1, C2 for several years at once): kept all the same.
    const compute = () => ctx.memo(`indicator:${code}`, () => computeFor(code)(ctx));
    return ctx.memo(`figure:${code}`, () => keptFigure(this.keyOf(code, scope, fiscalYear), this.generation(), compute, () => computeFor(code)(ctx)));
  }

  /** Read the summaries of the years whose figures are not kept, family by family, all years at once (trend.ts). */
  prefetchTrend(scope: IndicatorScope, fiscalYears: readonly number[], codes: readonly string[]): void {
    const missing = fiscalYears.filter((fy) => codes.some((c) => !this.isKept(c, scope, fy)));
    prefetchTrend(
      missing.map((fy) => this.context(scope, fy)),
      codes,
    );
  }

  /** Whether the figure is kept from an earlier request (so its summaries need not be read). */
  isKept(code: string, scope: IndicatorScope, fiscalYear: number): boolean {
    return isKeptFigure(this.keyOf(code, scope, fiscalYear), this.generation());
  }

  /** The prefecture's generation of inputs, read once per run and before any figure is computed (figure-cache.ts). */
  private generation(): number {
    this.inputGeneration ??= indicatorGeneration(this.actor.prefectureCode);
    return this.inputGeneration;
  }
  private inputGeneration: number | undefined;

  /** What a figure depends on besides the records: the scope, the actor's reach within it, the year and the day. */
  private keyOf(code: string, scope: IndicatorScope, fiscalYear: number): string {
    this.reach ??= seesWholePrefecture(this.actor) ? "*" : `${OFFICE_REACH[this.actor.role]}:${[...this.actor.assignedOfficeIds].sort().join(",")}`;
    return `${this.actor.prefectureCode}|${scope.param}|${this.reach}|${fiscalYear}|${this.today}|${code}`;
  }
  private reach: string | undefined;

  /** Prefecture staff below the prefecture see person counts suppressed. */
  suppresses(scope: IndicatorScope): boolean {
    return seesWholePrefecture(this.actor) && scope.level !== "prefecture";
  }

  /** The figure as this actor may see it. */
  value(code: string, scope: IndicatorScope, fiscalYear: number): IndicatorValue & { records?: () => RecordGroup[] } {
    const def = indicatorDefinition(code)!;
    const computed = this.raw(code, scope, fiscalYear);
    const base = { code, fiscalYear, ...computed };
    if (!this.suppresses(scope) || !def.countsPersons) return base;
    if (this.hidden(def, scope, fiscalYear)) {
      const { records: _hiddenRecords, ...rest } = base;
      return { ...rest, value: null, numerator: undefined, denominator: undefined, n: undefined, suppressed: true, breakdown: rest.breakdown?.map((b) => ({ ...b, value: null, suppressed: true })) };
    }
    return { ...base, breakdown: suppressBreakdown(base.breakdown) };
  }

  /**
   * Whether a person figure at this scope is hidden from prefecture staff: a rate or mean whose
   * parts are small; a count hidden in the plan over the regions and offices side by side; a 支所
   * viewed alone when it, its office's own part (the office less its branches) or its office is.
   */
  hidden(def: IndicatorDefinition, scope: IndicatorScope, fiscalYear: number): boolean {
    const own = this.raw(def.code, scope, fiscalYear);
    if (revealsFewPersons(def, own)) return true;
    if (def.kind !== "count" || scope.level === "prefecture") return false;
    const plan = this.plan(def, fiscalYear);
    if (plan.has(scope.param)) return true;
    if (scope.level === "office" && scope.parentParam) {
      const parent = this.scopes().find((s) => s.param === scope.parentParam);
      if (!parent) return false;
      if (plan.has(parent.param)) return true;
      const branches = this.scopes().filter((s) => s.parentParam === parent.param);
      const ownPart = (this.raw(def.code, parent, fiscalYear).value ?? 0) - branches.reduce((sum, b) => sum + (this.raw(def.code, b, fiscalYear).value ?? 0), 0);
      return isSmallCount(ownPart);
    }
    return false;
  }

  scopes(): IndicatorScope[] {
    this.allScopes ??= indicatorScopesForActor(this.actor);
    return this.allScopes;
  }
  private allScopes: IndicatorScope[] | undefined;
  private readonly plans = new Map<string, Set<string>>();

  /** The regions and the offices in them (支所 rolled up), suppressed together (suppressedHierarchy). */
  plan(def: IndicatorDefinition, fiscalYear: number): Set<string> {
    const key = `${def.code}|${fiscalYear}`;
    let plan = this.plans.get(key);
    if (!plan) {
      const all = this.scopes();
      const tops = topLevelOffices(all);
      const value = (s: IndicatorScope) => this.raw(def.code, s, fiscalYear).value;
      plan = suppressedHierarchy(
        all
          .filter((s) => s.level === "region")
          .map((r) => ({ key: r.param, value: value(r), offices: tops.filter((o) => o.regionId === r.regionId).map((o) => ({ key: o.param, value: value(o) })) })),
      );
      this.plans.set(key, plan);
    }
    return plan;
  }
}

/** A count of 1–4 persons, or a rate or mean whose parts could name fewer than five. */
function revealsFewPersons(def: IndicatorDefinition, v: Computed): boolean {
  if (def.kind === "count") return isSmallCount(v.value);
  if (def.kind === "ratio") {
    const num = v.numerator ?? 0;
    const den = v.denominator ?? 0;
    return isSmallCount(num) || isSmallCount(den) || isSmallCount(den - num);
  }
  return isSmallCount(v.n);
}

function suppressBreakdown(items: BreakdownItem[] | undefined): BreakdownItem[] | undefined {
  if (!items) return items;
  const hidden = suppressedCells(items.map((b) => ({ key: b.key, value: b.value })));
  return items.map((b) => (hidden.has(b.key) ? { ...b, value: null, suppressed: true } : b));
}

function targetScopeOf(scope: IndicatorScope) {
  return scope.ref;
}

function figure(run: IndicatorRun, def: IndicatorDefinition, scope: IndicatorScope, fiscalYear: number, targets: Map<string, IndicatorTarget>): IndicatorFigure {
  const { records: _records, ...value } = run.value(def.code, scope, fiscalYear);
  const target = targets.get(def.code) ?? null;
  return { ...value, definition: def, target, achievement: achievement(value.suppressed ? null : value.value, target, fiscalYear) };
}

// ---------------------------------------------------------------------------------------
// Dashboard

export type IndicatorBoard = {
  fiscalYear: number;
  scope: IndicatorScope;
  scopes: IndicatorScope[];
  suppressed: boolean;
  groups: { group: IndicatorGroup; figures: IndicatorFigure[] }[];
  /** Fiscal years of the trend, oldest first, and the trend of the headline indicators. */
  trendYears: number[];
  trends: { code: string; values: (number | null)[] }[];
};

const GROUP_ORDER: IndicatorGroup[] = ["seed", "activity", "case", "basic"];

/** Indicators charted over the years on the dashboard (the rest on their own pages). */
export const HEADLINE_CODES = ["C1", "C2", "A9", "A10", "S3", "A1"] as const;

export function trendYearsEnding(fiscalYear: number, count = 5): number[] {
  const from = Math.max(FIRST_FISCAL_YEAR, fiscalYear - count + 1);
  return Array.from({ length: fiscalYear - from + 1 }, (_, i) => from + i);
}

export function getIndicatorBoardForActor(actor: Actor, o: { fiscalYear: number; scope?: string | null; trends?: boolean }): IndicatorBoard {
  const scope = resolveIndicatorScope(actor, o.scope);
  const fiscalYear = checkedFiscalYear(o.fiscalYear);
  const run = new IndicatorRun(actor);
  const targets = targetsInForce(actor.prefectureCode, fiscalYear, targetScopeOf(scope));
  const defs = indicatorsForScope(scope.level);
  const groups = GROUP_ORDER.map((group) => ({ group, figures: defs.filter((d) => d.group === group).map((d) => figure(run, d, scope, fiscalYear, targets)) })).filter((g) => g.figures.length > 0);
  const trendYears = o.trends === false ? [] : trendYearsEnding(fiscalYear);
  const trendCodes = (o.trends === false ? [] : HEADLINE_CODES).filter((c) => indicatorDefinition(c)!.scopes.includes(scope.level));
  run.prefetchTrend(scope, trendYears, trendCodes);
  const trends = trendCodes.map((code) => ({
    code,
    values: trendYears.map((fy) => {
      const v = run.value(code, scope, fy);
      return v.suppressed ? null : v.value;
    }),
  }));
  return { fiscalYear, scope, scopes: indicatorScopesForActor(actor), suppressed: run.suppresses(scope), groups, trendYears, trends };
}

// ---------------------------------------------------------------------------------------
// One indicator

export type AreaRow = { scope: IndicatorScope; value: number | null; suppressed: boolean; numerator?: number; denominator?: number };

export type IndicatorDetail = {
  fiscalYear: number;
  scope: IndicatorScope;
  scopes: IndicatorScope[];
  figure: IndicatorFigure;
  trend: { fiscalYear: number; value: number | null; target: number | null }[];
  /** Per region and per office (支所 rolled up), below the scope shown; empty for an office. */
  byRegion: AreaRow[];
  byOffice: AreaRow[];
  /** The records behind the figure, or null when they are not listed (suppressed). */
  records: RecordGroup[] | null;
  /** Ids of offices (with their 支所) whose records are not listed because their count is suppressed. */
  hiddenOffices: string[];
};

function areaRows(run: IndicatorRun, def: IndicatorDefinition, scopes: IndicatorScope[], fiscalYear: number): AreaRow[] {
  return scopes.map((s) => {
    const v = run.raw(def.code, s, fiscalYear);
    if (seesWholePrefecture(run.actor) && def.countsPersons && run.hidden(def, s, fiscalYear)) return { scope: s, value: null, suppressed: true };
    return { scope: s, value: v.value, suppressed: false, ...(v.numerator !== undefined ? { numerator: v.numerator, denominator: v.denominator } : {}) };
  });
}

export function getIndicatorDetailForActor(actor: Actor, code: string, o: { fiscalYear: number; scope?: string | null }): IndicatorDetail {
  const def = indicatorDefinition(code);
  if (!def) throw new AppError("not_found", "errors.notFound");
  const scope = resolveIndicatorScope(actor, o.scope);
  if (!def.scopes.includes(scope.level)) throw new AppError("not_found", "errors.notFound");
  const fiscalYear = checkedFiscalYear(o.fiscalYear);
  const run = new IndicatorRun(actor);
  const figureNow = figure(run, def, scope, fiscalYear, targetsInForce(actor.prefectureCode, fiscalYear, targetScopeOf(scope)));
  const trendYears = trendYearsEnding(fiscalYear, 7);
  run.prefetchTrend(scope, trendYears, [code]);
  const trend = trendYears.map((fy) => {
    const v = run.value(code, scope, fy);
    const t = targetsInForce(actor.prefectureCode, fy, targetScopeOf(scope)).get(code);
    return { fiscalYear: fy, value: v.suppressed ? null : v.value, target: t && t.fiscalYear === fy ? t.value : null };
  });
  const all = run.scopes();
  const below = (s: IndicatorScope) => (scope.level === "prefecture" ? true : scope.level === "region" ? s.regionId === scope.regionId : false);
  const byRegion = scope.level === "prefecture" && def.scopes.includes("region") ? areaRows(run, def, all.filter((s) => s.level === "region"), fiscalYear) : [];
  const byOffice = scope.level !== "office" && def.scopes.includes("office") ? areaRows(run, def, topLevelOffices(all).filter(below), fiscalYear) : [];

  const value = run.value(code, scope, fiscalYear);
  let records: RecordGroup[] | null = value.records ? value.records() : null;
  let hiddenOffices: string[] = [];
  if (value.suppressed) records = null;
  else if (records && seesWholePrefecture(actor) && def.countsPersons) {
    // Rows name their office: those of an office whose count is hidden would show it.
    hiddenOffices = byOffice.flatMap((r) => (r.suppressed && r.scope.ref.level === "office" ? [r.scope.ref.officeId] : []));
  }
  return { fiscalYear, scope, scopes: all, figure: figureNow, trend, byRegion, byOffice, records, hiddenOffices };
}


/** A few figures of the actor's default scope for the start page (each links to its indicator page). */
export function getHeadlineFiguresForActor(actor: Actor, fiscalYear: number, codes: readonly string[]): { scope: IndicatorScope; figures: IndicatorFigure[] } {
  const scope = resolveIndicatorScope(actor, null);
  const run = new IndicatorRun(actor);
  const targets = targetsInForce(actor.prefectureCode, fiscalYear, targetScopeOf(scope));
  const defs = codes.map((c) => indicatorDefinition(c)).filter((d): d is IndicatorDefinition => !!d && d.scopes.includes(scope.level));
  return { scope, figures: defs.map((d) => figure(run, d, scope, fiscalYear, targets)) };
}
