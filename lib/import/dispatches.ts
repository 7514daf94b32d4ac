import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, peerDispatchMembers, peerDispatches, peerSupporters } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import { diffFields } from "@/lib/dal/audit";
import { createDispatch, updateDispatch } from "@/lib/dal/peer-dispatches";
import { caseGate, dispatchGate } from "@/lib/dal/record-gate";
import { DESTINATION_KIND_LABELS, DISPATCH_STATUS_LABELS, PEER_PURPOSE_LABELS } from "@/lib/domain/peer-codes";
import { DispatchCreateSchema, DispatchUpdateSchema, type DispatchCreateInput } from "@/lib/validation/peer";
import type { ImportColumn } from "./kinds";
import { codeOf, type Lookups } from "./lookups";
import type { RowOutcome } from "./run";

/*
 * ピアサポーター派遣 from a file: one row = one dispatch, through DispatchCreateSchema and
 * createDispatch as the dispatch form (updateDispatch for one already there). The peers are named
 * by their registration numbers (表示番号, e.g. BZ-001), several separated by 、 or commas; the
 * hours, honorarium and travel columns apply to each of them. The related case by its number.
 *
 * The natural key (stated on the page): the office, the date, the start time, the purpose and the
 * destination (hospital or name). A matched dispatch is updated when a value (members included)
 * differs, else unchanged; its status is not changed by an import (that is the status form's).
 */

const f = (field: string, label: string, example: string, required = false): ImportColumn => ({
  field,
  label: `dispatches.fields.${label}` as ImportColumn["label"],
  example,
  required,
  date: field === "date",
});

export const DISPATCH_COLUMNS: readonly ImportColumn[] = [
  f("officeId", "office", "備前保健所", true),
  f("date", "date", "令和6年6月3日", true),
  f("startTime", "startTime", "13:30"),
  f("endTime", "endTime", "15:00"),
  f("status", "status", "実施", true),
  f("purpose", "purpose", "院内茶話会・交流会", true),
  f("destinationKind", "destinationKind", "病院", true),
  f("hospitalId", "hospitalId", ""),
  f("destinationName", "destinationName", ""),
  f("requestingOrg", "requestingOrg", ""),
  f("audienceCount", "audienceCount", "8"),
  f("members", "members", "", true),
  f("hours", "hours", "1.5"),
  f("honorariumYen", "honorariumYen", "3000"),
  f("travelYen", "travelYen", "500"),
  f("caseId", "caseId", ""),
  f("report", "report", ""),
];

/** Peer registration numbers in a cell: 、 , ; ・ or spaces between them. */
export function peerCodesOf(cell: string): string[] {
  return cell
    .split(/[、,;；・\s\u3000]+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

export function dispatchFormValues(actor: Actor) {
  return (cells: Record<string, string>, lookups: Lookups, problem: (field: string, messageKey: string) => void): Record<string, string | string[]> => {
    const values: Record<string, string | string[]> = {};
    const cell = (field: string) => cells[field] ?? "";
    for (const field of ["date", "startTime", "endTime", "destinationName", "requestingOrg", "audienceCount", "report"]) values[field] = cell(field);
    values.officeId = lookups.office(cell("officeId"));
    values.status = codeOf(DISPATCH_STATUS_LABELS, cell("status"));
    values.purpose = codeOf(PEER_PURPOSE_LABELS, cell("purpose"));
    values.destinationKind = codeOf(DESTINATION_KIND_LABELS, cell("destinationKind"));
    values.hospitalId = lookups.hospital(cell("hospitalId"));
    const db = getDb();
    const peerIds: string[] = [];
    for (const code of peerCodesOf(cell("members"))) {
      const peer = db
        .select({ id: peerSupporters.id })
        .from(peerSupporters)
        .where(and(eq(peerSupporters.prefectureCode, actor.prefectureCode), eq(peerSupporters.displayCode, code)))
        .get();
      if (!peer) problem("members", "import.dispatches.peerUnknown");
      else peerIds.push(peer.id);
    }
    values.peerIds = peerIds;
    for (const id of peerIds) {
      values[`hours:${id}`] = cell("hours");
      values[`honorarium:${id}`] = cell("honorariumYen");
      values[`travel:${id}`] = cell("travelYen");
    }
    const caseNo = cell("caseId");
    if (caseNo) {
      const found = db.select({ id: cases.id }).from(cases).where(and(eq(cases.caseNo, caseNo), dispatchCaseReach(actor))).get();
      if (!found) problem("caseId", "import.dispatches.caseUnknown");
      values.caseId = found?.id ?? "";
    } else values.caseId = "";
    return values;
  };
}

/** Cases the importer may see (the DAL then checks it is the dispatch's own office); others are "not found" alike. */
function dispatchCaseReach(actor: Actor) {
  return caseGate.inReach(actor);
}

/** The column a schema path belongs to (per-peer fields are the shared hours / yen columns). */
export function dispatchColumnOf(field: string): string {
  if (field === "peerIds") return "members";
  if (field.startsWith("hours:")) return "hours";
  if (field.startsWith("honorarium:")) return "honorariumYen";
  if (field.startsWith("travel:")) return "travelYen";
  return field;
}

export function applyDispatchRow(actor: Actor, input: DispatchCreateInput, values: Record<string, string | string[]>): RowOutcome {
  const hospital = input.destinationKind === "hospital";
  const existing = getDb()
    .select()
    .from(peerDispatches)
    .where(
      and(
        eq(peerDispatches.officeId, input.officeId),
        eq(peerDispatches.date, input.date),
        input.startTime ? eq(peerDispatches.startTime, input.startTime) : isNull(peerDispatches.startTime),
        eq(peerDispatches.purpose, input.purpose),
        hospital && input.hospitalId ? eq(peerDispatches.hospitalId, input.hospitalId) : input.destinationName ? eq(peerDispatches.destinationName, input.destinationName) : undefined,
        dispatchGate.inReach(actor),
      ),
    )
    .get();
  if (!existing) {
    createDispatch(actor, input);
    return "create";
  }
  const members = getDb()
    .select({ peerId: peerDispatchMembers.peerId, hours: peerDispatchMembers.hours, honorariumYen: peerDispatchMembers.honorariumYen, travelYen: peerDispatchMembers.travelYen })
    .from(peerDispatchMembers)
    .where(eq(peerDispatchMembers.dispatchId, existing.id))
    .all();
  const byPeer = (list: { peerId: string }[]) => [...list].sort((a, b) => a.peerId.localeCompare(b.peerId));
  const stored = {
    startTime: existing.startTime,
    endTime: existing.endTime,
    requestingOrg: existing.requestingOrg,
    destinationKind: existing.destinationKind,
    hospitalId: existing.hospitalId,
    destinationName: existing.destinationName,
    audienceCount: existing.audienceCount,
    caseId: existing.caseId,
    report: existing.report,
    members: byPeer(members),
  };
  const next = {
    startTime: input.startTime,
    endTime: input.endTime,
    requestingOrg: input.requestingOrg,
    destinationKind: input.destinationKind,
    hospitalId: hospital ? input.hospitalId : null,
    destinationName: hospital ? null : input.destinationName,
    audienceCount: input.audienceCount,
    caseId: input.caseId,
    report: input.report,
    members: byPeer(input.members),
  };
  if (Object.keys(diffFields(stored as Record<string, unknown>, next)).length === 0) return "unchanged";
  const { status: _status, ...rest } = values;
  updateDispatch(actor, DispatchUpdateSchema.parse({ ...rest, id: existing.id, version: String(existing.version) }));
  return "update";
}

export const dispatchImport = {
  columns: DISPATCH_COLUMNS,
  schema: DispatchCreateSchema,
  formValues: () => ({}),
  apply: applyDispatchRow,
  columnOf: dispatchColumnOf,
};
