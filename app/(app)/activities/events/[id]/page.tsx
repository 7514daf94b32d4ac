import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { DeleteDialog } from "@/components/activities/delete-dialog";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { FormMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { getEventForActor } from "@/lib/dal/community-events";
import { isAppError } from "@/lib/dal/errors";
import { requirePermission } from "@/lib/dal/session";
import { EVENT_KIND_LABELS, EVENT_SUBTYPE_LABELS } from "@/lib/domain/activity-codes";
import { formatDate, formatDateTime } from "@/lib/domain/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { canWriteActivities } from "../../_lib/access";
import { deleteEventAction } from "../actions";

type Params = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  const actor = await requirePermission("read:activity:reach");
  try {
    return { actor, event: getEventForActor(actor, id) };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
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
      <PageHeader
        title={v.title}
        description={`${formatDate(v.date, locale)}・${EVENT_KIND_LABELS[v.kind][locale]}`}
        breadcrumbs={[
          { href: "/activities", label: t("activities.title") },
          { href: "/activities/events", label: t("activities.events.title") },
        ]}
        actions={
          <>
            {event.canEdit && <ButtonLink href={`/activities/events/${event.id}/edit`}>{t("activities.common.edit")}</ButtonLink>}
            {canWriteActivities(actor) && (
              <ButtonLink href={`/activities/events/new?copy=${event.id}`} variant="secondary">
                {t("activities.common.copy")}
              </ButtonLink>
            )}
            {event.canEdit && <DeleteDialog action={deleteEventAction} id={event.id} version={event.version} title={v.title} />}
          </>
        }
      />
      {!event.canEdit && canWriteActivities(actor) && <FormMessage tone="info">{t("activities.common.readOnly", { owner })}</FormMessage>}
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
        <p className="mt-3 text-xs text-slate-600">{t("activities.common.updatedAt", { at: formatDateTime(event.updatedAt, locale) })}</p>
      </Card>
    </div>
  );
}
