"use client";
import { CheckboxGroup, FormMessage, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { dateInputValue, useCheckedForm, type FormAction } from "@/components/forms/use-checked-form";
import { codeOptions } from "@/lib/domain/codes";
import { PEER_PURPOSE_LABELS, PEER_TRAINING_LABELS, PEER_TRAININGS } from "@/lib/domain/peer-codes";
import { useI18n } from "@/lib/i18n/client";

const MULTI = ["activities", "regionIds"] as const;

export type PeerFormValues = {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  phone: string | null;
  email: string | null;
  consentDate: string | null;
  volunteerInsuranceUntil: string | null;
  activities: string[];
  regionIds: string[];
};

type Props = {
  action: FormAction;
  regions: { id: string; name: string }[];
} & (
  | { mode: "create"; offices: { id: string; name: string }[]; defaultOfficeId: string; today: string }
  | { mode: "edit"; id: string; version: number; base: string; values: PeerFormValues }
);

/**
 * Registering a peer and editing one share this form. Registration is made at an office and
 * lasts to the end of that fiscal year; the 養成研修 and other trainings are dated here too.
 */
export function PeerForm(props: Props) {
  const { t, locale } = useI18n();
  const schema = () => import("@/lib/validation/peer").then((m) => (props.mode === "create" ? m.PeerCreateSchema : m.PeerUpdateSchema));
  const { formAction, onSubmit, errors, message, messageRef, value, values } = useCheckedForm(props.action, schema, { multi: MULTI });
  const stored = props.mode === "edit" ? props.values : null;
  const text = (name: keyof PeerFormValues, isDate = false) => {
    const v = stored?.[name];
    return value(name, typeof v === "string" ? (isDate ? dateInputValue(v) : v) : "");
  };
  const legend = "text-base font-semibold text-slate-900";
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-6" noValidate>
      <div ref={messageRef} tabIndex={-1} className="outline-none">
        {message && <FormMessage tone="error">{message}</FormMessage>}
      </div>
      <FormMessage tone="info">{t("peers.form.privacy")}</FormMessage>
      {props.mode === "edit" && (
        <>
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="version" value={props.version} />
          <input type="hidden" name="base" value={props.base} />
        </>
      )}
      {props.mode === "create" && (
        <fieldset className="grid gap-4 rounded-md border border-slate-300 bg-white p-5 shadow-sm sm:grid-cols-2">
          <legend className={legend}>{t("peers.form.registration")}</legend>
          <SelectField
            label={t("peers.fields.office")}
            name="officeId"
            required
            options={props.offices.map((o) => ({ value: o.id, label: o.name }))}
            defaultValue={value("officeId", props.defaultOfficeId)}
            error={errors.officeId}
          />
          <TextField
            label={t("peers.fields.registeredOn")}
            name="registeredOn"
            required
            hint={t("peers.form.registeredOnHint")}
            defaultValue={value("registeredOn", dateInputValue(props.today))}
            error={errors.registeredOn}
          />
        </fieldset>
      )}
      <fieldset className="grid gap-4 rounded-md border border-slate-300 bg-white p-5 shadow-sm sm:grid-cols-2">
        <legend className={legend}>{t("peers.form.identity")}</legend>
        <TextField label={t("peers.fields.familyName")} name="familyName" required autoComplete="off" defaultValue={text("familyName")} error={errors.familyName} autoFocus={props.mode === "create"} />
        <TextField label={t("peers.fields.givenName")} name="givenName" required autoComplete="off" defaultValue={text("givenName")} error={errors.givenName} />
        <TextField label={t("peers.fields.familyNameKana")} name="familyNameKana" required autoComplete="off" defaultValue={text("familyNameKana")} error={errors.familyNameKana} />
        <TextField label={t("peers.fields.givenNameKana")} name="givenNameKana" required autoComplete="off" defaultValue={text("givenNameKana")} error={errors.givenNameKana} />
        <TextField label={t("peers.fields.phone")} name="phone" type="tel" autoComplete="off" defaultValue={text("phone")} error={errors.phone} />
        <TextField label={t("peers.fields.email")} name="email" textKind="email" type="email" autoComplete="off" defaultValue={text("email")} error={errors.email} />
      </fieldset>
      <fieldset className="grid gap-4 rounded-md border border-slate-300 bg-white p-5 shadow-sm sm:grid-cols-2">
        <legend className={legend}>{t("peers.form.record")}</legend>
        <TextField label={t("peers.fields.consentDate")} name="consentDate" hint={t("peers.form.dateHint")} defaultValue={text("consentDate", true)} error={errors.consentDate} />
        <TextField
          label={t("peers.fields.volunteerInsuranceUntil")}
          name="volunteerInsuranceUntil"
          hint={t("peers.form.insuranceHint")}
          defaultValue={text("volunteerInsuranceUntil", true)}
          error={errors.volunteerInsuranceUntil}
        />
        <div className="sm:col-span-2">
          <CheckboxGroup
            legend={t("peers.fields.activities")}
            name="activities"
            options={codeOptions(PEER_PURPOSE_LABELS, locale)}
            defaultValues={values("activities", stored?.activities ?? [])}
            error={errors.activities}
          />
        </div>
        <div className="sm:col-span-2">
          <CheckboxGroup
            legend={t("peers.fields.regionIds")}
            name="regionIds"
            options={props.regions.map((r) => ({ value: r.id, label: r.name }))}
            defaultValues={values("regionIds", stored?.regionIds ?? [])}
            error={errors.regionIds}
          />
        </div>
      </fieldset>
      {props.mode === "create" && (
        <fieldset className="grid gap-4 rounded-md border border-slate-300 bg-white p-5 shadow-sm sm:grid-cols-2">
          <legend className={legend}>{t("peers.form.trainings")}</legend>
          <p className="text-sm text-slate-700 sm:col-span-2">{t("peers.form.trainingsHint")}</p>
          {PEER_TRAININGS.map((kind) => (
            <TextField
              key={kind}
              label={t("peers.form.trainingDate", { training: PEER_TRAINING_LABELS[kind][locale] })}
              name={`training_${kind}`}
              defaultValue={value(`training_${kind}`, "")}
              error={errors[`training_${kind}`]}
            />
          ))}
        </fieldset>
      )}
      <div className="flex justify-end">
        <SubmitButton>{t(props.mode === "create" ? "peers.form.create" : "peers.form.save")}</SubmitButton>
      </div>
    </form>
  );
}
