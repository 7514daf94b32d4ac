import {
  CASE_FIELD_CODES,
  DISCHARGE_DESTINATION_LABELS,
  END_REASON_LABELS,
  LIVING_ARRANGEMENT_LABELS,
} from "@/lib/domain/case-codes";
import { codeNames, type ConflictWording } from "@/lib/actions/conflict-wording";
import type { Label, Locale } from "@/lib/domain/codes";
import type { MessageKey, Translate } from "@/lib/i18n/translate";
import { CASE_RECORD_FIELDS } from "@/lib/validation/case";

export type CaseRecordField = (typeof CASE_RECORD_FIELDS)[number];

const CODE_LABELS: Partial<Record<CaseRecordField, Readonly<Record<string, Label>>>> = {
  ...CASE_FIELD_CODES,
  dischargeDestination: DISCHARGE_DESTINATION_LABELS,
  livingArrangementAfter: LIVING_ARRANGEMENT_LABELS,
  endReason: END_REASON_LABELS,
};

/** Each field's label in the user's language, for conflict messages. */
export function caseFieldLabels(t: Translate): Record<string, string> {
  return Object.fromEntries(CASE_RECORD_FIELDS.map((f) => [f, t(`caseForm.fields.${f}` as MessageKey)]));
}

/**
 * What only the case form knows for a stale save's lines (lib/actions/conflict-wording.ts): its
 * labels, its code lists' labels, and the names of hospitals and staff by id.
 */
export function caseConflictWording(t: Translate, locale: Locale, names: { hospitals: Map<string, string>; staff: Map<string, string> }): ConflictWording {
  return {
    labels: caseFieldLabels(t),
    names: {
      ...Object.fromEntries(Object.entries(CODE_LABELS).map(([field, labels]) => [field, codeNames(labels, locale)])),
      hospitalId: names.hospitals,
      coordinatorUserId: names.staff,
    },
  };
}
