import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { clientAddress } from "@/lib/auth/client-address";
import { can, type Permission } from "@/lib/auth/permissions";
import { loadActor, loadPasswordChangeActor, type Actor, type PasswordChangeActor } from "./actor";
import { isAppError } from "./errors";

/*
 * The request-bound half of the actor: reads the session cookie through Auth.js and
 * answers with redirect/404. Kept apart from actor.ts so the data-access layer itself
 * stays free of Next.js request APIs and can be unit-tested on its own.
 */

/** The client's address as lib/auth/client-address.ts trusts it (null without a trusted proxy). */
export async function requestIp(): Promise<string | null> {
  try {
    return clientAddress(await headers());
  } catch {
    return null; // outside a request (scripts, tests)
  }
}

/** The current actor, or null when signed out or the session was revoked. Once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  return loadActor(user.id, user.sessionVersion, await requestIp(), user.sessionId);
});

/**
 * The session of an account that must change its admin-set password (ADR 0039), or null. Such a
 * session has no Actor: every page and action but /change-password sends it there.
 */
export const getPasswordChangeActor = cache(async (): Promise<PasswordChangeActor | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  return loadPasswordChangeActor(user.id, user.sessionVersion, await requestIp(), user.sessionId);
});

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect((await getPasswordChangeActor()) ? "/change-password" : "/login");
  return actor;
}

/** For /change-password only: the one-time-password session, or away (to the app, or to sign-in). */
export async function requirePasswordChangeActor(): Promise<PasswordChangeActor> {
  const actor = await getPasswordChangeActor();
  if (actor) return actor;
  redirect((await getActor()) ? "/account" : "/login");
}

/**
 * The actor, if their role holds the permission. A role without it gets the same 404 as
 * a missing page: what a role cannot use, it should not learn exists.
 */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.role, permission)) notFound();
  return actor;
}

/**
 * Run a DAL read for a page; its not_found (missing, out of reach, or off-limits to the role)
 * becomes the page's 404. Anything else is rethrown to the error boundary.
 */
export function orNotFound<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
