"use client";
import clsx from "clsx";
import { useActionState, useEffect, useId, useState, type FormEvent } from "react";
import { useBrowserSchema } from "@/components/forms/use-browser-schema";
import { focusRing } from "@/components/ui/button";
import { Dialog, DialogCancelButton, useDialog } from "@/components/ui/dialog";
import { FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useI18n } from "@/lib/i18n/client";
import { checkFormInBrowser } from "@/lib/validation/client";
import { initialFormState, type FormState } from "@/lib/validation/form";

type Action = (prev: FormState, formData: FormData) => Promise<FormState>;
type Option = { value: string; label: string };
export type EditableHospital = {
  id: string;
  name: string;
  municipalityCode: string | null;
  psychBeds: number | null;
  active: boolean;
  version: number;
  /** The loaded values as JSON, sent back so a stale save can list only what someone else changed. */
  base: string;
};

/** "病院を追加": the add form in a dialog. */
export function AddHospitalDialog({ action, municipalities }: { action: Action; municipalities: Option[] }) {
  const { t } = useI18n();
  return (
    <Dialog triggerLabel={t("hospitals.add")} title={t("hospitals.addTitle")} description={t("hospitals.addDescription")}>
      <HospitalForm action={action} municipalities={municipalities} />
    </Dialog>
  );
}

/** "編集" in a row: the same form, loaded with the hospital, in a dialog. */
export function EditHospitalDialog({ action, municipalities, hospital }: { action: Action; municipalities: Option[]; hospital: EditableHospital }) {
  const { t } = useI18n();
  return (
    <Dialog triggerLabel={t("hospitals.edit")} triggerVariant="secondary" title={t("hospitals.editTitle")} description={t("hospitals.editDescription", { name: hospital.name })}>
      <HospitalForm action={action} municipalities={municipalities} hospital={hospital} />
    </Dialog>
  );
}

/**
 * One form for adding and editing. The shared schema runs in the browser first; the server
 * checks again (a taken name, a stale version). On success the dialog closes and the list,
 * re-rendered by the action, shows the change.
 */
function HospitalForm({ action, municipalities, hospital }: { action: Action; municipalities: Option[]; hospital?: EditableHospital }) {
  const { t } = useI18n();
  const { close } = useDialog();
  const [state, formAction] = useActionState(action, initialFormState);
  const [browserErrors, setBrowserErrors] = useState<Record<string, string> | null>(null);
  // Several of these forms share the page (one per row), so every field id gets a prefix.
  const prefix = useId();
  const schema = useBrowserSchema(() => import("./hospital-schema").then((m) => (hospital ? m.HospitalUpdateSchema : m.HospitalFormSchema)));

  useEffect(() => {
    if (state.ok) close();
  }, [state, close]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Not loaded yet (sent before any field was touched): the server checks with the same schema.
    const loaded = schema();
    const errors = loaded && checkFormInBrowser(loaded, event.currentTarget, t);
    setBrowserErrors(errors);
    if (errors) event.preventDefault();
  }

  const e: Record<string, string> = { ...(state.ok ? {} : state.fieldErrors), ...browserErrors };
  const message = browserErrors ? t("validation.failed") : state.ok ? undefined : state.message;
  const typed = (name: string, fallback?: string) => {
    const v = state.ok ? undefined : state.values?.[name];
    return typeof v === "string" ? v : fallback;
  };
  const activeChecked = state.ok || !state.values ? (hospital?.active ?? true) : state.values.active === "true";

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      {message && <FormMessage tone="error">{message}</FormMessage>}
      {hospital && (
        <>
          <input type="hidden" name="id" value={hospital.id} />
          <input type="hidden" name="version" value={hospital.version} />
          <input type="hidden" name="base" value={hospital.base} />
        </>
      )}
      <TextField
        id={`${prefix}-name`}
        label={t("hospitals.name")}
        name="name"
        required
        textKind="title"
        autoComplete="off"
        hint={t("hospitals.nameHint")}
        defaultValue={typed("name", hospital?.name)}
        error={e.name}
      />
      <SelectField
        id={`${prefix}-municipality`}
        label={t("hospitals.municipality")}
        name="municipalityCode"
        options={municipalities}
        placeholder={t("hospitals.municipalityNone")}
        defaultValue={typed("municipalityCode", hospital?.municipalityCode ?? "")}
        error={e.municipalityCode}
      />
      <TextField
        id={`${prefix}-beds`}
        label={t("hospitals.beds")}
        name="psychBeds"
        inputMode="numeric"
        autoComplete="off"
        hint={t("hospitals.bedsHint")}
        defaultValue={typed("psychBeds", hospital?.psychBeds == null ? "" : String(hospital.psychBeds))}
        error={e.psychBeds}
      />
      {hospital && (
        <div className="space-y-1">
          <div className="flex items-center gap-2">
            <input
              // Remounted with the stored value, so React's reset after a save lands on it.
              key={String(activeChecked)}
              id={`${prefix}-active`}
              type="checkbox"
              name="active"
              value="true"
              defaultChecked={activeChecked}
              aria-describedby={`${prefix}-active-hint`}
              className={clsx("size-4 rounded-sm accent-brand-700", focusRing)}
            />
            <label htmlFor={`${prefix}-active`} className="text-sm font-medium text-slate-800">
              {t("hospitals.activeLabel")}
            </label>
          </div>
          <p id={`${prefix}-active-hint`} className="text-sm text-slate-600">
            {t("hospitals.activeHint")}
          </p>
        </div>
      )}
      <div className="flex flex-wrap justify-end gap-2 pt-2">
        <DialogCancelButton />
        <SubmitButton>{hospital ? t("hospitals.save") : t("hospitals.addSubmit")}</SubmitButton>
      </div>
    </form>
  );
}
