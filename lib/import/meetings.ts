import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { meetings } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import { resolveOwner, writableActivity } from "@/lib/dal/activity-access";
import { diffFields } from "@/lib/dal/audit";
import { createMeeting, getMeetingForEdit, updateMeeting } from "@/lib/dal/meetings";
import { MEETING_KIND_LABELS, SECTORS } from "@/lib/domain/activity-codes";
import { MeetingCreateSchema, MeetingUpdateSchema, sectorField, type MeetingInput } from "@/lib/validation/activities";
import type { ImportColumn } from "./kinds";
import { checkboxOf, codeOf, type Lookups } from "./lookups";
import type { RowOutcome } from "./run";

/*
 * 会議 from a file: one row = one meeting with its attendance by sector, through
 * MeetingCreateSchema and createMeeting as the meeting form (updateMeeting for one already there).
 *
 * The natural key (stated on the page): the host (an office, or the prefecture), the kind, the
 * date and the meeting's name. A matched meeting is updated when a value differs, else unchanged.
 */

const f = (field: string, example: string, required = false): ImportColumn => ({
  field,
  label: `activities.meetings.fields.${field}` as ImportColumn["label"],
  example,
  required,
  date: field === "date",
});

export const MEETING_COLUMNS: readonly ImportColumn[] = [
  f("officeId", "備前保健所", true),
  f("kind", "地域移行推進検討会", true),
  f("date", "令和6年5月20日", true),
  f("title", "第1回 地域移行推進検討会", true),
  f("regionId", ""),
  f("kyogiBodyId", ""),
  f("venue", "備前保健所 会議室"),
  f("agenda", ""),
  f("targetsReviewed", "はい"),
  f("advisorDispatched", ""),
  f("casesReviewed", ""),
  ...SECTORS.map((s) => f(sectorField(s), s === "health" ? "3" : s === "medical_psych" ? "2" : "")),
];

const CHECKBOXES = ["targetsReviewed", "advisorDispatched"] as const;

export function meetingFormValues(cells: Record<string, string>, lookups: Lookups, problem: (field: string, messageKey: string) => void): Record<string, string> {
  const values: Record<string, string> = {};
  for (const column of MEETING_COLUMNS) values[column.field] = cells[column.field] ?? "";
  values.kind = codeOf(MEETING_KIND_LABELS, values.kind!);
  values.officeId = lookups.host(values.officeId!);
  values.regionId = lookups.region(values.regionId!);
  values.kyogiBodyId = lookups.kyogiBody(values.kyogiBodyId!);
  for (const field of CHECKBOXES) {
    const v = checkboxOf(values[field]!);
    if (v === null) problem(field, "import.row.checkbox");
    values[field] = v ?? "";
  }
  return values;
}

/** One parsed row: create, update or leave the meeting (inside the caller's savepoint). */
export function applyMeetingRow(actor: Actor, input: MeetingInput, values: Record<string, string>): RowOutcome {
  const owner = resolveOwner(actor, input.officeId);
  const existing = getDb()
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.prefectureCode, actor.prefectureCode),
        owner.officeId === null ? isNull(meetings.officeId) : eq(meetings.officeId, owner.officeId),
        eq(meetings.kind, input.kind),
        eq(meetings.date, input.date),
        eq(meetings.title, input.title),
        writableActivity(actor, { prefectureCode: meetings.prefectureCode, officeId: meetings.officeId }),
      ),
    )
    .get();
  if (!existing) {
    createMeeting(actor, input);
    return "create";
  }
  const stored = getMeetingForEdit(actor, existing.id);
  const next = {
    kind: input.kind,
    date: input.date,
    title: input.title,
    officeId: owner.officeId,
    regionId: input.regionId ?? owner.regionId,
    kyogiBodyId: input.kyogiBodyId,
    venue: input.venue,
    agenda: input.agenda,
    targetsReviewed: input.targetsReviewed,
    advisorDispatched: input.advisorDispatched,
    casesReviewed: input.casesReviewed,
    ...Object.fromEntries(SECTORS.map((s) => [sectorField(s), input.attendance[s]])),
  };
  if (Object.keys(diffFields(stored.values as Record<string, unknown>, next)).length === 0) return "unchanged";
  updateMeeting(actor, MeetingUpdateSchema.parse({ ...values, id: stored.id, version: String(stored.version) }));
  return "update";
}

export const meetingImport = {
  columns: MEETING_COLUMNS,
  schema: MeetingCreateSchema,
  formValues: meetingFormValues,
  apply: applyMeetingRow,
};
