import "server-only";
import type { Actor } from "@/lib/dal/actor";
import { canManageIndicatorInputs } from "@/lib/dal/indicator-input-access";
import { requirePermission } from "@/lib/dal/session";

/*
 * The pages of the sheet's inputs: every role with read:indicator:reach reads them; only the
 * prefecture role (manage:indicator:prefecture) opens the forms. Anyone else gets the 404.
 */

export async function requireInputReader(): Promise<Actor> {
  return requirePermission("read:indicator:reach");
}

export async function requireInputManager(): Promise<Actor> {
  return requirePermission("manage:indicator:prefecture");
}

export function canManageInputs(actor: Actor): boolean {
  return canManageIndicatorInputs(actor);
}
