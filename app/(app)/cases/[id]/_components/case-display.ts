import { fieldLabels, type AuditVocabulary } from "@/components/ui/audit-log";
import { jsonObject } from "@/lib/domain/json-object";
import type { Label, Locale } from "@/lib/domain/codes";
import {
  CASE_FIELD_CODES,
  ACTIVITY_TYPE_LABELS,
  CARE_PLAN_STATUS_LABELS,
  CARE_PLAN_TYPE_LABELS,
  DISCHARGE_DESTINATION_LABELS,
  END_REASON_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  LIVING_ARRANGEMENT_LABELS,
  PHASE_LABELS,
  SEX_LABELS,
  type Phase,
} from "@/lib/domain/case-codes";
import { formatDate } from "@/lib/domain/format";
import type { Translate } from "@/lib/i18n/translate";

/**
 * Display helpers of the case page that are pure arithmetic or wording: kept out of the
 * page so it reads as layout.
 */

/** Whole calendar months from `from` to `to` (both ISO dates), never negative. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/** "1234日（3年4か月）", with 約 in front when the admission date is only partly known. */
export function stayText(t: Translate, days: number, months: number, approximate: boolean): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const span = years > 0 ? t("caseDetail.stay.yearsMonths", { years, months: rest }) : t("caseDetail.stay.months", { months: rest });
  const approx = approximate ? t("caseDetail.stay.approx") : "";
  return t("caseDetail.stay.value", { days: `${approx}${t("caseDetail.stay.days", { days: days.toLocaleString("ja-JP") })}`, span: `${approx}${span}` });
}

const RECORD_KINDS = ["activity", "trial_stay", "care_plan", "hospitalization", "follow_up"] as const;
type RecordKind = (typeof RECORD_KINDS)[number];

function isPhase(v: unknown): v is Phase {
  return typeof v === "string" && v in PHASE_LABELS;
}

/** The code lists of a case's own fields and of its activities. */
const CASE_CODES: Readonly<Record<string, Readonly<Record<string, Label>>>> = {
  ...CASE_FIELD_CODES,
  dischargeDestination: DISCHARGE_DESTINATION_LABELS,
  livingArrangementAfter: LIVING_ARRANGEMENT_LABELS,
  endReason: END_REASON_LABELS,
  activityType: ACTIVITY_TYPE_LABELS,
  planType: CARE_PLAN_TYPE_LABELS,
};

/**
 * How a case's fields read in its 閲覧・変更履歴: labels as on the page (an activity's as in its
 * form), code lists by field, and what a deleted activity's content shows.
 */
export function caseAuditVocabulary(t: Translate): AuditVocabulary {
  return {
    fieldLabel: (field, record) =>
      record === "person"
        ? fieldLabels([field], "caseForm.fields.", t)[0]!
        : record === "activity"
        ? fieldLabels([field === "activityType" ? "type" : field], "caseDetail.activity.", t)[0]!
        : fieldLabels([field], record === "care_plan" ? "caseDetail.audit.planFields." : record === "follow_up" ? "caseDetail.audit.followUpFields." : "caseDetail.summary.", t)[0]!,
    codes: (field, record) =>
      record === "person"
        ? field === "sex"
          ? SEX_LABELS
          : undefined
        : record === "follow_up" ? (field === "status" ? FOLLOW_UP_STATUS_LABELS : undefined) : record === "care_plan" && field === "status" ? CARE_PLAN_STATUS_LABELS : CASE_CODES[field],
    snapshotFields: { activity: ["date", "activityType", "minutes", "withPeer", "staffUserId", "summary"] },
  };
}

/**
 * The headline of an audit row's `detail` JSON: which record was added, which phase change,
 * which fields changed (their old → new values follow below it, worded by the shared panel).
 */
export function auditSummary(action: string, rawDetail: string | null, t: Translate, locale: Locale): string {
  const d = jsonObject(rawDetail);
  const record = typeof d.record === "string" && (RECORD_KINDS as readonly string[]).includes(d.record) ? (d.record as RecordKind) : null;
  const changes = d.changes && typeof d.changes === "object" ? (d.changes as Record<string, unknown>) : null;
  if (action === "view") return t(d.printSummary ? "print.caseSummary.audited" : d.identity ? "caseDetail.audit.viewedIdentity" : "caseDetail.audit.viewed");
  if (action === "create") {
    return record ? t("caseDetail.audit.recordAdded", { record: t(`caseDetail.audit.records.${record}`) }) : t("caseDetail.audit.created");
  }
  // A correction of the person (ADR 0028): its fields as the person form labels them.
  if (d.record === "person" && changes) {
    return t("caseDetail.audit.personCorrected", { fields: fieldLabels(Object.keys(changes), "caseForm.fields.", t).join(t("caseDetail.listSeparator")) });
  }
  if (record && action === "delete") return t("caseDetail.audit.recordDeleted", { record: t(`caseDetail.audit.records.${record}`) });
  if (record === "activity" && changes) {
    // An activity's fields are labelled as in its form (activityType is the 種類 field).
    const keys = Object.keys(changes).map((k) => (k === "activityType" ? "type" : k));
    return t("caseDetail.audit.recordCorrected", {
      record: t("caseDetail.audit.records.activity"),
      fields: fieldLabels(keys, "caseDetail.activity.", t).join(t("caseDetail.listSeparator")),
    });
  }
  if (Array.isArray(d.phase) && isPhase(d.phase[0]) && isPhase(d.phase[1])) {
    const [from, to] = [PHASE_LABELS[d.phase[0]][locale], PHASE_LABELS[d.phase[1]][locale]];
    // Reopening, and a correction or undoing of the latest phase change (lib/dal/case-phase-events.ts).
    if (d.reopened) return t("caseDetail.audit.reopened", { to, reason: typeof d.reason === "string" ? d.reason : "—" });
    if (d.phaseChange === "corrected") return t("caseDetail.audit.phaseCorrected", { from, to });
    const undone = d.event && typeof d.event === "object" ? (d.event as Record<string, unknown>) : {};
    if (d.phaseChange === "undone") return t("caseDetail.audit.phaseUndone", { from: to, to: from, date: typeof undone.date === "string" ? formatDate(undone.date, locale) : "—" });
    return t("caseDetail.audit.phaseChanged", {
      from: PHASE_LABELS[d.phase[0]][locale],
      to: PHASE_LABELS[d.phase[1]][locale],
      date: typeof d.date === "string" ? formatDate(d.date, locale) : "—",
    });
  }
  if (d.reassigned) return t("caseDetail.audit.reassigned");
  if (record === "follow_up") return t("caseDetail.audit.followUpRecorded", { n: Number(d.offsetMonths) || 0 });
  if (record === "care_plan" && changes && Array.isArray(changes.status)) return t("caseDetail.audit.planStatus");
  if (changes) {
    const fields = fieldLabels(Object.keys(changes), "caseDetail.summary.", t);
    if (fields.length > 0) return t("caseDetail.audit.fieldsChanged", { fields: fields.join(t("caseDetail.listSeparator")) });
  }
  return "—";
}
