import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters, hospitals, kyogiBodies, municipalities, regions, userOffices, users } from "@/db/schema";
import type { Actor } from "@/lib/dal/actor";
import type { Label } from "@/lib/domain/codes";

/*
 * Names to ids for an import: offices, hospitals and municipalities by name or code, staff by
 * display name or user name, code values by their Japanese (or English) label or key. Only the
 * actor's prefecture is looked in; what is found is then checked by the same DAL calls as a
 * typed record (an office out of reach is refused there, as on the form). A value nothing
 * matches is passed on as typed, so the DAL's own check words the error.
 */

export type Lookups = {
  office(value: string): string;
  hospital(value: string): string;
  municipality(value: string): string;
  /** A user of `officeId` (an active coordinator or supervisor) by display name, user name or id. */
  staff(value: string, officeId: string): string;
  /** The host of an activity: an office, or the prefecture itself ("prefecture", by the prefecture's name or 県). */
  host(value: string): string;
  region(value: string): string;
  kyogiBody(value: string): string;
};

const squash = (s: string) => s.replace(/[\s\u3000]/g, "");

export function lookupsFor(actor: Actor): Lookups {
  const db = getDb();
  const offices = db.select({ id: healthCenters.id, code: healthCenters.code, name: healthCenters.name }).from(healthCenters).where(eq(healthCenters.prefectureCode, actor.prefectureCode)).all();
  const hospitalRows = db.select({ id: hospitals.id, name: hospitals.name }).from(hospitals).where(eq(hospitals.prefectureCode, actor.prefectureCode)).all();
  const towns = db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities).where(eq(municipalities.prefectureCode, actor.prefectureCode)).all();
  const officeIds = offices.map((o) => o.id);
  const staffRows = officeIds.length
    ? db
        .select({ id: users.id, username: users.username, name: users.displayName, officeId: userOffices.healthCenterId })
        .from(users)
        .innerJoin(userOffices, eq(userOffices.userId, users.id))
        .where(and(eq(users.active, true), inArray(users.role, ["coordinator", "supervisor"]), inArray(userOffices.healthCenterId, officeIds)))
        .all()
    : [];
  const regionRows = db.select({ id: regions.id, code: regions.code, name: regions.name }).from(regions).where(eq(regions.prefectureCode, actor.prefectureCode)).all();
  const bodies = db.select({ id: kyogiBodies.id, name: kyogiBodies.name }).from(kyogiBodies).where(eq(kyogiBodies.prefectureCode, actor.prefectureCode)).all();
  const prefectureNames = [actor.prefectureName.ja, actor.prefectureName.en, "県", "prefecture"].map(squash);
  const find = <T>(rows: T[], keys: (row: T) => string[], value: string): T | undefined => {
    const v = squash(value);
    return rows.find((r) => keys(r).some((k) => squash(k) === v));
  };
  return {
    host: (value) => (prefectureNames.includes(squash(value)) ? "prefecture" : value === "" ? "" : (find(offices, (o) => [o.id, o.code, o.name], value)?.id ?? value)),
    region: (value) => (value === "" ? "" : (find(regionRows, (r) => [r.id, r.code, r.name], value)?.id ?? value)),
    kyogiBody: (value) => (value === "" ? "" : (find(bodies, (b) => [b.id, b.name], value)?.id ?? value)),
    office: (value) => (value === "" ? "" : (find(offices, (o) => [o.id, o.code, o.name], value)?.id ?? value)),
    hospital: (value) => (value === "" ? "" : (find(hospitalRows, (h) => [h.id, h.name], value)?.id ?? value)),
    municipality: (value) => (value === "" ? "" : (find(towns, (m) => [m.code, m.code.slice(0, 5), m.name], value)?.code ?? value)),
    staff: (value, officeId) =>
      value === ""
        ? ""
        : (find(
            staffRows.filter((s) => s.officeId === officeId),
            (s) => [s.id, s.username, s.name],
            value,
          )?.id ?? value),
  };
}

/** A code by its key or its label in either language; unknown values pass through (the schema refuses them). */
export function codeOf(labels: Readonly<Record<string, Label>>, value: string): string {
  if (value === "") return "";
  const v = squash(value);
  for (const [key, label] of Object.entries(labels)) {
    if (key === value || squash(label.ja) === v || squash(label.en).toLowerCase() === v.toLowerCase()) return key;
  }
  return value;
}

const YES = ["はい", "○", "〇", "◯", "✓", "有", "あり", "true", "yes", "1", "on", "済"];
const NO = ["", "いいえ", "×", "無", "なし", "-", "false", "no", "0", "off"];

/** A checkbox column: "on" for a yes, "" for a no or an empty cell, null for anything else (the caller's error). */
export function checkboxOf(value: string): "on" | "" | null {
  const v = squash(value).toLowerCase();
  if (YES.includes(v)) return "on";
  if (NO.includes(v)) return "";
  return null;
}
