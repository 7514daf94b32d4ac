import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { AuditEntityType } from "@/lib/domain/codes";
import { PHASES } from "@/lib/domain/case-codes";
import { todayIso } from "@/lib/domain/fiscal-year";
import type { Actor } from "./actor";
import { getCaseloadForActor, type CaseloadRow } from "./case-list";
import { listCaseStaffForActor } from "./cases";
import { listIncomingTransfers, listTransferredOut } from "./case-transfers";
import { AppError } from "./errors";
import { listHospitalsForActor, type HospitalRow } from "./hospitals";
import { getMunicipalStatusTableForActor, type MunicipalStatusRow } from "./kyogi";
import { auditRowsInLastHour, writeAudit } from "./audit";

/*
 * The gate of every list export (ADR 0044): the hourly limit per user, who may take names out,
 * and the one `export` audit row, written before a byte of the file leaves. The rows themselves
 * are read through each list's own data-access function (lib/export/lists.ts), which checks the
 * role and scopes them in SQL as it does for the page.
 */

/** How many list exports one user may make in an hour (TSUNAGU_EXPORTS_PER_HOUR, default 30). */
export function exportsPerHour(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const n = Number(env.TSUNAGU_EXPORTS_PER_HOUR);
  return Number.isInteger(n) && n > 0 ? n : 30;
}

/**
 * Names, kana and other identity fields (and free text) leave in a file only for a supervisor of
 * the office (the rows are the offices they reach), and only when asked for with a reason.
 * Coordinators work with names on screen but export without them; prefecture staff and admins never.
 */
export function mayExportIdentity(actor: Pick<Actor, "role">): boolean {
  return actor.role === "supervisor" && can(actor.role, "read:identity:reach") && can(actor.role, "read:audit:reach");
}

/** The longest reason kept; a reason must say something (at least 2 characters after trimming). */
export const EXPORT_REASON_MAX = 200;

export type IdentityRequest = { requested: boolean; reason?: string };

export type IdentityDecision = { ok: true; withIdentity: boolean; reason: string | null } | { ok: false; error: "reason_required" };

/**
 * Whether this export carries identity: only when asked, only for a role that may
 * (anyone else quietly gets the export without, as the page's button offers them), and a
 * supervisor asking without a reason is refused (a 400 with the message).
 */
export function decideIdentity(actor: Pick<Actor, "role">, request: IdentityRequest): IdentityDecision {
  if (!request.requested || !mayExportIdentity(actor)) return { ok: true, withIdentity: false, reason: null };
  const reason = (request.reason ?? "").trim().slice(0, EXPORT_REASON_MAX);
  if (reason.length < 2) return { ok: false, error: "reason_required" };
  return { ok: true, withIdentity: true, reason };
}

/** List exports by this user in the last hour (the audit log is the counter: refusals are `view` rows, not counted). */
export function recentExportCount(actor: Pick<Actor, "id">, now: Date = new Date()): number {
  return auditRowsInLastHour(actor.id, [eq(auditLogs.action, "export")], now);
}

export type ExportAuditEntry = {
  entityType: AuditEntityType;
  /** The registry key (`cases`, `meetings`, …) and the file format. */
  list: string;
  format: "csv" | "xlsx";
  filter: unknown;
  sort: { sort: string; dir: string };
  rows: number;
  withIdentity: boolean;
  reason: string | null;
  entityId?: string;
};

/** Over the hourly limit? If so the refusal is audited (as a `view`, so it does not count) and the limit returned. */
export function checkExportRate(actor: Actor, entityType: AuditEntityType, list: string, options: { exportsPerHour?: number; now?: Date } = {}): { ok: true } | { ok: false; limit: number } {
  const limit = options.exportsPerHour ?? exportsPerHour();
  if (recentExportCount(actor, options.now) < limit) return { ok: true };
  getDb().transaction((tx) => writeAudit(tx, actor, { action: "view", entityType, detail: { export: "refused", list, reason: "rate_limit", limit } }));
  return { ok: false, limit };
}

/** The export's audit row (action `export`), in its own transaction, before the file is streamed. */
export function auditExport(actor: Actor, entry: ExportAuditEntry): void {
  const { entityType, entityId, ...detail } = entry;
  getDb().transaction((tx) => writeAudit(tx, actor, { action: "export", entityType, entityId, detail }), { behavior: "immediate" });
}

/**
 * The caseload matrix as /caseload shows it: open cases per coordinator and phase, and the
 * offices' staff who hold none (where a supervisor can hand new cases). Counts only, no person.
 * The page passes the caseload it has already read (and audited).
 */
export function caseloadRowsForActor(actor: Actor, data: Pick<ReturnType<typeof getCaseloadForActor>, "caseload"> = getCaseloadForActor(actor)): CaseloadRow[] {
  const emptyPhases = Object.fromEntries(PHASES.map((p) => [p, 0])) as CaseloadRow["byPhase"];
  const withCases = new Set(data.caseload.map((r) => r.coordinatorId));
  return [
    ...data.caseload,
    ...listCaseStaffForActor(actor)
      .filter((s) => !withCases.has(s.id))
      .map((s) => ({ coordinatorId: s.id, coordinatorName: s.name, byPhase: { ...emptyPhases }, open: 0 })),
  ];
}

/** The hospital master as the admin's page lists it (inactive ones too); admins only, as the page. */
export function hospitalRowsForExport(actor: Actor): HospitalRow[] {
  if (!can(actor.role, "manage:master:prefecture")) throw new AppError("not_found", "errors.notFound");
  return listHospitalsForActor(actor, { includeInactive: true });
}

/** One line of the 移管 page's export: an open request to the actor's offices, or a case transferred out. */
export type TransferExportRow = {
  direction: "incoming" | "out";
  caseNo: string;
  /** The request's least identity (ADR 0032); a case transferred out shows none. */
  name: string | null;
  kana: string | null;
  birthYearMonth: string | null;
  fromOffice: string | null;
  toOffice: string;
  /** The request's day (JST) and who asked; the reason is free text about the person. */
  requestedOn: string | null;
  requestedBy: string | null;
  reason: string | null;
  effectiveDate: string | null;
};

/**
 * 移管 as /transfers shows it: the open requests to the offices the actor reaches (read, and
 * audited as a view, by the page's own listIncomingTransfers), then the cases transferred out.
 * The page's role only (transfer:case:reach, supervisors); anyone else: not_found, as the page.
 */
export function transferRowsForExport(actor: Actor): TransferExportRow[] {
  if (!can(actor.role, "transfer:case:reach")) throw new AppError("not_found", "errors.notFound");
  return [
    ...listIncomingTransfers(actor).map((x): TransferExportRow => ({
      direction: "incoming",
      caseNo: x.caseNo,
      name: x.name,
      kana: x.kana,
      birthYearMonth: x.birthYearMonth,
      fromOffice: x.fromOffice,
      toOffice: x.toOffice,
      requestedOn: todayIso(new Date(x.requestedAt)),
      requestedBy: x.requestedBy,
      reason: x.reason,
      effectiveDate: null,
    })),
    ...listTransferredOut(actor).map((o): TransferExportRow => ({
      direction: "out",
      caseNo: o.caseNo,
      name: null,
      kana: null,
      birthYearMonth: null,
      fromOffice: null,
      toOffice: o.toOffice,
      requestedOn: null,
      requestedBy: null,
      reason: null,
      effectiveDate: o.effectiveDate,
    })),
  ];
}

/**
 * 市町村の協議の場 as /activities/kyogi/status shows a year (the stored rows, never the previous
 * year's copy). The page is the prefecture role's (it enters the table); anyone else: not_found.
 */
export function municipalStatusRowsForExport(actor: Actor, fiscalYear: number): MunicipalStatusRow[] {
  if (!can(actor.role, "write:prefecture-activity:prefecture")) throw new AppError("not_found", "errors.notFound");
  return getMunicipalStatusTableForActor(actor, fiscalYear).rows;
}
