import type { Metadata } from "next";
import Link from "next/link";
import { ExportButtons } from "@/components/export-buttons";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { reviewAccountsForActor, type AccountReviewRow } from "@/lib/dal/account-review";
import { requirePermission } from "@/lib/dal/session";
import { ROLE_LABELS } from "@/lib/domain/codes";
import { formatDateTime } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { accountReviewQuery } from "@/lib/list-queries";
import { firstValues, loadPageInRange, type RawSearchParams } from "@/lib/list-url";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("auditView.accounts.title") };
}

const linkClass = "font-medium text-teal-800 underline underline-offset-2 hover:text-teal-950";

/**
 * アカウントの棚卸し (ADR 0041): every account the reviewer covers with role, offices, state, last
 * sign-in and creation, and the accounts deactivated as unused. Loading it runs the 90-day
 * sweep first (in the DAL). Admins follow an account to its page to reactivate it; supervisors
 * read their offices' staff only.
 */
export default async function AccountReviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("review:account:reach");
  const t = await getT();
  const locale = await getLocale();
  const params = firstValues(await searchParams);
  const { req } = accountReviewQuery(actor, params);
  const review = loadPageInRange(req, (r) => reviewAccountsForActor(actor, r));
  const when = (iso: string | null) => (iso ? formatDateTime(iso, locale) : t("auditView.accounts.never"));

  const columns: Column<AccountReviewRow>[] = [
    {
      key: "username",
      header: t("auditView.accounts.username"),
      sortable: true,
      cell: (u) =>
        review.readOnly ? (
          u.username
        ) : (
          <Link href={`/admin/users/${u.id}`} className={linkClass}>
            {u.username}
          </Link>
        ),
    },
    { key: "displayName", header: t("auditView.accounts.displayName"), cell: (u) => u.displayName },
    { key: "role", header: t("auditView.accounts.role"), sortable: true, cell: (u) => ROLE_LABELS[u.role][locale] },
    { key: "offices", header: t("auditView.accounts.offices"), cell: (u) => u.officeNames.join("、") || "—" },
    {
      key: "status",
      header: t("auditView.accounts.status"),
      cell: (u) => <Badge tone={u.active ? "success" : "neutral"}>{u.active ? t("auditView.accounts.active") : t("auditView.accounts.inactive")}</Badge>,
    },
    { key: "lastSignInAt", header: t("auditView.accounts.lastSignIn"), sortable: true, cell: (u) => when(u.lastSignInAt) },
    { key: "createdAt", header: t("auditView.accounts.created"), sortable: true, cell: (u) => when(u.createdAt) },
    { key: "unusedFrom", header: t("auditView.accounts.unusedFrom"), cell: (u) => (u.unusedFrom ? when(u.unusedFrom) : "—") },
  ];

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("auditView.accounts.title")}
        description={review.readOnly ? t("auditView.accounts.descriptionReadOnly", { days: review.days }) : t("auditView.accounts.description", { days: review.days })}
      />
      <ExportButtons list="accounts" query={params} />
      <DataTable
        caption={t("auditView.accounts.caption")}
        columns={columns}
        rows={review.rows}
        rowKey={(u) => u.id}
        basePath="/account-review"
        searchParams={params}
        sort={{ key: req.sort, dir: req.dir }}
        pagination={{ page: review.page, pageSize: review.pageSize, total: review.total }}
        empty={<EmptyState title={t("auditView.accounts.empty")} />}
      />
      <section aria-labelledby="deactivated-title" className="space-y-3">
        <h2 id="deactivated-title" className="text-lg font-semibold">{t("auditView.accounts.deactivatedTitle")}</h2>
        {review.deactivations.length === 0 ? (
          <p className="text-sm text-slate-600">{t("auditView.accounts.deactivatedNone")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{t("auditView.accounts.deactivatedCaption")}</caption>
              <thead className="bg-slate-50 text-left">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("auditView.accounts.username")}</th>
                  <th scope="col" className="px-3 py-2">{t("auditView.accounts.deactivatedAt")}</th>
                  <th scope="col" className="px-3 py-2">{t("auditView.accounts.lastSignIn")}</th>
                </tr>
              </thead>
              <tbody>
                {review.deactivations.map((d) => (
                  <tr key={`${d.userId}-${d.at}`} className="border-t border-slate-100">
                    <td className="px-3 py-2">{d.username}</td>
                    <td className="px-3 py-2">{when(d.at)}</td>
                    <td className="px-3 py-2">{when(d.lastSignInAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
