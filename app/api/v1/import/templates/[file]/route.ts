import { apiError, withActor } from "@/lib/api/handler";
import { isImportType } from "@/lib/import/kinds";
import { templateCsv, templateRows, templateXlsx } from "@/lib/import/template";

export const dynamic = "force-dynamic";

/** GET /api/v1/import/templates/<type>.csv|.xlsx: the Japanese headers and one example row (ADR 0043). */
export const GET = withActor(async (request, actor) => {
  const name = decodeURIComponent(new URL(request.url).pathname.split("/").at(-1) ?? "");
  const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(name);
  if (!match || !isImportType(match[1]!)) return apiError(404, "not_found", "errors.notFound");
  const [, type, ext] = match as unknown as [string, typeof match[1] & Parameters<typeof templateRows>[1], "csv" | "xlsx"];
  const rows = templateRows(actor, type);
  const headers = { "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="tsunagu-import-${type}.${ext}"` };
  if (ext === "csv") return new Response(templateCsv(rows), { headers: { ...headers, "Content-Type": "text/csv; charset=utf-8" } });
  const body = await templateXlsx(rows, type);
  return new Response(new Uint8Array(body), { headers: { ...headers, "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } });
});
