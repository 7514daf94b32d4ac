import "server-only";
import type { Actor } from "@/lib/dal/actor";
import type { SheetModel } from "@/lib/dal/indicators/sheet";
import { currentFiscalYear } from "@/lib/domain/fiscal-year";

/** `?prefecture=33&fy=2021` of a download (the page's own parameters). */
export function sheetParams(request: Request, actor: Actor): { prefectureCode: string; fiscalYear: number } {
  const url = new URL(request.url);
  const fy = Number(url.searchParams.get("fy"));
  return { prefectureCode: url.searchParams.get("prefecture") ?? actor.prefectureCode, fiscalYear: Number.isInteger(fy) && fy > 0 ? fy : currentFiscalYear() };
}

/** 「自治体情報シート_33_2021.xlsx」, with the Japanese name for browsers that read filename*. */
export function sheetDownloadName(sheet: SheetModel, ext: "xlsx" | "csv"): string {
  const ascii = `jichitai-sheet_${sheet.prefectureCode}_${sheet.fiscalYear}.${ext}`;
  const utf8 = encodeURIComponent(`自治体情報シート_${sheet.prefectureName}_${sheet.fiscalYearLabel}.${ext}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
