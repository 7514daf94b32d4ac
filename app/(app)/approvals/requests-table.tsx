import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import type { AccountChangeRow } from "@/lib/dal/account-changes";
import { ACCOUNT_CHANGE_KIND_LABELS, ACCOUNT_CHANGE_STATUS_LABELS, ROLE_LABELS } from "@/lib/domain/codes";
import { formatDateTime } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import type { MessageKey } from "@/lib/i18n/translate";
import { DecisionButtons } from "./decision-buttons";

const BLOCKED: Record<NonNullable<AccountChangeRow["blocked"]>, MessageKey> = {
  ownRequest: "approvals.ownRequest",
  ownAccount: "approvals.ownAccount",
  stale: "approvals.stale",
  unsupported: "approvals.errors.unsupported",
};

/**
 * Account-change requests as a table: who asked, what, for which account, when, and (pending) the
 * decision buttons the actor may use, or why they may not. Shared by /approvals and the admin's user page.
 */
export async function RequestsTable({
  rows,
  caption,
  empty,
  basePath,
  back,
  decided = false,
}: {
  rows: AccountChangeRow[];
  caption: string;
  empty: string;
  basePath: string;
  back: string;
  decided?: boolean;
}) {
  const t = await getT();
  const locale = await getLocale();
  const columns: Column<AccountChangeRow>[] = [
    {
      key: "kind",
      header: t("approvals.kind"),
      cell: (r) => (
        <div className="space-y-1">
          <p className="font-medium">{ACCOUNT_CHANGE_KIND_LABELS[r.kind][locale]}</p>
          {r.requested && (
            <p className="text-slate-700">{t("approvals.requested", { role: ROLE_LABELS[r.requested.role][locale], offices: r.requested.officeNames.join("、") || "—" })}</p>
          )}
        </div>
      ),
    },
    {
      key: "account",
      header: t("approvals.account"),
      cell: (r) => (
        <span>
          {r.displayName}（<code>{r.username}</code>）<br />
          <span className="text-slate-700">{ROLE_LABELS[r.role][locale]}</span>
        </span>
      ),
    },
    { key: "offices", header: t("approvals.offices"), cell: (r) => r.officeNames.join("、") || "—" },
    { key: "requestedBy", header: t("approvals.requestedBy"), cell: (r) => r.requestedByName },
    { key: "requestedAt", header: t("approvals.requestedAt"), cell: (r) => formatDateTime(r.requestedAt, locale) },
    decided
      ? {
          key: "status",
          header: t("approvals.status"),
          cell: (r) => (
            <div className="space-y-1">
              <Badge tone={r.status === "approved" ? "success" : r.status === "rejected" ? "neutral" : "warning"}>{ACCOUNT_CHANGE_STATUS_LABELS[r.status][locale]}</Badge>
              {r.decidedByName && r.decidedAt && (
                <p className="text-slate-700">
                  {r.decidedByName}・{formatDateTime(r.decidedAt, locale)}
                </p>
              )}
              {r.reason && <p className="text-slate-700">{t("approvals.reasonShown", { reason: r.reason })}</p>}
            </div>
          ),
        }
      : {
          key: "actions",
          header: t("approvals.actions"),
          cell: (r) => (
            <div className="space-y-2">
              {r.blocked && <p className={r.blocked === "stale" ? "text-amber-900" : "text-slate-700"}>{t(BLOCKED[r.blocked])}</p>}
              <DecisionButtons
                request={{ id: r.id, kindLabel: ACCOUNT_CHANGE_KIND_LABELS[r.kind][locale], username: r.username, displayName: r.displayName }}
                canApprove={r.canApprove}
                canReject={r.canReject}
                back={back}
              />
            </div>
          ),
        },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(r) => r.id} basePath={basePath} searchParams={{}} empty={<EmptyState title={empty} />} />;
}
