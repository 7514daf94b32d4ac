import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { prefectures } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Label, Locale } from "@/lib/domain/codes";
import { asOfLabel, eraYearShort, fiscalYearEraShort } from "@/lib/domain/era-labels";
import { indicatorDefinition } from "@/lib/domain/indicators/definitions";
import { formatFigure, formatNumber, formatTarget, STATUS_LABELS } from "@/lib/domain/indicators/format";
import { BASIC_ROWS, type BasicRow } from "@/lib/domain/indicators/sheet-layout";
import { restatementCountsByCode } from "@/lib/domain/indicators/restated-figures";
import { achievement } from "@/lib/domain/indicators/status";
import type { BreakdownItem, IndicatorTarget, TargetStatus } from "@/lib/domain/indicators/types";
import { fiscalYearRange } from "@/lib/domain/fiscal-year";
import type { Actor } from "../actor";
import { AppError } from "../errors";
import { targetsInForce } from "../indicator-targets";
import { narrativesFor, sheetRowsFor, yearFactsFor } from "../sheet-settings";
import { restatementsForSheet, restatementViews, type RestatementView } from "../year-close";
import { checkedFiscalYear, IndicatorRun } from "./index";
import { resolveIndicatorScope } from "./scope";

/*
 * The 自治体情報シート of one prefecture and fiscal year, laid out like the seeds: the 基本情報
 * (lib/domain/indicators/sheet-layout.ts) and the indicator table (指標 / 目標値 / 実績値 /
 * 具体的な成果・効果) of the indicators the prefecture reports (sheet settings). Every figure is the
 * engine's prefecture-level value, so it links to its records; nothing here is typed twice.
 * Only prefecture staff of that prefecture read it; another prefecture's sheet is forbidden.
 */

export type SheetBasicCell = {
  row: BasicRow;
  code: string;
  label: string;
  /** Printed above this row (the first row of a group). */
  group: string | null;
  /** The group the row belongs to, for files where rows stand alone (「退院率 入院後6か月時点」). */
  section: string | null;
  value: number | null;
  /** The cell as printed: 「1,864,432」, 「5か所以上」, 「有」, 「23」. */
  display: string;
  /** Coverage rows: the total after the slash (「／27」). */
  of: number | null;
  unit: string;
  sharePercent: number | null;
  asOf: string;
  source: string | null;
  missing: string | null;
  /** Restatements of the year that may have moved this figure (ADR 0025). */
  restatements: number;
};

export type SheetIndicatorRow = {
  code: string;
  heading: string;
  name: string;
  value: number | null;
  display: string;
  breakdown: { label: string; display: string }[];
  target: string;
  status: TargetStatus;
  statusLabel: string;
  narrative: string;
  missing: string | null;
  sourceNote: string | null;
  /** Restatements of the year that may have moved this figure (ADR 0025). */
  restatements: number;
};

export type SheetModel = {
  prefectureCode: string;
  prefectureName: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  /** The day the sheet describes its tree and statistics as of: 1 April after the year. */
  sheetDate: string;
  basic: SheetBasicCell[];
  indicators: SheetIndicatorRow[];
  /** Changes to records of the year made after it was locked, newest first: no names, no record numbers. */
  restatements: RestatementView[];
};

export function requireSheetAccess(actor: Actor, prefectureCode: string): void {
  if (!can(actor.role, "read:aggregate:prefecture") || !can(actor.role, "read:indicator:reach")) throw new AppError("not_found", "errors.notFound");
  if (prefectureCode !== actor.prefectureCode) throw new AppError("forbidden", "errors.forbidden");
}

function sourceAsOf(locale: Locale, source: { asOf: string | null; cohortYear: number | null } | undefined): string {
  if (!source) return "";
  if (source.asOf) return asOfLabel(source.asOf, locale);
  return source.cohortYear ? eraYearShort(source.cohortYear, locale) : "";
}

export function getSheetForActor(actor: Actor, o: { prefectureCode: string; fiscalYear: number; locale: Locale }): SheetModel {
  requireSheetAccess(actor, o.prefectureCode);
  const fiscalYear = checkedFiscalYear(o.fiscalYear);
  const { locale } = o;
  const prefecture = getDb().select().from(prefectures).where(eq(prefectures.code, o.prefectureCode)).get();
  if (!prefecture) throw new AppError("not_found", "errors.notFound");
  const scope = resolveIndicatorScope(actor, "prefecture");
  const run = new IndicatorRun(actor);
  const facts = yearFactsFor(o.prefectureCode, fiscalYear);
  const kyogiYear = facts?.kyogiAsOfNextApril ? fiscalYear + 1 : fiscalYear;
  const sheetDate = `${fiscalYearRange(fiscalYear).end.slice(0, 4)}-04-01`;
  const text = (l: Label) => l[locale];
  const restatementRows = restatementsForSheet(o.prefectureCode, fiscalYear);
  const restated = restatementCountsByCode(restatementRows);

  let section: string | null = null;
  const basic: SheetBasicCell[] = BASIC_ROWS.map((row) => {
    if (row.group) section = text(row.group);
    else if (!row.indent) section = null;
    const def = indicatorDefinition(row.code)!;
    const fy = row.asOf === "kyogi" ? kyogiYear : fiscalYear;
    const v = run.value(row.code, scope, fy);
    const asOf =
      row.asOf === "sheetDate"
        ? asOfLabel(sheetDate, locale)
        : row.asOf === "fiscalYear"
          ? fiscalYearEraShort(fiscalYear, locale)
          : row.asOf === "kyogi"
            ? facts?.kyogiAsOfNextApril
              ? asOfLabel(sheetDate, locale)
              : fiscalYearEraShort(fiscalYear, locale)
            : sourceAsOf(locale, v.source);
    // The number alone: the unit has its own column, as on the seeds.
    const display =
      v.value === null ? "—" : def.unit === "presence" ? (v.text?.[locale] ?? "—") : def.kind === "coverage" && v.text ? v.text[locale] : formatNumber(v.value, def.kind === "coverage" ? "places" : def.unit);
    return {
      row,
      code: row.code,
      label: text(row.label),
      group: row.group ? text(row.group) : null,
      section,
      value: v.value,
      display,
      of: def.kind === "coverage" ? (v.denominator ?? null) : null,
      unit: text(row.unit),
      sharePercent: row.share && v.numerator !== undefined && v.denominator ? Math.round((v.numerator / v.denominator) * 1000) / 10 : null,
      asOf,
      source: v.source?.label ?? null,
      missing: v.notComputable ? v.notComputable.reason[locale] : null,
      restatements: restated.get(row.code) ?? 0,
    };
  });

  const targets = targetsInForce(o.prefectureCode, fiscalYear, { level: "prefecture" });
  const narratives = narrativesFor(o.prefectureCode, fiscalYear);
  const indicators: SheetIndicatorRow[] = sheetRowsFor(o.prefectureCode).flatMap(({ indicatorCode, heading }) => {
    const def = indicatorDefinition(indicatorCode);
    if (!def) return [];
    const v = run.value(indicatorCode, scope, fiscalYear);
    const target: IndicatorTarget | null = targets.get(indicatorCode) ?? null;
    const a = achievement(v.value, target, fiscalYear);
    const breakdown = (v.breakdown ?? []).map((b: BreakdownItem) => ({ label: b.label[locale], display: b.suppressed ? "5未満" : b.value === null ? "—" : formatNumber(b.value, def.unit) }));
    return [
      {
        code: indicatorCode,
        heading: heading ?? def.name[locale],
        name: def.name[locale],
        value: v.value,
        display: def.kind === "qualitative" && v.text ? v.text[locale] : formatFigure(v, def.unit, def.kind, locale),
        breakdown,
        target: formatTarget(target, def.unit, locale, { fiscalYear }),
        status: a.status,
        statusLabel: STATUS_LABELS[a.status][locale],
        narrative: narratives.get(indicatorCode) ?? "",
        missing: v.notComputable ? v.notComputable.reason[locale] : null,
        sourceNote: v.source ? `${v.source.label}${v.source.asOf ? `（${asOfLabel(v.source.asOf, locale)}）` : v.source.cohortYear ? `（${eraYearShort(v.source.cohortYear, locale)}）` : ""}` : null,
        restatements: restated.get(indicatorCode) ?? 0,
      },
    ];
  });

  return {
    prefectureCode: prefecture.code,
    prefectureName: locale === "ja" ? prefecture.name : prefecture.nameEn,
    fiscalYear,
    fiscalYearLabel: fiscalYearEraShort(fiscalYear, locale),
    sheetDate,
    basic,
    indicators,
    restatements: restatementViews(restatementRows, locale),
  };
}
