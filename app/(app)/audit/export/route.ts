import { withActor } from "@/lib/api/handler";
import { AUDIT_EXPORT_MAX_ROWS, exportAuditForActor } from "@/lib/dal/audit-view";
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS, ROLE_LABELS, type AuditEntityType } from "@/lib/domain/codes";
import { toCsv } from "@/lib/export/csv";
import { getLocale, getT } from "@/lib/i18n/server";
import { parseAuditViewFilter } from "@/lib/validation/audit-view";

export const dynamic = "force-dynamic";

/** An instant as JST wall-clock time, `2026-12-06 21:30:05`, the way Excel reads a date. */
function jst(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 60 * 60 * 1000).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * The filtered audit rows as CSV for Excel (UTF-8 with BOM, ADR 0041). The DAL scopes the rows,
 * leaves the detail out for roles that may not read it, audits the export and throttles it:
 * over the hourly limit this answers 429 with the reason in the user's language.
 */
export const GET = withActor(async (request, actor) => {
  const t = await getT();
  const locale = await getLocale();
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  const result = exportAuditForActor(actor, parseAuditViewFilter(params));
  if (!result.ok) {
    return new Response(t("auditView.throttled", { limit: result.limit }), {
      status: 429,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "3600", "Cache-Control": "no-store" },
    });
  }
  const header = [
    t("auditView.column.at"),
    t("auditView.column.user"),
    t("auditView.column.role"),
    t("auditView.column.action"),
    t("auditView.filter.entityType"),
    t("auditView.filter.entityId"),
    t("auditView.column.office"),
    t("auditView.column.ip"),
    ...(result.withDetail ? [t("auditView.column.detail")] : []),
  ];
  const rows = result.rows.map((r) => [
    jst(r.at),
    r.actorUsername,
    r.actorRole ? ROLE_LABELS[r.actorRole][locale] : t("auditView.system"),
    AUDIT_ACTION_LABELS[r.action][locale],
    AUDIT_ENTITY_LABELS[r.entityType as AuditEntityType]?.[locale] ?? r.entityType,
    r.entityId,
    r.recordOfficeId,
    r.ip,
    ...(result.withDetail ? [r.detail ?? null] : []),
  ]);
  const trailer = result.truncated ? [[t("auditView.csv.truncated", { max: AUDIT_EXPORT_MAX_ROWS })]] : [];
  const stamp = jst(new Date().toISOString()).slice(0, 10);
  const name = `attachment; filename="audit-log_${stamp}.csv"; filename*=UTF-8''${encodeURIComponent(`${t("auditView.csv.fileName")}_${stamp}.csv`)}`;
  return new Response(toCsv([header, ...rows, ...trailer]), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": name, "Cache-Control": "no-store" },
  });
});
