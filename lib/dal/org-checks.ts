import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { healthCenters, municipalities, userOffices, users } from "@/db/schema";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { preparedFor } from "./prepared";
import { inPrefecture, inReach } from "./scope";

/*
 * The organisation choices a form submits, checked on the server: the office (one the actor
 * reaches), the lead (active staff of that office) and the municipality (one of the actor's
 * prefecture). One copy each, used by cases, outreach, peers, dispatches and hospitals; each
 * caller names the message its own form shows.
 */

export type OfficeInReach = { id: string; casePrefix: string; name: string };

/** An office the actor reaches, or the form's office error (and nothing else is looked up). */
export function assertOfficeInReach(actor: Actor, officeId: string, messageKey = "validation.case.officeInvalid"): OfficeInReach {
  const office = getDb()
    .select({ id: healthCenters.id, casePrefix: healthCenters.casePrefix, name: healthCenters.name })
    .from(healthCenters)
    .where(and(eq(healthCenters.id, officeId), inReach(actor, healthCenters.id)))
    .get();
  if (!office) throw new AppError("invalid", messageKey, { officeId: messageKey });
  return office;
}

/** The lead of a record must be an active coordinator or supervisor assigned to its office. */
export function assertOfficeStaff(officeId: string, userId: string, messageKey = "validation.case.coordinatorInvalid"): void {
  const row = getDb()
    .select({ id: users.id })
    .from(users)
    .innerJoin(userOffices, eq(userOffices.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, ["coordinator", "supervisor"]), eq(userOffices.healthCenterId, officeId)))
    .get();
  if (!row) throw new AppError("invalid", messageKey, { coordinatorUserId: messageKey });
}

/** A municipality chosen on a form must be one of the actor's prefecture (none chosen is fine). */
export function assertMunicipality(actor: Actor, code: string | null, messageKey = "validation.person.municipalityInvalid"): void {
  if (!code) return;
  const row = getDb()
    .select({ code: municipalities.code })
    .from(municipalities)
    .where(and(eq(municipalities.code, code), inPrefecture(actor, municipalities.prefectureCode)))
    .get();
  if (!row) throw new AppError("invalid", messageKey, { municipalityCode: messageKey });
}

/** The owning office and the lead coordinator of a record, by name, for its page. */
export function officeAndLeadOf(officeId: string, userId: string): { office: { id: string; name: string }; lead: { id: string; name: string } } {
  // A record page's header: prepared once (ADR 0057).
  const q = preparedFor(getDb(), "org.officeAndLead", (db) => ({
    office: db.select({ id: healthCenters.id, name: healthCenters.name }).from(healthCenters).where(eq(healthCenters.id, sql.placeholder("officeId"))).prepare(),
    lead: db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.id, sql.placeholder("userId"))).prepare(),
  }));
  return { office: q.office.get({ officeId })!, lead: q.lead.get({ userId })! };
}
