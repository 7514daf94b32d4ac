import { fieldLabels, parseAuditDetail } from "@/components/ui/audit-log";
import type { Locale } from "@/lib/domain/codes";
import { CARE_PLAN_STATUS_LABELS, PHASE_LABELS, type CarePlanStatus, type Phase } from "@/lib/domain/case-codes";
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
function isPlanStatus(v: unknown): v is CarePlanStatus {
  return typeof v === "string" && v in CARE_PLAN_STATUS_LABELS;
}

/**
 * A short, human summary of an audit row's `detail` JSON: which record was added, which
 * phase change, which fields changed. Values are never shown, only what was touched.
 */
export function auditSummary(action: string, rawDetail: string | null, t: Translate, locale: Locale): string {
  const d = parseAuditDetail(rawDetail);
  const record = typeof d.record === "string" && (RECORD_KINDS as readonly string[]).includes(d.record) ? (d.record as RecordKind) : null;
  const changes = d.changes && typeof d.changes === "object" ? (d.changes as Record<string, unknown>) : null;
  if (action === "view") return t(d.identity ? "caseDetail.audit.viewedIdentity" : "caseDetail.audit.viewed");
  if (action === "create") {
    return record ? t("caseDetail.audit.recordAdded", { record: t(`caseDetail.audit.records.${record}`) }) : t("caseDetail.audit.created");
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
    return t("caseDetail.audit.phaseChanged", {
      from: PHASE_LABELS[d.phase[0]][locale],
      to: PHASE_LABELS[d.phase[1]][locale],
      date: typeof d.date === "string" ? formatDate(d.date, locale) : "—",
    });
  }
  if (d.reassigned) return t("caseDetail.audit.reassigned");
  if (record === "follow_up") return t("caseDetail.audit.followUpRecorded", { n: Number(d.offsetMonths) || 0 });
  if (record === "care_plan" && changes && Array.isArray(changes.status)) {
    const [from, to] = changes.status as unknown[];
    return t("caseDetail.audit.planStatus", {
      from: isPlanStatus(from) ? CARE_PLAN_STATUS_LABELS[from][locale] : "—",
      to: isPlanStatus(to) ? CARE_PLAN_STATUS_LABELS[to][locale] : "—",
    });
  }
  if (changes) {
    const fields = fieldLabels(Object.keys(changes), "caseDetail.summary.", t);
    if (fields.length > 0) return t("caseDetail.audit.fieldsChanged", { fields: fields.join(t("caseDetail.listSeparator")) });
  }
  return "—";
}
