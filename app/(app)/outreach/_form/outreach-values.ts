import { DIAGNOSIS_GROUP_LABELS, REFERRAL_SOURCE_LABELS } from "@/lib/domain/case-codes";
import { codeNames, type ConflictWording } from "@/lib/actions/conflict-wording";
import type { Label, Locale } from "@/lib/domain/codes";
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
 * What only the outreach form knows for a stale save's lines (lib/actions/conflict-wording.ts):
 * its labels, its code lists' labels (the targets too) and the staff's names by id.
 */
export function outreachConflictWording(t: Translate, locale: Locale, staff: Map<string, string>): ConflictWording {
  return {
    labels: outreachFieldLabels(t),
    names: {
      ...Object.fromEntries(Object.entries(CODE_LABELS).map(([field, labels]) => [field, codeNames(labels, locale)])),
      targets: codeNames(OUTREACH_TARGET_LABELS, locale),
      coordinatorUserId: staff,
    },
  };
}
