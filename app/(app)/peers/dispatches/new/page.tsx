import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { getDispatchFormForActor } from "@/lib/dal/peer-dispatches";
import { requirePermission } from "@/lib/dal/session";
import { todayIso } from "@/lib/domain/fiscal-year";
import { getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { createDispatchAction } from "../actions";
import { DispatchForm, type DispatchSeed } from "../_components/dispatch-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("dispatches.new.title") };
}

/**
 * The quick-entry form. `officeId` picks the dispatching office (default: my first), `peerId`
 * and `caseId` come from the peer's and the case's pages and are preset.
 */
export default async function NewDispatchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePermission("write:dispatch:reach");
  const t = await getT();
  const params = firstValues(await searchParams);
  const form = getDispatchFormForActor(actor, params.officeId);
  const hospitals = listHospitalsForActor(actor).map((h) => ({ id: h.id, name: h.name }));
  const presetPeer = form.peers.find((p) => p.id === params.peerId);
  const presetCase = form.cases.find((c) => c.id === params.caseId);
  const last = form.previous;
  // Today, my office, and my last destination and purpose: what most entries start from.
  const defaults: DispatchSeed = {
    date: todayIso(),
    startTime: null,
    endTime: null,
    status: "done",
    requestingOrg: null,
    destinationKind: last?.destinationKind ?? "hospital",
    hospitalId: last?.hospitalId ?? null,
    destinationName: last?.destinationName ?? null,
    purpose: presetCase ? "individual_accompany" : (last?.purpose ?? ""),
    audienceCount: null,
    caseId: presetCase?.id ?? null,
    report: null,
    members: presetPeer ? [{ peerId: presetPeer.id, hours: null, honorariumYen: null, travelYen: null }] : [],
  };
  return (
    <div className="max-w-5xl">
      <PageHeader
        title={t("dispatches.new.title")}
        description={t("dispatches.new.description")}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/peers", label: t("nav.peers") },
          { href: "/peers/dispatches", label: t("peers.tabs.dispatches") },
        ]}
      />
      <DispatchForm
        today={todayIso()}
        // A different office brings different peers and cases: start the form afresh.
        key={form.office.id}
        mode="create"
        action={createDispatchAction}
        office={form.office}
        offices={form.offices}
        hospitals={hospitals}
        peers={form.peers}
        cases={form.cases}
        defaults={defaults}
        previous={last ? { ...last, caseId: null, report: null } : null}
      />
    </div>
  );
}
