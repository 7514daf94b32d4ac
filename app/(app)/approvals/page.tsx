import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listAccountChangesForActor } from "@/lib/dal/account-changes";
import { requirePermission } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { RequestsTable } from "./requests-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("approvals.title") };
}

/**
 * The second person of separation of duties (ADR 0039): a supervisor sees the requests naming an
 * office in their reach, an admin those of the prefecture; pending ones to decide, recent decisions.
 */
export default async function ApprovalsPage() {
  const actor = await requirePermission("approve:account:reach");
  const t = await getT();
  const { pending, recent } = listAccountChangesForActor(actor);
  return (
    <div className="space-y-6">
      <PageHeader title={t("approvals.title")} description={t("approvals.description")} breadcrumbs={[{ href: "/", label: t("nav.home") }]} />
      <Card title={t("approvals.pendingTitle")}>
        <RequestsTable rows={pending} caption={t("approvals.pendingCaption")} empty={t("approvals.none")} basePath="/approvals" back="/approvals" />
      </Card>
      <Card title={t("approvals.recentTitle")}>
        <RequestsTable rows={recent} caption={t("approvals.recentCaption")} empty={t("approvals.noneRecent")} basePath="/approvals" back="/approvals" decided />
      </Card>
    </div>
  );
}
