import type { Metadata } from "next";
import { cache } from "react";
import { DeleteDialog } from "@/components/activities/delete-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { getKyogiBodyForEdit, getKyogiFormOptionsForActor } from "@/lib/dal/kyogi";
import { orNotFound } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { requireActivityWriter } from "../../../../_lib/access";
import { formDefaults } from "../../../../_lib/form-defaults";
import { sectionCrumbs } from "../../../../_lib/sections";
import { deleteKyogiBodyAction, updateKyogiBodyAction } from "../../../actions";
import { bodyFormChoices } from "../../../_lib/body-form-choices";
import { KyogiBodyForm } from "../../../_components/kyogi-body-form";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requireActivityWriter();
  return { actor, body: orNotFound(() => getKyogiBodyForEdit(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  await load((await params).id);
  return { title: (await getT())("activities.kyogi.editTitle") };
}

export default async function EditKyogiBodyPage({ params }: Params) {
  const { actor, body } = await load((await params).id);
  const t = await getT();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("activities.kyogi.editTitle")}
        description={body.values.name}
        breadcrumbs={sectionCrumbs(t, "kyogi")}
        actions={<DeleteDialog action={deleteKyogiBodyAction} id={body.id} version={body.version} title={body.values.name} />}
      />
      <KyogiBodyForm
        action={updateKyogiBodyAction}
        mode="edit"
        defaults={formDefaults(body.values)}
        {...bodyFormChoices(getKyogiFormOptionsForActor(actor), t)}
        cancelHref="/activities/kyogi"
        edit={{ id: body.id, version: body.version, base: JSON.stringify(body.values) }}
      />
    </div>
  );
}
