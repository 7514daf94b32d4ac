import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DeleteDialog } from "@/components/activities/delete-dialog";
import { AttendanceTable } from "@/components/activities/attendance-table";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { FormMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { isAppError } from "@/lib/dal/errors";
import { getMeetingForActor } from "@/lib/dal/meetings";
import { requirePermission } from "@/lib/dal/session";
import { KYOGI_LEVEL_LABELS, MEETING_KIND_LABELS, SECTOR_LABELS, SECTORS } from "@/lib/domain/activity-codes";
import { formatDate, formatDateTime } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { canWriteActivities } from "../../_lib/access";
import { deleteMeetingAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requirePermission("read:activity:reach");
  try {
    return { actor, meeting: getMeetingForActor(actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { meeting } = await load((await params).id);
  return { title: meeting.values.title };
}

export default async function MeetingPage({ params }: Params) {
  const { actor, meeting } = await load((await params).id);
  const t = await getT();
  const locale = await getLocale();
  const v = meeting.values;
  const owner = meeting.officeName ?? t("activities.common.prefecture");
  const none = t("activities.common.notRecorded");
  return (
    <div className="space-y-6">
      <PageHeader
        title={v.title}
        description={`${formatDate(v.date, locale)}・${MEETING_KIND_LABELS[v.kind][locale]}`}
        breadcrumbs={[
          { href: "/activities", label: t("activities.title") },
          { href: "/activities/meetings", label: t("activities.meetings.title") },
        ]}
        actions={
          <>
            {meeting.canEdit && <ButtonLink href={`/activities/meetings/${meeting.id}/edit`}>{t("activities.common.edit")}</ButtonLink>}
            {canWriteActivities(actor) && (
              <ButtonLink href={`/activities/meetings/new?copy=${meeting.id}`} variant="secondary">
                {t("activities.common.copy")}
              </ButtonLink>
            )}
            {meeting.canEdit && <DeleteDialog action={deleteMeetingAction} id={meeting.id} version={meeting.version} title={v.title} />}
          </>
        }
      />
      {!meeting.canEdit && canWriteActivities(actor) && <FormMessage tone="info">{t("activities.common.readOnly", { owner })}</FormMessage>}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <Card title={t("activities.meetings.detailTitle")}>
          <DescriptionList
            items={[
              { term: t("activities.meetings.fields.kind"), description: MEETING_KIND_LABELS[v.kind][locale] },
              { term: t("activities.meetings.fields.date"), description: formatDate(v.date, locale) },
              { term: t("activities.meetings.fields.officeId"), description: owner },
              { term: t("activities.meetings.fields.regionId"), description: meeting.regionName ?? none },
              {
                term: t("activities.meetings.fields.kyogiBodyId"),
                description: meeting.kyogiBody ? `${meeting.kyogiBody.name}（${KYOGI_LEVEL_LABELS[meeting.kyogiBody.level][locale]}）` : t("activities.meetings.fields.kyogiBodyNone"),
              },
              { term: t("activities.meetings.fields.venue"), description: v.venue ?? none },
              { term: t("activities.meetings.fields.agenda"), description: v.agenda ? <span className="whitespace-pre-wrap">{v.agenda}</span> : none },
              ...(v.kind === "case_review" || v.kind === "outreach_case_review" ? [{ term: t("activities.meetings.fields.casesReviewed"), description: v.casesReviewed === null ? none : t("activities.common.cases", { n: v.casesReviewed }) }] : []),
              {
                term: t("activities.meetings.columns.flags"),
                description: (
                  <span className="flex flex-wrap gap-2">
                    <Badge tone={v.targetsReviewed ? "success" : "neutral"}>
                      {t("activities.meetings.targetsBadge")}：{t(v.targetsReviewed ? "activities.common.yes" : "activities.common.no")}
                    </Badge>
                    {v.advisorDispatched && <Badge tone="info">{t("activities.meetings.advisorBadge")}</Badge>}
                  </span>
                ),
              },
            ]}
          />
          <p className="mt-3 text-xs text-slate-600">{t("activities.common.updatedAt", { at: formatDateTime(meeting.updatedAt, locale) })}</p>
        </Card>
        <Card title={t("activities.meetings.fields.attendance")}>
          <AttendanceTable
            caption={t("activities.meetings.fields.attendance")}
            rows={SECTORS.map((s) => ({ key: s, label: SECTOR_LABELS[s][locale], value: meeting.attendance[s] }))}
            total={meeting.attendanceTotal}
            headers={{ category: t("activities.common.chart.category"), value: t("activities.common.peopleHeader"), total: t("activities.common.total") }}
          />
        </Card>
      </div>
    </div>
  );
}
