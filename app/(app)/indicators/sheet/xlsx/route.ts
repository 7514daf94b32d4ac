import { withActor } from "@/lib/api/handler";
import { getSheetForActor } from "@/lib/dal/indicators/sheet";
import { sheetXlsx } from "@/lib/export/sheet-files";
import { getLocale } from "@/lib/i18n/server";
import { sheetDownloadName, sheetParams } from "../_lib/download";

export const dynamic = "force-dynamic";

/** The 自治体情報シート as an Excel workbook, laid out like the page. */
export const GET = withActor(async (request, actor) => {
  const locale = await getLocale();
  const sheet = getSheetForActor(actor, { ...sheetParams(request, actor), locale });
  const body = await sheetXlsx(sheet, locale);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": sheetDownloadName(sheet, "xlsx"),
      "Cache-Control": "no-store",
    },
  });
});
