import type { Metadata } from "next";
import { cache } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { listHospitalsForActor } from "@/lib/dal/hospitals";
import { getDispatchForActor, getDispatchFormForActor } from "@/lib/dal/peer-dispatches";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { updateDispatchAction } from "../../actions";
import { todayIso } from "@/lib/domain/fiscal-year";
import { DispatchForm } from "../../_components/dispatch-form";

type Params = { params: Promise<{ id: string }> };

const loadDispatch = cache(async (id: string) => {
  const actor = await requirePermission("write:dispatch:reach");
  return { actor, detail: orNotFound(() => getDispatchForActor(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { detail } = await loadDispatch((await params).id);
  return { title: (await getT())("dispatches.edit.metaTitle", { date: formatDate(detail.date, await getLocale()) }) };
}

export default async function EditDispatchPage({ params }: Params) {
  const { actor, detail } = await loadDispatch((await params).id);
  const t = await getT();
  const locale = await getLocale();
  const form = getDispatchFormForActor(actor, detail.office.id);
  // Peers who went stay listed even if their registration has since ended.
  const peers = [...form.peers];
  for (const m of detail.members) if (!peers.some((p) => p.id === m.peerId)) peers.push({ id: m.peerId, displayCode: m.displayCode, name: m.name, status: "expired", expiresOn: "", availability: { status: "expired", registrations: [] } });
  const cases = detail.case && !form.cases.some((c) => c.id === detail.case!.id) ? [...form.cases, { id: detail.case.id, caseNo: detail.case.caseNo, name: "" }] : form.cases;
  const hospitals = listHospitalsForActor(actor, { includeInactive: true })
    .filter((h) => h.active || h.id === detail.hospital?.id)
    .map((h) => ({ id: h.id, name: h.name }));
  return (
    <div className="max-w-5xl">
      <PageHeader
        title={t("dispatches.edit.title")}
        description={formatDate(detail.date, locale)}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/peers/dispatches", label: t("peers.tabs.dispatches") },
          { href: `/peers/dispatches/${detail.id}`, label: formatDate(detail.date, locale) },
        ]}
      />
      <DispatchForm
        today={todayIso()}
        mode="edit"
        action={updateDispatchAction}
        id={detail.id}
        version={detail.version}
        base={detail.base}
        office={detail.office}
        offices={[detail.office]}
        hospitals={hospitals}
        peers={peers}
        cases={cases}
        defaults={{
          date: detail.date,
          startTime: detail.startTime,
          endTime: detail.endTime,
          requestingOrg: detail.requestingOrg,
          destinationKind: detail.destinationKind,
          hospitalId: detail.hospital?.id ?? null,
          destinationName: detail.destinationName,
          purpose: detail.purpose,
          audienceCount: detail.audienceCount,
          caseId: detail.case?.id ?? null,
          report: detail.report,
          members: detail.members.map((m) => ({ peerId: m.peerId, hours: m.hours, honorariumYen: m.honorariumYen, travelYen: m.travelYen })),
        }}
      />
    </div>
  );
}
