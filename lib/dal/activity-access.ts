import "server-only";
import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { healthCenters, municipalities, regions } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { fiscalYearBounds } from "@/lib/domain/activity-rules";
import { PREFECTURE_HOST } from "@/lib/validation/activities";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { inPrefecture, inReach } from "./scope";
import { containsText } from "./sql-text";

/*
 * Who may read and write the offices' and the prefecture's activity records (ADR 0014, 0017).
 * Every activity table carries `prefecture_code` and `office_id` (NULL = the prefecture's own
 * row). These helpers turn the rules into SQL, so a row outside them is never loaded:
 *
 * - read (`read:activity:reach`): rows of the offices in reach plus the prefecture's own rows,
 *   of the actor's prefecture only. The prefecture role reaches every office of its prefecture.
 * - write: office staff (`write:activity:reach`) the rows of offices in reach; the prefecture
 *   role (`write:prefecture-activity:prefecture`) the prefecture's own rows.
 * - anything else, including admins, is the same not_found a missing id gets.
 */

export type OwnerColumns = { prefectureCode: AnySQLiteColumn; officeId: AnySQLiteColumn };

const notFound = () => new AppError("not_found", "errors.notFound");

export function requireActivityRead(actor: Actor): void {
  if (!can(actor.role, "read:activity:reach")) throw notFound();
}

/** The actor writes rows of offices (office staff). */
export function writesOfficeRows(actor: Actor): boolean {
  return can(actor.role, "write:activity:reach");
}

/** The actor writes the prefecture's own rows, municipal status and monthly figures. */
export function writesPrefectureRows(actor: Actor): boolean {
  return can(actor.role, "write:prefecture-activity:prefecture");
}

export function requireActivityWrite(actor: Actor): void {
  if (!writesOfficeRows(actor) && !writesPrefectureRows(actor)) throw notFound();
}

export function requirePrefectureWrite(actor: Actor): void {
  if (!writesPrefectureRows(actor)) throw notFound();
}

/** WHERE condition: rows the actor may read. */
export function readableActivity(actor: Actor, cols: OwnerColumns): SQL {
  return and(inPrefecture(actor, cols.prefectureCode), or(isNull(cols.officeId), inReach(actor, cols.officeId)))!;
}

/** WHERE condition: rows the actor may change (or delete). Never true for a role without a write permission. */
export function writableActivity(actor: Actor, cols: OwnerColumns): SQL {
  const parts: SQL[] = [];
  if (writesOfficeRows(actor)) parts.push(inReach(actor, cols.officeId));
  if (writesPrefectureRows(actor)) parts.push(isNull(cols.officeId));
  if (parts.length === 0) return sql`0`;
  return and(inPrefecture(actor, cols.prefectureCode), or(...parts))!;
}

/** `1` when the row is writable, as a selected column (the list and detail pages hide the edit link otherwise). */
export function writableFlag(actor: Actor, cols: OwnerColumns): SQL<number> {
  return sql<number>`CASE WHEN ${writableActivity(actor, cols)} THEN 1 ELSE 0 END`;
}

/**
 * The owner a new or edited row gets: null for the prefecture itself, or an office the actor
 * reaches. A host the actor may not write is refused as an invalid field, never saved.
 */
export function resolveOwner(actor: Actor, officeId: string | null): { officeId: string | null; regionId: string | null } {
  const refuse = () => new AppError("invalid", "activities.validation.hostInvalid", { officeId: "activities.validation.hostInvalid" });
  if (officeId === null) {
    if (!writesPrefectureRows(actor)) throw refuse();
    return { officeId: null, regionId: null };
  }
  if (!writesOfficeRows(actor)) throw refuse();
  const office = getDb()
    .select({ id: healthCenters.id, regionId: healthCenters.regionId })
    .from(healthCenters)
    .where(and(eq(healthCenters.id, officeId), inReach(actor, healthCenters.id)))
    .get();
  if (!office) throw refuse();
  return { officeId: office.id, regionId: office.regionId };
}

/** Municipalities whose 協議の場 status the actor may read: those of offices in reach. */
export function readableMunicipality(actor: Actor): SQL {
  return and(inPrefecture(actor, municipalities.prefectureCode), inReach(actor, municipalities.healthCenterId))!;
}

/** A record's owner as the lists show it: the office's name or "the prefecture". */
export type OwnerDto = { officeId: string | null; officeName: string | null };

export type HostOption = { value: string; label: string };

/** The hosts the actor may pick on a form: the prefecture itself, or the offices in reach. */
export function hostOptionsFor(actor: Actor): { prefecture: boolean; offices: { id: string; name: string; regionId: string }[] } {
  const offices = writesOfficeRows(actor)
    ? getDb()
        .select({ id: healthCenters.id, name: healthCenters.name, regionId: healthCenters.regionId })
        .from(healthCenters)
        .where(inReach(actor, healthCenters.id))
        .orderBy(healthCenters.sort)
        .all()
    : [];
  return { prefecture: writesPrefectureRows(actor), offices };
}

/** The regions a form offers: those of the actor's prefecture, in their order. */
export function regionChoicesFor(actor: Actor): { id: string; name: string }[] {
  return getDb().select({ id: regions.id, name: regions.name }).from(regions).where(inPrefecture(actor, regions.prefectureCode)).orderBy(asc(regions.sort)).all();
}

/** A region chosen on a form must be one of the actor's prefecture; anything else is refused as an invalid field. */
export function requireRegionOf(actor: Actor, regionId: string): { id: string } {
  const region = getDb().select({ id: regions.id }).from(regions).where(and(eq(regions.id, regionId), inPrefecture(actor, regions.prefectureCode))).get();
  if (!region) throw new AppError("invalid", "activities.validation.regionInvalid", { regionId: "activities.validation.regionInvalid" });
  return region;
}

// ---------------------------------------------------------------------------------------
// Filters every activity list shares

/** `date` within the fiscal year (ISO dates compare as text). */
export function inFiscalYear(dateColumn: AnySQLiteColumn, fiscalYear: number): SQL {
  const { start, end } = fiscalYearBounds(fiscalYear);
  return sql`${dateColumn} BETWEEN ${start} AND ${end}`;
}

/** A host filter: "prefecture" for the prefecture's own rows, otherwise one office. */
export function hostIs(officeColumn: AnySQLiteColumn, host: string): SQL {
  return host === PREFECTURE_HOST ? isNull(officeColumn) : eq(officeColumn, host);
}

/** The conditions every activity list shares: the fiscal year (of `date`), the host, the text searched in `text`. */
export function sharedListFilters(cols: { date?: AnySQLiteColumn; officeId: AnySQLiteColumn; text: AnySQLiteColumn }, filter: { fiscalYear?: number; host?: string; q?: string }): SQL[] {
  const conditions: SQL[] = [];
  if (filter.fiscalYear && cols.date) conditions.push(inFiscalYear(cols.date, filter.fiscalYear));
  if (filter.host) conditions.push(hostIs(cols.officeId, filter.host));
  const q = filter.q?.trim();
  // Taken as typed: titles keep their full-width characters, so normalising only the query would miss them.
  if (q) conditions.push(containsText(cols.text, q));
  return conditions;
}
