import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AttendanceTable } from "@/components/activities/attendance-table";
import { DeleteDialog } from "@/components/activities/delete-dialog";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { FormMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/dal/errors";
import { requirePermission } from "@/lib/dal/session";
import { getTrainingForActor } from "@/lib/dal/trainings";
import { PROFESSION_LABELS, PROFESSIONS, TRAINING_KIND_LABELS, TRAINING_SCOPE_LABELS } from "@/lib/domain/activity-codes";
import { formatDate, formatDateTime } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { canWriteActivities } from "../../_lib/access";
import { deleteTrainingAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requirePermission("read:activity:reach");
  try {
    return { actor, training: getTrainingForActor(actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await load((await params).id)).training.values.title };
}

export default async function TrainingPage({ params }: Params) {
  const { actor, training } = await load((await params).id);
  const t = await getT();
  const locale = await getLocale();
  const v = training.values;
  const owner = training.officeName ?? t("activities.common.prefecture");
  const none = t("activities.common.notRecorded");
  return (
    <div className="space-y-6">
      <PageHeader
        title={v.title}
        description={`${formatDate(v.date, locale)}・${TRAINING_KIND_LABELS[v.kind][locale]}`}
        breadcrumbs={[
          { href: "/activities", label: t("activities.title") },
          { href: "/activities/trainings", label: t("activities.trainings.title") },
        ]}
        actions={
          <>
            {training.canEdit && <ButtonLink href={`/activities/trainings/${training.id}/edit`}>{t("activities.common.edit")}</ButtonLink>}
            {canWriteActivities(actor) && (
              <ButtonLink href={`/activities/trainings/new?copy=${training.id}`} variant="secondary">
                {t("activities.common.copy")}
              </ButtonLink>
            )}
            {training.canEdit && <DeleteDialog action={deleteTrainingAction} id={training.id} version={training.version} title={v.title} />}
          </>
        }
      />
      {!training.canEdit && canWriteActivities(actor) && <FormMessage tone="info">{t("activities.common.readOnly", { owner })}</FormMessage>}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title={t("activities.trainings.detailTitle")}>
          <DescriptionList
            items={[
              { term: t("activities.trainings.fields.kind"), description: TRAINING_KIND_LABELS[v.kind][locale] },
              { term: t("activities.trainings.fields.scope"), description: TRAINING_SCOPE_LABELS[v.scope][locale] },
              { term: t("activities.trainings.fields.regionId"), description: training.regionName ?? none },
              { term: t("activities.trainings.fields.date"), description: formatDate(v.date, locale) },
              { term: t("activities.trainings.fields.officeId"), description: owner },
              { term: t("activities.trainings.fields.cohostIds"), description: training.cohosts.length ? training.cohosts.map((c) => c.name).join("、") : t("activities.common.none") },
              { term: t("activities.trainings.fields.sessions"), description: String(v.sessions) },
              { term: t("activities.trainings.fields.venue"), description: v.venue ?? none },
              { term: t("activities.trainings.fields.note"), description: v.note ? <span className="whitespace-pre-wrap">{v.note}</span> : none },
            ]}
          />
          <p className="mt-3 text-xs text-slate-600">{t("activities.common.updatedAt", { at: formatDateTime(training.updatedAt, locale) })}</p>
        </Card>
        <Card title={t("activities.trainings.fields.attendance")}>
          <AttendanceTable
            caption={t("activities.trainings.fields.attendance")}
            rows={PROFESSIONS.map((p) => ({ key: p, label: PROFESSION_LABELS[p][locale], value: training.attendance[p] }))}
            total={training.attendanceTotal}
            headers={{ category: t("activities.common.chart.category"), value: t("activities.common.peopleHeader"), total: t("activities.common.total") }}
          />
        </Card>
      </div>
    </div>
  );
}
