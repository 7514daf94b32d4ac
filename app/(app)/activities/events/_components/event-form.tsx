"use client";
import { useState } from "react";
import { Check } from "@/components/activities/check-field";
import { ConflictBanner } from "@/components/activities/conflict-banner";
import { enterSubmits } from "@/components/forms/enter-submits";
import { useCheckedForm } from "@/components/forms/use-checked-form";
import { ButtonLink } from "@/components/ui/button";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { EVENT_KIND_LABELS, EVENT_SUBTYPE_LABELS, EVENT_SUBTYPES_BY_KIND, type EventKind } from "@/lib/domain/activity-codes";
import { codeOptions } from "@/lib/domain/codes";
import { useI18n } from "@/lib/i18n/client";
import type { MessageKey } from "@/lib/i18n/translate";
import { EventCreateSchema, EventUpdateSchema } from "@/lib/validation/activities";
import type { ActivityFormState } from "../../_lib/form-state";

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
  action: (prev: ActivityFormState, formData: FormData) => Promise<ActivityFormState>;
  mode: "create" | "edit";
  defaults: Record<string, string>;
  hosts: Option[];
  cancelHref: string;
  edit?: { id: string; version: number; base: string };
}) {
  const { t, locale } = useI18n();
  const schema = mode === "edit" ? EventUpdateSchema : EventCreateSchema;
  const { state, formAction, onSubmit, errors: e, message, messageRef, value, hasBrowserErrors } = useCheckedForm(action, schema);
  const v = (name: string): string => value(name, defaults[name] ?? "") ?? "";
  const [kind, setKind] = useState<EventKind>((v("kind") as EventKind) || "awareness");
  const label = (field: string) => t(`activities.events.fields.${field}` as MessageKey);
  const conflictLines = !state.ok && !hasBrowserErrors ? state.conflictLines : undefined;
  const subtypes = EVENT_SUBTYPES_BY_KIND[kind].map((s) => ({ value: s, label: EVENT_SUBTYPE_LABELS[s][locale] }));
  const subtypeDefault = (EVENT_SUBTYPES_BY_KIND[kind] as readonly string[]).includes(v("subtype")) ? v("subtype") : EVENT_SUBTYPES_BY_KIND[kind][0];

  return (
    <form
      action={formAction}
      onSubmit={onSubmit}
      onKeyDown={enterSubmits}
      onChange={(event) => {
        const target = event.target as unknown as HTMLSelectElement;
        if (target.name === "kind") setKind(target.value as EventKind);
      }}
      className="max-w-4xl space-y-6"
      noValidate
    >
      <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
        {conflictLines ? <ConflictBanner lines={conflictLines} reloadHref={`/activities/events/${edit?.id}/edit`} /> : message && <FormMessage tone="error">{message}</FormMessage>}
      </div>
      <p className="text-sm text-slate-700">{t("activities.common.requiredNote")}</p>
      {edit && (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
          <input type="hidden" name="base" value={edit.base} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={label("kind")} name="kind" required options={codeOptions(EVENT_KIND_LABELS, locale)} defaultValue={kind} error={e.kind} />
        {/* Remounted per kind, so the list only ever offers subtypes of the chosen kind. */}
        <SelectField key={kind} label={label("subtype")} name="subtype" required options={subtypes} defaultValue={subtypeDefault} hint={label("subtypeHint")} error={e.subtype} />
        <TextField label={label("date")} name="date" required hint={t("activities.common.dateHint")} defaultValue={v("date")} error={e.date} autoFocus={mode === "create"} />
        {hosts.length === 1 ? (
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-slate-800">{label("officeId")}</p>
            <p className="text-sm text-slate-900">{hosts[0]!.label}</p>
            <input type="hidden" name="officeId" value={hosts[0]!.value} />
          </div>
        ) : (
          <SelectField label={label("officeId")} name="officeId" required options={hosts} defaultValue={v("officeId")} hint={t("activities.common.hostHint")} error={e.officeId} />
        )}
        <div className="sm:col-span-2">
          <TextField label={label("title")} name="title" required maxLength={200} defaultValue={v("title")} error={e.title} />
        </div>
        <TextField label={label("venue")} name="venue" maxLength={200} defaultValue={v("venue")} error={e.venue} />
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
          <TextAreaField label={label("note")} name="note" rows={2} maxLength={2000} defaultValue={v("note")} error={e.note} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton>{t("activities.common.save")}</SubmitButton>
        {mode === "create" && (
          <SubmitButton variant="secondary" name="next" value="new">
            {t("activities.common.saveAndNext")}
          </SubmitButton>
        )}
        <ButtonLink href={cancelHref} variant="ghost">
          {t("activities.common.cancel")}
        </ButtonLink>
      </div>
    </form>
  );
}
