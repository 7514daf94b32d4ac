import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { ulid } from "ulid";
import { getDb } from "@/db/client";
import { hospitals, municipalities } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "./actor";
import { diffFields, writeAudit } from "./audit";
import { AppError } from "./errors";
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
  return getDb()
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
    .where(and(inPrefecture(actor, hospitals.prefectureCode), options.includeInactive ? undefined : eq(hospitals.active, true)))
    .orderBy(asc(hospitals.name))
    .all();
}

export type HospitalInput = { name: string; municipalityCode: string | null; psychBeds: number | null };

function requireMasterAdmin(actor: Actor): void {
  if (!can(actor.role, "manage:master:prefecture")) throw new AppError("not_found", "errors.notFound");
}

function assertMunicipality(actor: Actor, code: string | null): void {
  if (!code) return;
  const found = getDb()
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(and(eq(municipalities.code, code), inPrefecture(actor, municipalities.prefectureCode)))
    .get();
  if (!found) throw new AppError("invalid", "validation.hospital.municipalityInvalid", { municipalityCode: "validation.hospital.municipalityInvalid" });
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
  assertMunicipality(actor, input.municipalityCode);
  assertNameFree(actor, input.name);
  const id = ulid();
  const now = new Date().toISOString();
  getDb().transaction((tx) => {
    tx.insert(hospitals).values({ id, prefectureCode: actor.prefectureCode, ...input, createdAt: now, updatedAt: now }).run();
    writeAudit(tx, actor, { action: "create", entityType: "hospital", entityId: id, detail: { ...input } });
  });
  return { id };
}

export function updateHospital(actor: Actor, id: string, version: number, input: HospitalInput & { active: boolean }): void {
  requireMasterAdmin(actor);
  const db = getDb();
  const current = db.select().from(hospitals).where(and(eq(hospitals.id, id), inPrefecture(actor, hospitals.prefectureCode))).get();
  if (!current) throw new AppError("not_found", "errors.notFound");
  assertMunicipality(actor, input.municipalityCode);
  assertNameFree(actor, input.name, id);
  const before = { name: current.name, municipalityCode: current.municipalityCode, psychBeds: current.psychBeds, active: current.active };
  db.transaction((tx) => {
    const result = tx
      .update(hospitals)
      .set({ ...input, version: current.version + 1, updatedAt: new Date().toISOString() })
      .where(and(eq(hospitals.id, id), eq(hospitals.version, version)))
      .run();
    if (result.changes === 0) throw new AppError("conflict", "errors.conflict", {}, diffFields(input, before));
    writeAudit(tx, actor, { action: "update", entityType: "hospital", entityId: id, detail: { changes: diffFields(before, input) } });
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
