import "server-only";
import { ulid } from "ulid";
import { and, asc, desc, eq, isNotNull, lt, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { casePhaseEvents, followUpChecks, hospitalizations } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Phase } from "@/lib/domain/case-codes";
import { followUpDueDates } from "@/lib/domain/case-metrics";
import { todayIso } from "@/lib/domain/fiscal-year";
import type { CaseReopenInput, PhaseChangeCorrectInput, PhaseChangeUndoInput } from "@/lib/validation/case";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { preparedFor } from "./prepared";
import { caseGate, type CaseRow } from "./record-gate";

/*
 * The phase history after the fact (ADR 0029): the latest phase change can be corrected (its date,
 * its note) or undone by whoever recorded it or a supervisor, and a closed case, read-only for
 * everyone (the gate's readOnly), is reopened by a supervisor with a reason. Each of these is one
 * transaction: the case's versioned touch (a stale form changes nothing; the year-end lock's guard
 * on the dates it moves), the phase event, the case's derived dates and rows (the discharge date,
 * the index stay's discharge, the follow-ups), and the audit row.
 */

type PhaseEvent = typeof casePhaseEvents.$inferSelect;

const invalid = (key: string, field?: string) => new AppError("invalid", key, field ? { [field]: key } : {});

/** The case's phase changes, latest first (same day: the later recorded first). */
function latestEvents(caseId: string, limit: number): PhaseEvent[] {
  // The case page's, on every visit of an open case: prepared once (ADR 0057).
  return preparedFor(getDb(), "phaseEvents.latest", (db) =>
    db
      .select()
      .from(casePhaseEvents)
      .where(eq(casePhaseEvents.caseId, sql.placeholder("caseId")))
      .orderBy(desc(casePhaseEvents.date), desc(casePhaseEvents.id))
      .limit(sql.placeholder("limit"))
      .prepare(),
  ).all({ caseId, limit });
}

/** Whether this event set the case's discharge (the first move into 退院; a return from 中断 did not). */
function isFirstDischarge(caseId: string, event: PhaseEvent): boolean {
  if (event.phase !== "discharged") return false;
  const earlier = getDb()
    .select({ id: casePhaseEvents.id })
    .from(casePhaseEvents)
    .where(
      and(
        eq(casePhaseEvents.caseId, caseId),
        eq(casePhaseEvents.phase, "discharged"),
        ne(casePhaseEvents.id, event.id),
        or(lt(casePhaseEvents.date, event.date), and(eq(casePhaseEvents.date, event.date), lt(casePhaseEvents.id, event.id))),
      ),
    )
    .get();
  return !earlier;
}

/** What stands in the way of changing this change, as a message key (null: nothing). */
function whyNotFixable(actor: Actor, event: PhaseEvent): string | null {
  if (event.fromPhase === null) return "validation.phaseChange.opening";
  if (event.fromPhase === "closed") return "validation.phaseChange.reopening";
  if (event.createdBy !== actor.id && !can(actor.role, "correct:phase:reach")) return "validation.phaseChange.notRecorder";
  return null;
}

/** The latest phase change as the case page offers it for correction, if the viewer may change it. */
export type FixablePhaseChange = { id: string; fromPhase: Phase; phase: Phase; date: string; note: string | null; previousDate: string | null };

/** For the case page: the latest change, when the case is open and the viewer may correct or undo it. */
export function fixablePhaseChangeOf(actor: Actor, row: CaseRow): FixablePhaseChange | null {
  if (!caseGate.allows(actor, "write") || row.phase === "closed") return null;
  const [latest, previous] = latestEvents(row.id, 2);
  if (!latest || whyNotFixable(actor, latest) || !latest.fromPhase) return null;
  return { id: latest.id, fromPhase: latest.fromPhase, phase: latest.phase, date: latest.date, note: latest.note, previousDate: previous?.date ?? null };
}

/** For the case page: the phase a closed case returns to when a supervisor reopens it. */
export function reopenTargetOf(actor: Actor, row: CaseRow): Phase | null {
  if (row.phase !== "closed" || !caseGate.allows(actor, "reopen:case:reach")) return null;
  return closingEventOf(row.id)?.fromPhase ?? null;
}

function closingEventOf(caseId: string): PhaseEvent | undefined {
  return preparedFor(getDb(), "phaseEvents.closing", (db) =>
    db
      .select()
      .from(casePhaseEvents)
      .where(and(eq(casePhaseEvents.caseId, sql.placeholder("caseId")), eq(casePhaseEvents.phase, "closed"), isNotNull(casePhaseEvents.fromPhase), ne(casePhaseEvents.fromPhase, "closed")))
      .orderBy(desc(casePhaseEvents.date), desc(casePhaseEvents.id))
      .prepare(),
  ).get({ caseId });
}

/**
 * The change named by the form, only if it is the case's latest and the actor may change it.
 * The case is loaded for writing, so a closed case (read-only) or one out of reach is refused first.
 */
function loadLatestChange(actor: Actor, caseId: string, version: number, eventId: string) {
  const row = caseGate.load(actor, caseId, "write");
  if (row.version !== version) throw new AppError("conflict", "errors.conflict");
  const [latest, previous] = latestEvents(row.id, 2);
  if (!latest || latest.id !== eventId) {
    const exists = getDb().select({ id: casePhaseEvents.id }).from(casePhaseEvents).where(and(eq(casePhaseEvents.id, eventId), eq(casePhaseEvents.caseId, row.id))).get();
    if (!exists) throw new AppError("not_found", "errors.notFound");
    throw invalid("validation.phaseChange.notLatest");
  }
  const why = whyNotFixable(actor, latest);
  if (why) throw invalid(why);
  return { row, event: latest as PhaseEvent & { fromPhase: Phase }, previous };
}

/** The discharge's records that would lose their footing if the discharge moved or went away. */
function dischargeRecordsBefore(caseId: string, date: string | null) {
  const db = getDb();
  const readmission = db
    .select({ admissionDate: hospitalizations.admissionDate })
    .from(hospitalizations)
    .where(and(eq(hospitalizations.caseId, caseId), eq(hospitalizations.isIndex, false), date ? lt(hospitalizations.admissionDate, date) : undefined))
    .orderBy(asc(hospitalizations.admissionDate))
    .get();
  const checked = db
    .select({ checkedDate: followUpChecks.checkedDate })
    .from(followUpChecks)
    .where(and(eq(followUpChecks.caseId, caseId), isNotNull(followUpChecks.checkedDate), date ? lt(followUpChecks.checkedDate, date) : undefined))
    .get();
  return { readmission, checked };
}

/**
 * Correct the latest phase change's date or note. A change that discharged the case moves the
 * discharge with it (the index stay's discharge and the follow-ups' due dates), never before the
 * support start, a readmission or a recorded follow-up; no date before the previous change.
 */
export function correctLatestPhaseChange(actor: Actor, input: PhaseChangeCorrectInput): void {
  const { row, event, previous } = loadLatestChange(actor, input.id, input.version, input.eventId);
  const note = input.note ?? null;
  const moved = input.date !== event.date;
  if (!moved && note === event.note) return;
  const changes: Partial<CaseRow> = {};
  const firstDischarge = moved && isFirstDischarge(row.id, event);
  if (moved) {
    if (previous && input.date < previous.date) throw invalid("validation.case.phaseDateBeforeLast", "date");
    if (firstDischarge) {
      if (input.date < row.supportStartDate) throw invalid("validation.case.dischargeBeforeSupportStart", "date");
      const { readmission, checked } = dischargeRecordsBefore(row.id, input.date);
      if (readmission || checked) throw invalid("validation.phaseChange.dischargeAfterRecords", "date");
      changes.dischargeDate = input.date;
    }
  }
  getDb().transaction((tx) => {
    caseGate.touch(tx, actor, row, input.version, changes, { dates: moved ? [event.date, input.date] : [], restatementReason: input.restatementReason });
    tx.update(casePhaseEvents).set({ date: input.date, note }).where(eq(casePhaseEvents.id, event.id)).run();
    if (firstDischarge) {
      tx.update(hospitalizations).set({ dischargeDate: input.date }).where(and(eq(hospitalizations.caseId, row.id), eq(hospitalizations.isIndex, true))).run();
      for (const f of followUpDueDates(input.date)) {
        tx.update(followUpChecks).set({ dueDate: f.dueDate }).where(and(eq(followUpChecks.caseId, row.id), eq(followUpChecks.offsetMonths, f.offsetMonths))).run();
      }
    }
    caseGate.audit(tx, actor, row.id, "update", {
      phaseChange: "corrected",
      id: event.id,
      phase: [event.fromPhase, event.phase],
      changes: { ...(moved ? { date: [event.date, input.date] } : {}), ...(note !== event.note ? { note: [event.note, note] } : {}) },
      ...(firstDischarge ? { dischargeDate: [row.dischargeDate, input.date] } : {}),
    });
  });
}

/**
 * Undo the latest phase change: the case returns to the phase it came from and the change is
 * removed from the history (the audit row keeps it). Undoing the discharge clears the discharge
 * and its follow-ups, refused while a readmission or a follow-up result is recorded after it.
 */
export function undoLatestPhaseChange(actor: Actor, input: PhaseChangeUndoInput): void {
  const { row, event } = loadLatestChange(actor, input.id, input.version, input.eventId);
  const changes: Partial<CaseRow> = { phase: event.fromPhase };
  const firstDischarge = isFirstDischarge(row.id, event);
  if (firstDischarge) {
    const { readmission, checked } = dischargeRecordsBefore(row.id, null);
    if (readmission || checked) throw invalid("validation.phaseChange.dischargeHasRecords");
    Object.assign(changes, { dischargeDate: null, dischargeDestination: null, livingArrangementAfter: null });
  }
  getDb().transaction((tx) => {
    caseGate.touch(tx, actor, row, input.version, changes, { dates: [event.date], restatementReason: input.restatementReason });
    tx.delete(casePhaseEvents).where(eq(casePhaseEvents.id, event.id)).run();
    if (firstDischarge) {
      tx.update(hospitalizations).set({ dischargeDate: null }).where(and(eq(hospitalizations.caseId, row.id), eq(hospitalizations.isIndex, true))).run();
      tx.delete(followUpChecks).where(eq(followUpChecks.caseId, row.id)).run();
    }
    caseGate.audit(tx, actor, row.id, "update", {
      phaseChange: "undone",
      id: event.id,
      event: { fromPhase: event.fromPhase, phase: event.phase, date: event.date, note: event.note, recordedBy: event.createdBy },
      phase: [event.phase, event.fromPhase],
      ...(firstDischarge
        ? { changes: { dischargeDate: [row.dischargeDate, null], dischargeDestination: [row.dischargeDestination, null], livingArrangementAfter: [row.livingArrangementAfter, null] } }
        : {}),
    });
  });
}

/**
 * A supervisor reopens a closed case with a reason: it returns to the phase it was closed from,
 * the end date and reason are cleared, and the reopening is a phase change dated today with the
 * reason as its note. Closing again is an ordinary phase change.
 */
export function reopenCase(actor: Actor, input: CaseReopenInput): void {
  const row = caseGate.load(actor, input.id, "reopen:case:reach");
  if (row.version !== input.version) throw new AppError("conflict", "errors.conflict");
  if (row.phase !== "closed") throw invalid("validation.case.notClosed");
  const back = closingEventOf(row.id)?.fromPhase;
  if (!back) throw invalid("validation.case.notClosed");
  const today = todayIso();
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    caseGate.touch(tx, actor, row, input.version, { phase: back, endDate: null, endReason: null }, { dates: [today], restatementReason: input.restatementReason });
    tx.insert(casePhaseEvents).values({ id: ulid(), caseId: row.id, fromPhase: "closed", phase: back, date: today, note: input.reason, createdBy: actor.id, createdAt: now }).run();
    caseGate.audit(tx, actor, row.id, "update", {
      reopened: true,
      reason: input.reason,
      phase: ["closed", back],
      changes: { endDate: [row.endDate, null], endReason: [row.endReason, null] },
    });
  });
}
