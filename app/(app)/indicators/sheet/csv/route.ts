import { withActor } from "@/lib/api/handler";
import { getSheetForActor } from "@/lib/dal/indicators/sheet";
import { sheetCsv } from "@/lib/export/sheet-files";
import { getLocale } from "@/lib/i18n/server";
import { sheetDownloadName, sheetParams } from "../_lib/download";

export const dynamic = "force-dynamic";

/** The 自治体情報シート as CSV for Excel (UTF-8 with BOM). */
export const GET = withActor(async (request, actor) => {
  const locale = await getLocale();
  const sheet = getSheetForActor(actor, { ...sheetParams(request, actor), locale });
  return new Response(sheetCsv(sheet, locale), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": sheetDownloadName(sheet, "csv"), "Cache-Control": "no-store" },
  });
});
