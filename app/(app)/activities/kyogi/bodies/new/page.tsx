import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getKyogiFormOptionsForActor } from "@/lib/dal/kyogi";
import { getT } from "@/lib/i18n/server";
import { requireActivityWriter } from "../../../_lib/access";
import { hostOptions } from "../../../_lib/form-defaults";
import { createKyogiBodyAction } from "../../actions";
import { KyogiBodyForm } from "../../_components/kyogi-body-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.kyogi.newTitle") };
}

export default async function NewKyogiBodyPage() {
  const actor = await requireActivityWriter();
  const t = await getT();
  const o = getKyogiFormOptionsForActor(actor);
  const hosts = hostOptions(o.hosts, t("activities.common.prefecture")).map((h) => ({ ...h, regionId: o.hosts.offices.find((x) => x.id === h.value)?.regionId }));
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("activities.kyogi.newTitle")}
        breadcrumbs={[
          { href: "/activities", label: t("activities.title") },
          { href: "/activities/kyogi", label: t("activities.kyogi.title") },
        ]}
      />
      <KyogiBodyForm
        action={createKyogiBodyAction}
        mode="create"
        defaults={{ level: o.hosts.prefecture ? "municipality" : "region", officeId: hosts[0]!.value, active: "on" }}
        hosts={hosts}
        regions={o.regions.map((r) => ({ value: r.id, label: r.name }))}
        municipalities={o.municipalities.map((m) => ({ value: m.code, label: m.name, officeId: m.officeId }))}
        cancelHref="/activities/kyogi"
      />
    </div>
  );
}
