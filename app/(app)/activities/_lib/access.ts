import "server-only";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/dal/actor";
import { requireActor } from "@/lib/dal/session";

/** An actor who may write some activity rows (office staff or prefecture staff); others get 404. */
export async function requireActivityWriter(): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.role, "write:activity:reach") && !can(actor.role, "write:prefecture-activity:prefecture")) notFound();
  return actor;
}

export function canWriteActivities(actor: Actor): boolean {
  return can(actor.role, "write:activity:reach") || can(actor.role, "write:prefecture-activity:prefecture");
}
