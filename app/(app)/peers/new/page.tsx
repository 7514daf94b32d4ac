import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getPeerFormOptionsForActor } from "@/lib/dal/peers";
import { requirePermission } from "@/lib/dal/session";
import { todayIso } from "@/lib/domain/fiscal-year";
import { getT } from "@/lib/i18n/server";
import { createPeerAction } from "../actions";
import { PeerForm } from "../_components/peer-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("peers.new.title") };
}

export default async function NewPeerPage() {
  const actor = await requirePermission("write:peer:reach");
  const t = await getT();
  const { offices, regions } = getPeerFormOptionsForActor(actor);
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("peers.new.title")}
        description={t("peers.new.description")}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/peers", label: t("nav.peers") },
        ]}
      />
      <PeerForm mode="create" action={createPeerAction} offices={offices} regions={regions} defaultOfficeId={actor.assignedOfficeIds[0] ?? offices[0]?.id ?? ""} today={todayIso()} />
    </div>
  );
}
