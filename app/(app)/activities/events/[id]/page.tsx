import type { Metadata } from "next";
import { cache } from "react";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { getEventForActor } from "@/lib/dal/community-events";
import { orNotFound, requirePermission } from "@/lib/dal/session";
import { EVENT_KIND_LABELS, EVENT_SUBTYPE_LABELS } from "@/lib/domain/activity-codes";
import { formatDate } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { canWriteActivities } from "../../_lib/access";
import { RecordHeader, UpdatedAt } from "../../_components/record-header";
import { deleteEventAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requirePermission("read:activity:reach");
  return { actor, event: orNotFound(() => getEventForActor(actor, id)) };
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await load((await params).id)).event.values.title };
}

export default async function EventPage({ params }: Params) {
  const { actor, event } = await load((await params).id);
  const t = await getT();
  const locale = await getLocale();
  const v = event.values;
  const owner = event.officeName ?? t("activities.common.prefecture");
  const none = t("activities.common.notRecorded");
  return (
    <div className="space-y-6">
      <RecordHeader
        t={t}
        section="events"
        record={event}
        title={v.title}
        description={`${formatDate(v.date, locale)}・${EVENT_KIND_LABELS[v.kind][locale]}`}
        owner={owner}
        canWrite={canWriteActivities(actor)}
        deleteAction={deleteEventAction}
      />
      <Card title={t("activities.events.detailTitle")} className="max-w-3xl">
        <DescriptionList
          items={[
            { term: t("activities.events.fields.kind"), description: EVENT_KIND_LABELS[v.kind][locale] },
            { term: t("activities.events.fields.subtype"), description: EVENT_SUBTYPE_LABELS[v.subtype][locale] },
            { term: t("activities.events.fields.date"), description: formatDate(v.date, locale) },
            { term: t("activities.events.fields.officeId"), description: owner },
            { term: t("activities.events.fields.venue"), description: v.venue ?? none },
            { term: t("activities.events.fields.participants"), description: t("activities.common.people", { n: v.participants.toLocaleString("ja-JP") }) },
            ...(v.kind === "family_support" ? [{ term: t("activities.events.fields.families"), description: v.families === null ? none : v.families.toLocaleString("ja-JP") }] : []),
            { term: t("activities.events.fields.withPeers"), description: t(v.withPeers ? "activities.common.yes" : "activities.common.no") },
            { term: t("activities.events.fields.note"), description: v.note ? <span className="whitespace-pre-wrap">{v.note}</span> : none },
          ]}
        />
        <UpdatedAt t={t} locale={locale} at={event.updatedAt} />
      </Card>
    </div>
  );
}
