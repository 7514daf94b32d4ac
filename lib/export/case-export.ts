import "server-only";
import { getCaseForActor, type CaseDetail } from "@/lib/dal/cases";
import { listDispatchesOfCaseForActor } from "@/lib/dal/peer-dispatch-list";
import { auditExport, checkExportRate, decideIdentity, type IdentityRequest } from "@/lib/dal/exports";
import type { Actor } from "@/lib/dal/actor";
import {
  ACTIVITY_TYPE_LABELS,
  ADMISSION_TYPE_LABELS,
  CARE_PLAN_STATUS_LABELS,
  CARE_PLAN_TYPE_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  PHASE_LABELS,
  TRIAL_OUTCOME_LABELS,
  TRIAL_PLACE_LABELS,
  TRIAL_STAY_KIND_LABELS,
} from "@/lib/domain/case-codes";
import { codeLabel, type Locale } from "@/lib/domain/codes";
import { DISPATCH_STATUS_LABELS, PEER_PURPOSE_LABELS } from "@/lib/domain/peer-codes";
import type { Translate } from "@/lib/i18n/translate";
import type { ExportFormat, ExportRefusal, OpenedExport } from "./lists";
import type { Cell } from "./stream";

/*
 * One case's records as a file (ADR 0044): what the case page shows, one line per record — the
 * phase changes (経過), support records (支援記録), trial stays, care plans, hospitalisations,
 * follow-ups and peer dispatches — under the columns 区分 / 日付 / 種類 / 内容 / 担当 / 記録の文.
 * The person's name, kana, birth date, phone and address (a heading block) and the free text of
 * the records (記録の文) are written only when the export carries identity (a supervisor who
 * asked, with a reason); everyone else gets the case number and the facts. One case's records
 * are bounded, so they are read with the page's own function (getCaseForActor, which checks the
 * case is in reach and audits the view) and streamed section by section.
 */

type Ctx = { t: Translate; locale: Locale };
type Line = [section: string, date: string | null, kind: string | null, detail: string | null, by: string | null, text: string | null];

/** A code's label, or the code itself if it is not (or no longer) one of the labels. */
function label<K extends string>(labels: Readonly<Record<K, Readonly<Record<Locale, string>>>>, code: string | null, locale: Locale): string | null {
  if (code === null) return null;
  return Object.hasOwn(labels, code) ? labels[code as K][locale] : code;
}

function sections(detail: CaseDetail, dispatches: ReturnType<typeof listDispatchesOfCaseForActor>, { t, locale }: Ctx): Line[][] {
  return [
    detail.timeline.map((e): Line => [t("caseDetail.timeline.title"), e.date, PHASE_LABELS[e.phase][locale], e.fromPhase ? `${PHASE_LABELS[e.fromPhase][locale]} → ${PHASE_LABELS[e.phase][locale]}` : null, e.by, e.note]),
    detail.activities.map((a): Line => [
      t("caseDetail.activity.title"),
      a.date,
      label(ACTIVITY_TYPE_LABELS, a.activityType, locale),
      [a.minutes !== null ? t("export.case.minutes", { n: a.minutes }) : null, a.withPeer ? t("export.case.withPeer") : null].filter(Boolean).join(" / ") || null,
      a.staffName,
      a.summary,
    ]),
    detail.trialStays.map((s): Line => [
      t("caseDetail.trialStay.title"),
      s.startDate,
      label(TRIAL_STAY_KIND_LABELS, s.kind, locale),
      `${label(TRIAL_PLACE_LABELS, s.placeType, locale)} / ${s.startDate}〜${s.endDate}（${t("export.case.nights", { n: s.nights })}）${s.outcome ? ` / ${label(TRIAL_OUTCOME_LABELS, s.outcome, locale)}` : ""}`,
      null,
      null,
    ]),
    detail.carePlans.map((p): Line => [
      t("caseDetail.carePlan.title"),
      p.createdDate,
      label(CARE_PLAN_TYPE_LABELS, p.planType, locale),
      [label(CARE_PLAN_STATUS_LABELS, p.status, locale), p.reviewDueDate ? t("export.case.reviewDue", { date: p.reviewDueDate }) : null].filter(Boolean).join(" / "),
      null,
      null,
    ]),
    detail.hospitalizations.map((h): Line => [
      t("caseDetail.hospitalization.title"),
      h.admissionDate,
      label(ADMISSION_TYPE_LABELS, h.admissionType, locale),
      `${h.hospitalName}${h.dischargeDate ? ` / ${h.admissionDate}〜${h.dischargeDate}` : ""}`,
      null,
      null,
    ]),
    detail.followUps.map((f): Line => [
      t("caseDetail.followUp.title"),
      f.dueDate,
      t("export.case.followUp", { n: f.offsetMonths }),
      [f.checkedDate ? t("export.case.checked", { date: f.checkedDate }) : null, label(FOLLOW_UP_STATUS_LABELS, f.status, locale)].filter(Boolean).join(" / ") || null,
      null,
      f.note,
    ]),
    dispatches.map((d): Line => [
      t("caseDetail.peers.title"),
      d.date,
      codeLabel(PEER_PURPOSE_LABELS, d.purpose, locale),
      codeLabel(DISPATCH_STATUS_LABELS, d.status, locale),
      d.members.join(" "),
      null,
    ]),
  ];
}

/**
 * Open the export of one case's records: identity decision, the hourly limit, the case through its
 * gate (not in reach: not_found, before anything is counted or written), then the audit row.
 */
export function openCaseExport(
  actor: Actor,
  caseId: string,
  identity: IdentityRequest,
  format: ExportFormat,
  ctx: Ctx,
  options: { exportsPerHour?: number; now?: Date } = {},
): OpenedExport | ExportRefusal {
  const decision = decideIdentity(actor, identity);
  if (!decision.ok) return { ok: false, status: 400, error: "reason_required" };
  const detail = getCaseForActor(actor, caseId);
  const rate = checkExportRate(actor, "case", "case", options);
  if (!rate.ok) return { ok: false, status: 429, error: "throttled", limit: rate.limit };
  const dispatches = listDispatchesOfCaseForActor(actor, caseId);
  const parts = sections(detail, dispatches, ctx);
  const total = parts.reduce((n, s) => n + s.length, 0);
  auditExport(actor, { entityType: "case", entityId: caseId, list: "case", format, filter: { caseId }, sort: { sort: "section", dir: "asc" }, rows: total, withIdentity: decision.withIdentity, reason: decision.reason });

  const { t } = ctx;
  const header = [t("export.case.section"), t("export.case.date"), t("export.case.kind"), t("export.case.detail"), t("export.case.by"), ...(decision.withIdentity ? [t("export.case.text")] : [])];
  const width = header.length;
  const person: Cell[][] = decision.withIdentity
    ? [
        [t("export.case.person"), null, t("export.columns.name"), `${detail.identity.familyName} ${detail.identity.givenName}`, null],
        [t("export.case.person"), null, t("export.columns.kana"), `${detail.identity.familyNameKana} ${detail.identity.givenNameKana}`, null],
        [t("export.case.person"), detail.identity.dateOfBirth, t("export.case.dateOfBirth"), null, null],
        [t("export.case.person"), null, t("export.case.phone"), detail.identity.phone, null],
        [t("export.case.person"), null, t("export.case.address"), detail.identity.address, null],
      ]
    : [];
  const caseLine: Cell[] = [t("export.case.case"), null, detail.caseNo, `${PHASE_LABELS[detail.phase][ctx.locale]} / ${detail.office.name} / ${detail.hospital.name}`, detail.coordinator.name];
  function* batches(): Generator<Cell[][]> {
    yield [caseLine, ...person].map((r) => [...r, ...Array(width - r.length).fill(null)].slice(0, width));
    for (const part of parts) if (part.length > 0) yield part.map((line) => line.slice(0, width));
  }
  return { ok: true, title: `${t("export.case.fileName")}_${detail.caseNo}`, header, total, withIdentity: decision.withIdentity, batches: batches() };
}
