import "server-only";
import { withActor } from "@/lib/api/handler";
import type { ImportType } from "./kinds";
import { templateCsv, templateRows, templateXlsx } from "./template";

/** GET /api/v1/import/templates/<type>.csv|.xlsx: the Japanese headers and one example row (ADR 0043). */
export function templateRoute(type: ImportType, ext: "csv" | "xlsx") {
  return withActor(async (_request, actor) => {
    const rows = templateRows(actor, type);
    const headers = { "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="tsunagu-import-${type}.${ext}"` };
    if (ext === "csv") return new Response(templateCsv(rows), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
    const body = await templateXlsx(rows, type);
    return new Response(new Uint8Array(body), { headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
  });
}
