import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/dal/session";
import { listPrefectureOfficesForActor } from "@/lib/dal/org";
import { getUserForActor } from "@/lib/dal/users";
import { formatDateTime } from "@/lib/domain/format";
import { ACCOUNT_CHANGE_KIND_LABELS } from "@/lib/domain/codes";
import { listAccountChangesForUser } from "@/lib/dal/account-changes";
import { RequestsTable } from "../../../approvals/requests-table";
import { getLocale, getT } from "@/lib/i18n/server";
import { updateUserAction } from "../actions";
import { UserActionsPanel } from "../user-actions-panel";
import { UserForm } from "../user-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("users.editTitle") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("manage:user:prefecture");
  const { id } = await params;
  const user = getUserForActor(actor, id);
  if (!user) notFound();
  const t = await getT();
  const locale = await getLocale();
  const requests = listAccountChangesForUser(actor, user.id);

  return (
    <div className="space-y-6">
      <PageHeader
        title={`${user.displayName}（${user.username}）`}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/admin/users", label: t("users.title") },
        ]}
      />
      <Card>
        <DescriptionList
          items={[
            {
              term: t("users.status"),
              description: (
                <span className="flex flex-wrap gap-2">
                  <Badge tone={user.active ? "success" : "neutral"}>{user.active ? t("users.active") : t("users.inactive")}</Badge>
                  {user.lockedUntil && <Badge tone="warning">{t("users.locked", { until: formatDateTime(user.lockedUntil, locale) })}</Badge>}
                  {user.pendingChange && <Badge tone="warning">{t("approvals.users.pending", { kind: ACCOUNT_CHANGE_KIND_LABELS[user.pendingChange][locale] })}</Badge>}
                  {user.mustChangePassword && <Badge tone="neutral">{t("approvals.users.mustChange")}</Badge>}
                </span>
              ),
            },
            { term: t("users.lastSignIn"), description: user.lastSignInAt ? formatDateTime(user.lastSignInAt, locale) : t("users.never") },
            { term: t("users.createdAt"), description: formatDateTime(user.createdAt, locale) },
            { term: t("users.updatedAt"), description: formatDateTime(user.updatedAt, locale) },
          ]}
        />
        {user.id !== actor.id && (
          <div className="mt-4">
            <UserActionsPanel
              user={{ id: user.id, version: user.version, username: user.username, displayName: user.displayName, active: user.active, locked: !!user.lockedUntil, enrolled: user.secondFactorEnrolled }}
            />
          </div>
        )}
      </Card>
      {requests.length > 0 && (
        <Card title={t("approvals.users.requestsTitle")}>
          <div className="space-y-4">
            {requests.some((r) => r.status === "pending") && (
              <RequestsTable
                rows={requests.filter((r) => r.status === "pending")}
                caption={t("approvals.pendingCaption")}
                empty={t("approvals.none")}
                basePath={`/admin/users/${user.id}`}
                back={`/admin/users/${user.id}`}
              />
            )}
            <RequestsTable
              rows={requests.filter((r) => r.status !== "pending")}
              caption={t("approvals.recentCaption")}
              empty={t("approvals.noneRecent")}
              basePath={`/admin/users/${user.id}`}
              back={`/admin/users/${user.id}`}
              decided
            />
          </div>
        </Card>
      )}
      <Card title={t("users.editTitle")}>
        <UserForm mode="edit" action={updateUserAction} offices={listPrefectureOfficesForActor(actor)} user={user} />
      </Card>
    </div>
  );
}
