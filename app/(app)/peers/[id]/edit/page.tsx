import type { Metadata } from "next";
import { cache } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { getPeerFormOptionsForActor, getPeerForActor, peerRecordBase } from "@/lib/dal/peers";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { updatePeerAction } from "../../actions";
import { PeerForm } from "../../_components/peer-form";

type Params = { params: Promise<{ id: string }> };

/** One load (and one audit row) per request; out of reach or missing is a 404. */
const loadPeer = cache(async (id: string) => {
  const actor = await requirePermission("write:peer:reach");
  return { actor, detail: orNotFound(() => getPeerForActor(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { detail } = await loadPeer((await params).id);
  // The display code only: a peer's name never goes into a <title>.
  return { title: (await getT())("peers.edit.metaTitle", { code: detail.displayCode }) };
}

export default async function EditPeerPage({ params }: Params) {
  const { actor, detail } = await loadPeer((await params).id);
  const t = await getT();
  const { regions } = getPeerFormOptionsForActor(actor);
  return (
    <div className="max-w-4xl">
      <PageHeader
        title={t("peers.edit.title", { code: detail.displayCode })}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/peers", label: t("nav.peers") },
          { href: `/peers/${detail.id}`, label: detail.displayCode },
        ]}
      />
      <PeerForm mode="edit" action={updatePeerAction} regions={regions} id={detail.id} version={detail.version} base={peerRecordBase(detail)} values={detail.record} />
    </div>
  );
}
