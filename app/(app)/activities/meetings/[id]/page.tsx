import type { Metadata } from "next";
import { cache } from "react";
import { AttendanceTable } from "@/components/activities/attendance-table";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { getMeetingForActor } from "@/lib/dal/meetings";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { KYOGI_LEVEL_LABELS, MEETING_KIND_LABELS, SECTOR_LABELS, SECTORS } from "@/lib/domain/activity-codes";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { canWriteActivities } from "../../_lib/access";
import { RecordHeader, UpdatedAt } from "../../_components/record-header";
import { deleteMeetingAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requirePermission("read:activity:reach");
  return { actor, meeting: orNotFound(() => getMeetingForActor(actor, id)) };
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
      <RecordHeader
        t={t}
        section="meetings"
        record={meeting}
        title={v.title}
        description={`${formatDate(v.date, locale)}・${MEETING_KIND_LABELS[v.kind][locale]}`}
        owner={owner}
        canWrite={canWriteActivities(actor)}
        deleteAction={deleteMeetingAction}
      />
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
          <UpdatedAt t={t} locale={locale} at={meeting.updatedAt} />
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
