import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb } from "@/db/client";
import { hospitals, municipalities } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "./actor";
import { diffFields, writeAudit } from "./audit";
import { staleSaveConflict } from "./conflicts";
import { AppError } from "./errors";
import { assertMunicipality } from "./org-checks";
import { actorParams, placeholderActor, preparedFor } from "./prepared";
import { inPrefecture } from "./scope";

export type HospitalRow = {
  id: string;
  name: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  psychBeds: number | null;
  active: boolean;
  version: number;
};

/** The prefecture's psychiatric hospitals (master data, no person data): pickers and the admin list. */
export function listHospitalsForActor(actor: Actor, options: { includeInactive?: boolean } = {}): HospitalRow[] {
  const all = !!options.includeInactive;
  // The readmission picker of a discharged case's page: prepared once (ADR 0057).
  return preparedFor(getDb(), `hospitals.list.${all ? "all" : "active"}`, (db) =>
    db
      .select({
        id: hospitals.id,
        name: hospitals.name,
        municipalityCode: hospitals.municipalityCode,
        municipalityName: municipalities.name,
        psychBeds: hospitals.psychBeds,
        active: hospitals.active,
        version: hospitals.version,
      })
      .from(hospitals)
      .leftJoin(municipalities, eq(municipalities.code, hospitals.municipalityCode))
      .where(and(inPrefecture(placeholderActor(actor.role), hospitals.prefectureCode), all ? undefined : eq(hospitals.active, true)))
      .orderBy(asc(hospitals.name))
      .prepare(),
  ).all(actorParams(actor));
}

export type HospitalInput = { name: string; municipalityCode: string | null; psychBeds: number | null };

function requireMasterAdmin(actor: Actor): void {
  if (!can(actor.role, "manage:master:prefecture")) throw new AppError("not_found", "errors.notFound");
}

function assertNameFree(actor: Actor, name: string, exceptId?: string): void {
  const clash = getDb()
    .select({ id: hospitals.id })
    .from(hospitals)
    .where(and(inPrefecture(actor, hospitals.prefectureCode), eq(hospitals.name, name)))
    .get();
  if (clash && clash.id !== exceptId) throw new AppError("invalid", "validation.hospital.nameTaken", { name: "validation.hospital.nameTaken" });
}

export function createHospital(actor: Actor, input: HospitalInput): { id: string } {
  requireMasterAdmin(actor);
  assertMunicipality(actor, input.municipalityCode, "validation.hospital.municipalityInvalid");
  assertNameFree(actor, input.name);
  const id = ulid();
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    tx.insert(hospitals).values({ id, prefectureCode: actor.prefectureCode, ...input, createdAt: now, updatedAt: now }).run();
    writeAudit(tx, actor, { action: "create", entityType: "hospital", entityId: id, detail: { ...input } });
  });
  return { id };
}

type HospitalEditValues = HospitalInput & { active: boolean };

function editValues(row: HospitalEditValues): HospitalEditValues {
  return { name: row.name, municipalityCode: row.municipalityCode, psychBeds: row.psychBeds, active: row.active };
}

/** The values the edit form is loaded with (sent back as `base` to explain a conflict). */
export function hospitalEditBase(row: HospitalRow): string {
  return JSON.stringify(editValues(row));
}

/**
 * Save an edit. A stale `version` writes nothing and reports, field by field, what someone
 * else changed since the form was loaded (`base`), with the value stored now.
 */
export function updateHospital(actor: Actor, id: string, version: number, input: HospitalEditValues, base: string | undefined): void {
  requireMasterAdmin(actor);
  const db = getDb();
  const current = db.select().from(hospitals).where(and(eq(hospitals.id, id), inPrefecture(actor, hospitals.prefectureCode))).get();
  if (!current) throw new AppError("not_found", "errors.notFound");
  const before = editValues(current);
  if (current.version !== version) throw staleSaveConflict(base, before, { actor, entityType: "hospital", entityId: id });
  assertMunicipality(actor, input.municipalityCode, "validation.hospital.municipalityInvalid");
  assertNameFree(actor, input.name, id);
  const next = editValues(input);
  db.transaction((tx) => {
    const result = tx
      .update(hospitals)
      .set({ ...next, version: current.version + 1, updatedAt: new Date().toISOString() })
      .where(and(eq(hospitals.id, id), eq(hospitals.version, version)))
      .run();
    if (result.changes === 0) {
      // Saved by someone else between the read above and this write: explain it the same way.
      const now = tx.select().from(hospitals).where(eq(hospitals.id, id)).get();
      throw staleSaveConflict(base, now ? editValues(now) : before, { actor, entityType: "hospital", entityId: id });
    }
    writeAudit(tx, actor, { action: "update", entityType: "hospital", entityId: id, detail: { changes: diffFields(before, next) } });
  });
}

/** A hospital chosen on a form must be one of the actor's prefecture (active or not: old records keep theirs). */
export function assertHospitalInPrefecture(actor: Actor, hospitalId: string): void {
  const row = getDb()
    .select({ id: hospitals.id })
    .from(hospitals)
    .where(and(eq(hospitals.id, hospitalId), inPrefecture(actor, hospitals.prefectureCode)))
    .get();
  if (!row) throw new AppError("invalid", "validation.case.hospitalInvalid", { hospitalId: "validation.case.hospitalInvalid" });
}
