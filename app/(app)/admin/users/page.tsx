import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ExportButtons } from "@/components/export-buttons";
import { requirePermission } from "@/lib/dal/session";
import { listUsersForActor, type UserListRow } from "@/lib/dal/users";
import { ACCOUNT_CHANGE_KIND_LABELS, ROLE_LABELS, ROLES } from "@/lib/domain/codes";
import { formatDateTime } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { userListQuery } from "@/lib/list-queries";
import { firstValues, loadPageInRange, type RawSearchParams } from "@/lib/list-url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("users.title") };
}

const inputClass =
  "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700";

export default async function UsersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("manage:user:prefecture");
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  // The URL's filter and order, read as the export reads them (lib/list-queries.ts).
  const { filter, req } = userListQuery(actor, params);
  const { role, status } = filter;
  const page = loadPageInRange(req, (r) => listUsersForActor(actor, r, filter));

  const columns: Column<UserListRow>[] = [
    {
      key: "username",
      header: t("users.username"),
      sortable: true,
      cell: (u) => (
        <Link href={`/admin/users/${u.id}`} className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-950">
          {u.username}
        </Link>
      ),
    },
    { key: "displayName", header: t("users.displayName"), sortable: true, cell: (u) => u.displayName },
    { key: "role", header: t("users.role"), sortable: true, cell: (u) => ROLE_LABELS[u.role][locale] },
    { key: "offices", header: t("users.offices"), cell: (u) => u.officeNames.join("、") || "—" },
    {
      key: "status",
      header: t("users.status"),
      cell: (u) => (
        <span className="flex flex-wrap gap-1">
          <Badge tone={u.active ? "success" : "neutral"}>{u.active ? t("users.active") : t("users.inactive")}</Badge>
          {u.pendingChange && <Badge tone="warning">{t("approvals.users.pending", { kind: ACCOUNT_CHANGE_KIND_LABELS[u.pendingChange][locale] })}</Badge>}
          {u.mustChangePassword && <Badge tone="neutral">{t("approvals.users.mustChange")}</Badge>}
        </span>
      ),
    },
    {
      key: "lastSignInAt",
      header: t("users.lastSignIn"),
      sortable: true,
      cell: (u) => (u.lastSignInAt ? formatDateTime(u.lastSignInAt, locale) : t("users.never")),
    },
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("users.title")}
        description={t("users.description", { prefecture: actor.prefectureName[locale] })}
        actions={<ButtonLink href="/admin/users/new">{t("users.new")}</ButtonLink>}
      />
      <ExportButtons list="users" query={params} />
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-q" className="text-sm font-medium">{t("users.filterQuery")}</label>
          <input id="filter-q" name="q" type="search" defaultValue={params.q ?? ""} className={inputClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-role" className="text-sm font-medium">{t("users.filterRole")}</label>
          <select id="filter-role" name="role" defaultValue={role ?? ""} className={inputClass}>
            <option value="">{t("users.filterAll")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>{ROLE_LABELS[r][locale]}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-status" className="text-sm font-medium">{t("users.filterStatus")}</label>
          <select id="filter-status" name="status" defaultValue={status ?? ""} className={inputClass}>
            <option value="">{t("users.filterAll")}</option>
            <option value="active">{t("users.active")}</option>
            <option value="inactive">{t("users.inactive")}</option>
          </select>
        </div>
        <button type="submit" className="rounded-md bg-teal-800 px-4 py-2 text-sm font-medium text-white hover:bg-teal-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700">
          {t("users.filterApply")}
        </button>
        <Link href="/admin/users" className="py-2 text-sm text-teal-800 underline underline-offset-2">
          {t("users.filterReset")}
        </Link>
      </form>
      <DataTable
        caption={t("users.caption")}
        columns={columns}
        rows={page.rows}
        rowKey={(u) => u.id}
        basePath="/admin/users"
        searchParams={params}
        sort={{ key: req.sort, dir: req.dir }}
        pagination={{ page: page.page, pageSize: page.pageSize, total: page.total }}
        empty={<EmptyState title={t("users.empty")} description={t("users.emptyBody")} />}
      />
    </div>
  );
}
