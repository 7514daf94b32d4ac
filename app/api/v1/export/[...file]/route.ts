import { withActor, apiError } from "@/lib/api/handler";
import { openCaseExport } from "@/lib/export/case-export";
import { openIndicatorExport } from "@/lib/export/indicator-export";
import { isExportListKey, openListExport } from "@/lib/export/lists";
import { csvStream, xlsxStream } from "@/lib/export/stream";
import { getLocale, getT } from "@/lib/i18n/server";
import { firstValues } from "@/lib/list-url";

export const dynamic = "force-dynamic";

/** Query parameters of the export itself, not of the list (kept out of the list's filter and the audit's). */
const OWN_PARAMS = ["identity", "reason"];

/** Today in JST, `2026-12-06`, for the file name. */
function jstDate(): string {
  return new Date(Date.now() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * `GET /api/v1/export/<list>.csv|.xlsx` (ADR 0044), and `case.csv|.xlsx?id=<case>` for one case's
 * records: the list's rows under the same query as its
 * page (all pages, same order), streamed. The data layer checks the role and scopes the rows
 * (the list's own function), decides identity (`identity=1&reason=…`, supervisors only), throttles
 * (429 with Retry-After) and writes the `export` audit row before the first byte goes out.
 */
export const GET = withActor(async (request, actor) => {
  // One segment only (a catch-all route, so the route table needs no sample record): `<list>.<format>`.
  const file = new URL(request.url).pathname.replace(/^\/api\/v1\/export\//, "");
  const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(file);
  const key = match?.[1] ?? "";
  if (!match || (key !== "case" && key !== "indicator" && !isExportListKey(key))) return apiError(404, "not_found", "export.errors.notFound");
  const format = match[2] === "xlsx" ? "xlsx" : "csv";
  const search = new URL(request.url).searchParams;
  const params = firstValues(Object.fromEntries([...search.keys()].filter((k) => !OWN_PARAMS.includes(k)).map((k) => [k, search.get(k) ?? undefined])));
  const identity = { requested: search.get("identity") === "1", reason: search.get("reason") ?? undefined };
  const t = await getT();
  const locale = await getLocale();
  // `case.csv?id=…`: one case's records (the case page); `indicator.csv?code=…&fy=…&scope=…`: an
  // indicator's figures per area (aggregates, suppressed as on screen); every other key is a list.
  const opened = isExportListKey(key)
    ? await openListExport(actor, key, params, identity, format, { t, locale })
    : key === "case"
      ? openCaseExport(actor, params.id ?? "", identity, format, { t, locale })
      : await openIndicatorExport(actor, params.code ?? "", params, format, { t, locale });
  if (!opened.ok) {
    if (opened.status === 429) {
      return new Response(t("export.errors.throttled", { limit: opened.limit }), {
        status: 429,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "3600", "Cache-Control": "no-store" },
      });
    }
    return apiError(400, opened.error, "export.errors.reasonRequired");
  }
  const name = `${opened.title}_${jstDate()}.${format}`;
  const disposition = `attachment; filename="${key}_${jstDate()}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`;
  const body = format === "csv" ? csvStream(opened.header, opened.batches) : xlsxStream(opened.title, opened.header, opened.batches);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": disposition,
      "Cache-Control": "no-store",
      "X-Export-Rows": String(opened.total),
    },
  });
});
