import { DIAGNOSIS_GROUP_LABELS, REFERRAL_SOURCE_LABELS } from "@/lib/domain/case-codes";
import type { Label, Locale } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import { OUTREACH_END_REASON_LABELS, OUTREACH_TARGET_LABELS, OUTREACH_TEAM_KIND_LABELS } from "@/lib/domain/outreach-codes";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { OUTREACH_RECORD_FIELDS, type OutreachRecordField } from "@/lib/validation/outreach";

const CODE_LABELS: Partial<Record<OutreachRecordField, Readonly<Record<string, Label>>>> = {
  primaryTarget: OUTREACH_TARGET_LABELS,
  teamKind: OUTREACH_TEAM_KIND_LABELS,
  referralSource: REFERRAL_SOURCE_LABELS,
  diagnosisGroup: DIAGNOSIS_GROUP_LABELS,
  endReason: OUTREACH_END_REASON_LABELS,
};

/** Each record field's label in the user's language, for conflict messages. */
export function outreachFieldLabels(t: Translate): Record<string, string> {
  return Object.fromEntries(OUTREACH_RECORD_FIELDS.map((f) => [f, t(`outreach.form.fields.${f}` as MessageKey)]));
}

/**
 * A stored value as the user would recognise it (a label, a name, a date as written here)
 * rather than a code or an id, for "someone changed X to …" lines.
 */
export function readableOutreachValue(field: string, value: unknown, context: { t: Translate; locale: Locale; staff: Map<string, string> }): string {
  const { t, locale } = context;
  if (typeof value === "boolean") return t(value ? "outreach.form.yes" : "outreach.form.no");
  if (Array.isArray(value)) {
    if (value.length === 0) return t("outreach.form.notRecorded");
    return value.map((v) => OUTREACH_TARGET_LABELS[v as keyof typeof OUTREACH_TARGET_LABELS]?.[locale] ?? String(v)).join(t("outreach.detail.audit.listSeparator"));
  }
  if (value === null || value === undefined || value === "") return t("outreach.form.notRecorded");
  const text = String(value);
  const labels = CODE_LABELS[field as OutreachRecordField];
  if (labels) return labels[text]?.[locale] ?? text;
  if (field === "coordinatorUserId") return context.staff.get(text) ?? text;
  if (field.endsWith("Date") && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text, locale);
  return text;
}
