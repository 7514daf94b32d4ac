import { fieldLabels, type AuditVocabulary } from "@/components/ui/audit-log";
import { jsonObject } from "@/lib/domain/json-object";
import { DIAGNOSIS_GROUP_LABELS, REFERRAL_SOURCE_LABELS, SEX_LABELS } from "@/lib/domain/case-codes";
import type { Label, Locale } from "@/lib/domain/codes";
import { formatDate } from "@/lib/domain/format";
import {
  OUTREACH_CONTACT_TYPE_LABELS,
  OUTREACH_END_REASON_LABELS,
  OUTREACH_OUTCOME_LABELS,
  OUTREACH_PROFESSION_LABELS,
  OUTREACH_STATUS_LABELS,
  OUTREACH_TARGET_LABELS,
  OUTREACH_TEAM_KIND_LABELS,
  type OutreachStatus,
} from "@/lib/domain/outreach-codes";
import type { Translate } from "@/lib/i18n/translate";

/*
 * Wording of the outreach case page that is not layout: the headlines of the 閲覧・変更履歴 rows
 * and the vocabulary (labels, code lists) the shared panel words their values with.
 */

const OUTREACH_CODES: Readonly<Record<string, Readonly<Record<string, Label>>>> = {
  referralSource: REFERRAL_SOURCE_LABELS,
  diagnosisGroup: DIAGNOSIS_GROUP_LABELS,
  endReason: OUTREACH_END_REASON_LABELS,
  targets: OUTREACH_TARGET_LABELS,
  primaryTarget: OUTREACH_TARGET_LABELS,
  teamKind: OUTREACH_TEAM_KIND_LABELS,
  contactType: OUTREACH_CONTACT_TYPE_LABELS,
  professions: OUTREACH_PROFESSION_LABELS,
  outcome: OUTREACH_OUTCOME_LABELS,
  status: OUTREACH_STATUS_LABELS,
};

/** How an outreach case's fields, contacts and outcomes read in its 閲覧・変更履歴. */
export function outreachAuditVocabulary(t: Translate): AuditVocabulary {
  return {
    fieldLabel: (field, record) =>
      record === "contact"
        ? fieldLabels([field === "contactType" ? "type" : field], "outreach.detail.contact.", t)[0]!
        : record === "outcome"
          ? fieldLabels([field], "outreach.detail.outcome.", t)[0]!
          : fieldLabels([field], "outreach.form.fields.", t)[0]!,
    codes: (field, record) => (record === "person" ? (field === "sex" ? SEX_LABELS : undefined) : OUTREACH_CODES[field]),
  };
}

const isStatus = (v: unknown): v is OutreachStatus => typeof v === "string" && v in OUTREACH_STATUS_LABELS;

export function outreachAuditSummary(action: string, rawDetail: string | null, t: Translate, locale: Locale): string {
  const d = jsonObject(rawDetail);
  if (action === "view") return t(d.identity ? "outreach.detail.audit.viewedIdentity" : "outreach.detail.audit.viewed");
  if (action === "create") {
    if (d.record === "contact" || d.record === "outcome") return t("outreach.detail.audit.recordAdded", { record: t(`outreach.detail.audit.records.${d.record}`) });
    return t("outreach.detail.audit.created");
  }
  // A correction of the person (ADR 0028): its fields as the person form labels them.
  if (d.record === "person" && d.changes && typeof d.changes === "object") {
    return t("outreach.detail.audit.personCorrected", { fields: fieldLabels(Object.keys(d.changes), "outreach.form.fields.", t).join(t("outreach.detail.audit.listSeparator")) });
  }
  const record = d.record === "contact" || d.record === "outcome" ? t(`outreach.detail.audit.records.${d.record}`) : null;
  if (record && action === "delete") return t("outreach.detail.audit.recordDeleted", { record });
  if (record && d.changes && typeof d.changes === "object") {
    // A contact's fields are labelled as in its form (contactType is the 種類 field).
    const keys = Object.keys(d.changes).map((k) => (k === "contactType" ? "type" : k));
    return t("outreach.detail.audit.recordCorrected", { record, fields: fieldLabels(keys, "outreach.detail.contact.", t).join(t("outreach.detail.audit.listSeparator")) });
  }
  if (Array.isArray(d.status) && isStatus(d.status[0]) && isStatus(d.status[1])) {
    return t("outreach.detail.audit.statusChanged", {
      from: OUTREACH_STATUS_LABELS[d.status[0]][locale],
      to: OUTREACH_STATUS_LABELS[d.status[1]][locale],
      date: typeof d.date === "string" ? formatDate(d.date, locale) : "—",
    });
  }
  if (d.changes && typeof d.changes === "object") {
    const fields = fieldLabels(Object.keys(d.changes), "outreach.form.fields.", t);
    if (fields.length > 0) return t("outreach.detail.audit.fieldsChanged", { fields: fields.join(t("outreach.detail.audit.listSeparator")) });
  }
  return "—";
}
