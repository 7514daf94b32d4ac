import "server-only";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "./actor";
import { AppError } from "./errors";

/*
 * Who may read and write the sheet's inputs (external statistics, targets, the sheet's rows,
 * narratives and yearly facts). All of it is the prefecture's own data, one prefecture per row:
 *
 * - read (`read:indicator:reach`): every role but admin, of the actor's own prefecture only;
 * - write (`manage:indicator:prefecture`): the prefecture role, for its own prefecture;
 * - anything else, and any row of another prefecture, is the same not_found a missing id gets
 *   (ADR 0004). Every query also puts the actor's prefecture in its WHERE clause (inPrefecture).
 */

const notFound = () => new AppError("not_found", "errors.notFound");

export function canManageIndicatorInputs(actor: Pick<Actor, "role">): boolean {
  return can(actor.role, "manage:indicator:prefecture");
}

export function requireIndicatorInputRead(actor: Actor): void {
  if (!can(actor.role, "read:indicator:reach")) throw notFound();
}

export function requireIndicatorInputWrite(actor: Actor): void {
  if (!canManageIndicatorInputs(actor)) throw notFound();
}

/** A unique index refused the row: two saves of the same set raced, or the check before was skipped. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "SQLITE_CONSTRAINT_UNIQUE";
}
