import {
  ADMISSION_TYPE_LABELS,
  CONSENT_SCOPE_LABELS,
  DATE_PRECISION_LABELS,
  DIAGNOSIS_GROUP_LABELS,
  DISCHARGE_DESTINATION_LABELS,
  END_REASON_LABELS,
  LIVING_ARRANGEMENT_LABELS,
  REFERRAL_SOURCE_LABELS,
  SUPPORT_CATEGORY_LABELS,
  TECHO_GRADE_LABELS,
  WARD_TYPE_LABELS,
} from "@/lib/domain/case-codes";
import type { Label, Locale } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { CASE_RECORD_FIELDS } from "@/lib/validation/case";


export type CaseRecordField = (typeof CASE_RECORD_FIELDS)[number];

const CODE_LABELS: Partial<Record<CaseRecordField, Readonly<Record<string, Label>>>> = {
  referralSource: REFERRAL_SOURCE_LABELS,
  wardType: WARD_TYPE_LABELS,
  admissionDatePrecision: DATE_PRECISION_LABELS,
  admissionType: ADMISSION_TYPE_LABELS,
  diagnosisGroup: DIAGNOSIS_GROUP_LABELS,
  techoGrade: TECHO_GRADE_LABELS,
  supportCategory: SUPPORT_CATEGORY_LABELS,
  consentScope: CONSENT_SCOPE_LABELS,
  dischargeDestination: DISCHARGE_DESTINATION_LABELS,
  livingArrangementAfter: LIVING_ARRANGEMENT_LABELS,
  endReason: END_REASON_LABELS,
};

/** Each field's label in the user's language, for conflict messages. */
export function caseFieldLabels(t: Translate): Record<string, string> {
  return Object.fromEntries(CASE_RECORD_FIELDS.map((f) => [f, t(`caseForm.fields.${f}` as MessageKey)]));
}

/**
 * A stored value as the user would recognise it (a label, a name, a date as written here)
 * rather than a code or an id, for "someone changed X to …" lines.
 */
export function readableCaseValue(
  field: string,
  value: unknown,
  context: { t: Translate; locale: Locale; hospitals: Map<string, string>; staff: Map<string, string> },
): string {
  if (value === null || value === undefined || value === "") return context.t("caseForm.notRecorded");
  const text = String(value);
  const labels = CODE_LABELS[field as CaseRecordField];
  if (labels) return labels[text]?.[context.locale] ?? text;
  if (field === "hospitalId") return context.hospitals.get(text) ?? text;
  if (field === "coordinatorUserId") return context.staff.get(text) ?? text;
  if (field.endsWith("Date") && /^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text, context.locale);
  return text;
}
