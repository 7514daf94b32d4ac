import { DeleteDialog } from "@/components/activities/delete-dialog";
import type { FormAction } from "@/components/forms/use-checked-form";
import { ButtonLink } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/lib/domain/codes";
import { formatDateTime } from "@/lib/domain/format";
import type { Translate } from "@/lib/i18n/translate";
import { sectionCrumbs } from "../_lib/sections";

/*
 * The headers of the record pages that meetings, trainings and events share: the new record
 * (with copy-the-previous-one), one record (edit, copy, delete, or why it is read-only) and its
 * edit page.
 */

type RecordSection = "meetings" | "trainings" | "events";

/** "Copy the previous record" until a copy is loaded; then which record the form was copied from. */
export function NewRecordHeader({ t, section, previousId, copied }: { t: Translate; section: RecordSection; previousId: string | null; copied: { title: string } | null }) {
  return (
    <>
      <PageHeader
        title={t(`activities.${section}.newTitle`)}
        breadcrumbs={sectionCrumbs(t, section)}
        actions={
          previousId && !copied ? (
            <ButtonLink href={`/activities/${section}/new?copy=${previousId}`} variant="secondary">
              {t("activities.common.copyPrevious")}
            </ButtonLink>
          ) : undefined
        }
      />
      {copied && <FormMessage tone="info">{t("activities.common.copiedFrom", { title: copied.title })}</FormMessage>}
    </>
  );
}

/**
 * One record's header: edit and delete for whoever may change it, copy for anyone who records
 * activities, and for a writer who may not change this one, whose record it is.
 */
export function RecordHeader({
  t,
  section,
  record,
  title,
  description,
  owner,
  canWrite,
  deleteAction,
}: {
  t: Translate;
  section: RecordSection;
  record: { id: string; version: number; canEdit: boolean };
  title: string;
  description: string;
  /** The owner's name as the read-only note says it. */
  owner: string;
  /** The actor records activities at all (offices' or the prefecture's). */
  canWrite: boolean;
  deleteAction: FormAction;
}) {
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        breadcrumbs={sectionCrumbs(t, section)}
        actions={
          <>
            {record.canEdit && <ButtonLink href={`/activities/${section}/${record.id}/edit`}>{t("activities.common.edit")}</ButtonLink>}
            {canWrite && (
              <ButtonLink href={`/activities/${section}/new?copy=${record.id}`} variant="secondary">
                {t("activities.common.copy")}
              </ButtonLink>
            )}
            {record.canEdit && <DeleteDialog action={deleteAction} id={record.id} version={record.version} title={title} />}
          </>
        }
      />
      {!record.canEdit && canWrite && <FormMessage tone="info">{t("activities.common.readOnly", { owner })}</FormMessage>}
    </>
  );
}

/** The edit page's header: the record's title, with the way back to it. */
export function EditRecordHeader({ t, section, id, title }: { t: Translate; section: RecordSection; id: string; title: string }) {
  return <PageHeader title={t(`activities.${section}.editTitle`)} description={title} breadcrumbs={[...sectionCrumbs(t, section), { href: `/activities/${section}/${id}`, label: title }]} />;
}

export function UpdatedAt({ t, locale, at }: { t: Translate; locale: Locale; at: string }) {
  return <p className="mt-3 text-xs text-slate-600">{t("activities.common.updatedAt", { at: formatDateTime(at, locale) })}</p>;
}
