import type { Metadata } from "next";
import { cache } from "react";
import { AttendanceTable } from "@/components/activities/attendance-table";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { getTrainingForActor } from "@/lib/dal/trainings";
import { PROFESSION_LABELS, PROFESSIONS, TRAINING_KIND_LABELS, TRAINING_SCOPE_LABELS } from "@/lib/domain/activity-codes";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { canWriteActivities } from "../../_lib/access";
import { RecordHeader, UpdatedAt } from "../../_components/record-header";
import { deleteTrainingAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requirePermission("read:activity:reach");
  return { actor, training: orNotFound(() => getTrainingForActor(actor, id)) };
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
      <RecordHeader
        t={t}
        section="trainings"
        record={training}
        title={v.title}
        description={`${formatDate(v.date, locale)}・${TRAINING_KIND_LABELS[v.kind][locale]}`}
        owner={owner}
        canWrite={canWriteActivities(actor)}
        deleteAction={deleteTrainingAction}
      />
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
          <UpdatedAt t={t} locale={locale} at={training.updatedAt} />
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
