import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getKyogiFormOptionsForActor } from "@/lib/dal/kyogi";
import { getT } from "@/lib/i18n/server";
import { requireActivityWriter } from "../../../_lib/access";
import { sectionCrumbs } from "../../../_lib/sections";
import { createKyogiBodyAction } from "../../actions";
import { bodyFormChoices } from "../../_lib/body-form-choices";
import { KyogiBodyForm } from "../../_components/kyogi-body-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("activities.kyogi.newTitle") };
}

export default async function NewKyogiBodyPage() {
  const actor = await requireActivityWriter();
  const t = await getT();
  const o = getKyogiFormOptionsForActor(actor);
  const choices = bodyFormChoices(o, t);
  return (
    <div className="space-y-6">
      <PageHeader title={t("activities.kyogi.newTitle")} breadcrumbs={sectionCrumbs(t, "kyogi")} />
      <KyogiBodyForm
        action={createKyogiBodyAction}
        mode="create"
        defaults={{ level: o.hosts.prefecture ? "municipality" : "region", officeId: choices.hosts[0]!.value, active: "on" }}
        {...choices}
        cancelHref="/activities/kyogi"
      />
    </div>
  );
}
