import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { AUDIT_EXPORT_MAX_ROWS, AUDIT_VIEW_SORT_KEYS, auditExportsPerHour, auditViewOptionsForActor, listAuditForActor, type AuditViewRow } from "@/lib/dal/audit-view";
import { requirePermission } from "@/lib/dal/session";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AUDIT_ENTITY_LABELS, AUDIT_ENTITY_TYPES, ROLE_LABELS, type AuditEntityType } from "@/lib/domain/codes";
import { formatDateTime } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { firstValues, loadPageInRange, parseListRequest, queryKey, tableHref, type RawSearchParams } from "@/lib/list-url";
import { AUDIT_FILTER_KEYS, parseAuditViewFilter } from "@/lib/validation/audit-view";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auditView.title") };
}

const inputClass =
  "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700";
const linkClass = "text-teal-800 underline underline-offset-2 hover:text-teal-950";

/**
 * 監査ログ (ADR 0041): the audit rows the actor may see, filtered by user, action, record, office
 * and dates, newest first, with each record's whole history one link away and a CSV export of
 * the filtered rows. Supervisors see the detail; prefecture staff and admins never receive it
 * (the DAL does not select it for them). Opening the page is audited by the DAL.
 */
export default async function AuditPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("read:audit-log:reach");
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  const filter = parseAuditViewFilter(params);
  const { req } = parseListRequest(params, AUDIT_VIEW_SORT_KEYS, "at", "desc");
  const options = auditViewOptionsForActor(actor);
  const page = loadPageInRange(req, (r) => listAuditForActor(actor, r, filter));
  const officeName = new Map(options.offices.map((o) => [o.id, o.name]));
  const entityLabel = (type: string) => (AUDIT_ENTITY_LABELS[type as AuditEntityType]?.[locale] ?? type);
  const filterParams = Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, filter[k]]));
  const exportHref = tableHref("/audit/export", {}, filterParams);

  const columns: Column<AuditViewRow>[] = [
    { key: "at", header: t("auditView.column.at"), sortable: true, cell: (r) => <span className="whitespace-nowrap">{formatDateTime(r.at, locale)}</span> },
    { key: "user", header: t("auditView.column.user"), cell: (r) => r.actorUsername },
    { key: "role", header: t("auditView.column.role"), cell: (r) => (r.actorRole ? ROLE_LABELS[r.actorRole][locale] : t("auditView.system")) },
    { key: "action", header: t("auditView.column.action"), cell: (r) => AUDIT_ACTION_LABELS[r.action][locale] },
    {
      key: "record",
      header: t("auditView.column.record"),
      cell: (r) => (
        <span className="flex flex-col">
          <span>{entityLabel(r.entityType)}</span>
          {r.entityId && (
            <Link
              href={tableHref("/audit", {}, { entityType: r.entityType, entityId: r.entityId })}
              className={`${linkClass} font-mono text-xs`}
              aria-label={`${t("auditView.recordHistory")}: ${entityLabel(r.entityType)} ${r.entityId}`}
            >
              {r.entityId}
            </Link>
          )}
        </span>
      ),
    },
    { key: "office", header: t("auditView.column.office"), cell: (r) => (r.recordOfficeId ? (officeName.get(r.recordOfficeId) ?? r.recordOfficeId) : "—") },
    { key: "ip", header: t("auditView.column.ip"), cell: (r) => r.ip ?? "—" },
    ...(page.withDetail
      ? [{ key: "detail", header: t("auditView.column.detail"), cell: (r: AuditViewRow) => (r.detail ? <code className="block max-w-md break-all text-xs">{r.detail}</code> : "—") }]
      : []),
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("auditView.title")}
        description={page.withDetail ? t("auditView.descriptionDetail") : t("auditView.descriptionPrefecture", { prefecture: actor.prefectureName[locale] })}
        actions={
          // A plain link: the route answers the file (or 429 when exported too often).
          <a href={exportHref} className="rounded-md bg-teal-800 px-4 py-2 text-sm font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700" download>
            {t("auditView.exportCsv")}
          </a>
        }
      />
      <p className="text-sm text-slate-600">{t("auditView.exportNote", { limit: auditExportsPerHour(), max: AUDIT_EXPORT_MAX_ROWS })}</p>
      {filter.entityType && filter.entityId && (
        <p className="text-sm" role="status">
          {t("auditView.recordFilter", { type: entityLabel(filter.entityType), id: filter.entityId })}
        </p>
      )}
      <form key={queryKey(params)} method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-user" className="text-sm font-medium">{t("auditView.filter.user")}</label>
          <select id="audit-user" name="userId" defaultValue={filter.userId ?? ""} className={inputClass}>
            <option value="">{t("auditView.filter.all")}</option>
            {options.users.map((u) => (
              <option key={u.id} value={u.id}>{u.username}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-action" className="text-sm font-medium">{t("auditView.filter.action")}</label>
          <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={inputClass}>
            <option value="">{t("auditView.filter.all")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>{AUDIT_ACTION_LABELS[a][locale]}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-entity-type" className="text-sm font-medium">{t("auditView.filter.entityType")}</label>
          <select id="audit-entity-type" name="entityType" defaultValue={filter.entityType ?? ""} className={inputClass}>
            <option value="">{t("auditView.filter.all")}</option>
            {AUDIT_ENTITY_TYPES.map((e) => (
              <option key={e} value={e}>{AUDIT_ENTITY_LABELS[e][locale]}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-entity-id" className="text-sm font-medium">{t("auditView.filter.entityId")}</label>
          <input id="audit-entity-id" name="entityId" defaultValue={filter.entityId ?? ""} className={`${inputClass} font-mono`} size={28} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-office" className="text-sm font-medium">{t("auditView.filter.office")}</label>
          <select id="audit-office" name="officeId" defaultValue={filter.officeId ?? ""} className={inputClass}>
            <option value="">{t("auditView.filter.all")}</option>
            {options.offices.map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-from" className="text-sm font-medium">{t("auditView.filter.from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-to" className="text-sm font-medium">{t("auditView.filter.to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} className={inputClass} />
        </div>
        <button type="submit" className="rounded-md bg-teal-800 px-4 py-2 text-sm font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700">
          {t("auditView.filter.apply")}
        </button>
        <Link href="/audit" className={`py-2 text-sm ${linkClass}`}>
          {t("auditView.filter.reset")}
        </Link>
      </form>
      <DataTable
        caption={t("auditView.caption")}
        columns={columns}
        rows={page.rows}
        rowKey={(r) => r.id}
        basePath="/audit"
        searchParams={params}
        sort={{ key: req.sort, dir: req.dir }}
        pagination={{ page: page.page, pageSize: page.pageSize, total: page.total }}
        empty={<EmptyState title={t("auditView.empty")} description={t("auditView.emptyBody")} />}
      />
    </div>
  );
}
