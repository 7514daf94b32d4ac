import "server-only";
import { readIndicatorParams } from "@/app/(app)/indicators/_lib/params";
import { getIndicatorDetailForActor, type AreaRow } from "@/lib/dal/indicators";
import { auditExport, checkExportRate } from "@/lib/dal/exports";
import type { Actor } from "@/lib/dal/actor";
import type { Locale } from "@/lib/domain/codes";
import { SMALL_CELL_TEXT } from "@/lib/domain/indicators/format";
import type { Translate } from "@/lib/i18n/translate";
import type { QueryValues } from "@/lib/list-url";
import type { ExportFormat, ExportRefusal, OpenedExport } from "./lists";
import type { Cell } from "./stream";

/*
 * An indicator's figures as a file (ADR 0044), for everyone who reads the indicator page and
 * prefecture staff above all: aggregates only — the figure of the scope, then per region and per
 * office as the page's area tables show them, with the same small-number suppression (a
 * suppressed cell is 「5未満」, never the number, its numerator or its denominator). The records
 * behind the figure (the drill-down list) are not exported: they are person records.
 */

type Ctx = { t: Translate; locale: Locale };

function areaLine(level: string, r: AreaRow, locale: Locale): Cell[] {
  if (r.suppressed) return [level, r.scope.label[locale], SMALL_CELL_TEXT[locale], null, null];
  return [level, r.scope.label[locale], r.value, r.numerator ?? null, r.denominator ?? null];
}

export async function openIndicatorExport(actor: Actor, code: string, params: QueryValues, format: ExportFormat, ctx: Ctx, options: { exportsPerHour?: number; now?: Date } = {}): Promise<OpenedExport | ExportRefusal> {
  const { fiscalYear, scope } = await readIndicatorParams(Promise.resolve(params));
  // The role, the scope in reach and the suppression: the page's own function decides them.
  const detail = getIndicatorDetailForActor(actor, code, { fiscalYear, scope });
  const rate = checkExportRate(actor, "sheet_indicator", "indicator", options);
  if (!rate.ok) return { ok: false, status: 429, error: "throttled", limit: rate.limit };
  const { t, locale } = ctx;
  const f = detail.figure;
  const own: Cell[] = [
    t("export.indicator.scope"),
    detail.scope.label[locale],
    f.suppressed ? SMALL_CELL_TEXT[locale] : f.value,
    f.suppressed ? null : (f.numerator ?? null),
    f.suppressed ? null : (f.denominator ?? null),
  ];
  const lines: Cell[][] = [own, ...detail.byRegion.map((r) => areaLine(t("indicators.detail.byRegion"), r, locale)), ...detail.byOffice.map((r) => areaLine(t("indicators.detail.byOffice"), r, locale))];
  auditExport(actor, {
    entityType: "sheet_indicator",
    entityId: code,
    list: "indicator",
    format,
    filter: { code, fiscalYear, scope: detail.scope.param },
    sort: { sort: "area", dir: "asc" },
    rows: lines.length,
    withIdentity: false,
    reason: null,
  });
  const header = [t("export.indicator.level"), t("export.indicator.area"), t("export.indicator.value"), t("indicators.detail.numerator"), t("indicators.detail.denominator")];
  function* batches(): Generator<Cell[][]> {
    yield lines;
  }
  return { ok: true, title: `${f.definition.code}_${f.definition.name[locale]}_${fiscalYear}`, header, total: lines.length, withIdentity: false, batches: batches() };
}
