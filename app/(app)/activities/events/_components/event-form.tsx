"use client";
import { useState } from "react";
import { Check } from "@/components/activities/check-field";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { EVENT_KIND_LABELS, EVENT_SUBTYPE_LABELS, EVENT_SUBTYPES_BY_KIND, type EventKind } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import { HostField, onFieldChange, RecordForm, useRecordForm, type ActivityFormAction, type EditedRecord } from "../../_components/record-form";

type Option = { value: string; label: string };

/** 普及啓発 or 家族支援: the subtypes follow the kind, families are asked for 家族支援 only. */
export function EventForm({
  action,
  mode,
  defaults,
  hosts,
  cancelHref,
  edit,
}: {
  action: ActivityFormAction;
  mode: "create" | "edit";
  defaults: Record<string, string>;
  hosts: Option[];
  cancelHref: string;
  edit?: EditedRecord;
}) {
  const { t, locale } = useI18n();
  const form = useRecordForm(action, () => import("@/lib/validation/activities").then((m) => (mode === "edit" ? m.EventUpdateSchema : m.EventCreateSchema)), defaults, "activities.events.fields");
  const { errors: e, v, label } = form;
  const [kind, setKind] = useState<EventKind>((v("kind") as EventKind) || "awareness");
  const subtypes = EVENT_SUBTYPES_BY_KIND[kind].map((s) => ({ value: s, label: EVENT_SUBTYPE_LABELS[s][locale] }));
  const subtypeDefault = (EVENT_SUBTYPES_BY_KIND[kind] as readonly string[]).includes(v("subtype")) ? v("subtype") : EVENT_SUBTYPES_BY_KIND[kind][0];

  return (
    <RecordForm form={form} reloadHref={`/activities/events/${edit?.id}/edit`} edit={edit} onChange={onFieldChange({ kind: (k) => setKind(k as EventKind) })} saveAndNext={mode === "create"} cancelHref={cancelHref}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={label("kind")} name="kind" required options={codeOptions(EVENT_KIND_LABELS, locale)} defaultValue={kind} error={e.kind} />
        {/* Remounted per kind, so the list only ever offers subtypes of the chosen kind. */}
        <SelectField key={kind} label={label("subtype")} name="subtype" required options={subtypes} defaultValue={subtypeDefault} hint={label("subtypeHint")} error={e.subtype} />
        <TextField label={label("date")} name="date" required hint={t("activities.common.dateHint")} defaultValue={v("date")} error={e.date} autoFocus={mode === "create"} />
        <HostField hosts={hosts} label={label("officeId")} value={v("officeId")} hint={t("activities.common.hostHint")} error={e.officeId} />
        <div className="sm:col-span-2">
          <TextField label={label("title")} name="title" required textKind="title" defaultValue={v("title")} error={e.title} />
        </div>
        <TextField label={label("venue")} name="venue" textKind="place" defaultValue={v("venue")} error={e.venue} />
        <TextField label={label("participants")} name="participants" required inputMode="numeric" defaultValue={v("participants")} error={e.participants} />
        {kind === "family_support" ? (
          <TextField label={label("families")} name="families" inputMode="numeric" hint={label("familiesHint")} defaultValue={v("families")} error={e.families} />
        ) : (
          <input type="hidden" name="families" value="" />
        )}
        <div className="flex items-end pb-2">
          <Check name="withPeers" label={label("withPeers")} checked={v("withPeers") === "on"} />
        </div>
        <div className="sm:col-span-2">
          <TextAreaField label={label("note")} name="note" rows={2} textKind="note" defaultValue={v("note")} error={e.note} />
        </div>
      </div>
    </RecordForm>
  );
}
