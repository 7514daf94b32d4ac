import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DeleteDialog } from "@/components/activities/delete-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/dal/errors";
import { getKyogiBodyForEdit, getKyogiFormOptionsForActor } from "@/lib/dal/kyogi";
import { getT } from "@/lib/i18n/server";
import { requireActivityWriter } from "../../../../_lib/access";
import { formDefaults, hostOptions } from "../../../../_lib/form-defaults";
import { deleteKyogiBodyAction, updateKyogiBodyAction } from "../../../actions";
import { KyogiBodyForm } from "../../../_components/kyogi-body-form";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requireActivityWriter();
  try {
    return { actor, body: getKyogiBodyForEdit(actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  await load((await params).id);
  return { title: (await getT())("activities.kyogi.editTitle") };
}

export default async function EditKyogiBodyPage({ params }: Params) {
  const { actor, body } = await load((await params).id);
  const t = await getT();
  const o = getKyogiFormOptionsForActor(actor);
  const hosts = hostOptions(o.hosts, t("activities.common.prefecture")).map((h) => ({ ...h, regionId: o.hosts.offices.find((x) => x.id === h.value)?.regionId }));
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("activities.kyogi.editTitle")}
        description={body.values.name}
        breadcrumbs={[
          { href: "/activities", label: t("activities.title") },
          { href: "/activities/kyogi", label: t("activities.kyogi.title") },
        ]}
        actions={<DeleteDialog action={deleteKyogiBodyAction} id={body.id} version={body.version} title={body.values.name} />}
      />
      <KyogiBodyForm
        action={updateKyogiBodyAction}
        mode="edit"
        defaults={formDefaults(body.values)}
        hosts={hosts}
        regions={o.regions.map((r) => ({ value: r.id, label: r.name }))}
        municipalities={o.municipalities.map((m) => ({ value: m.code, label: m.name, officeId: m.officeId }))}
        cancelHref="/activities/kyogi"
        edit={{ id: body.id, version: body.version, base: JSON.stringify(body.values) }}
      />
    </div>
  );
}
