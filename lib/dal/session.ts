import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { clientAddress } from "@/lib/auth/client-address";
import { REQUEST_SESSION_HEADER, openRequestSession, type RequestSession } from "@/lib/auth/request-session";
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

/**
 * The session of this request: as the proxy checked it (handed over in a MACed request header,
 * lib/auth/request-session.ts), or, where the proxy does not run, from Auth.js. Once per request.
 */
const requestSession = cache(async (): Promise<RequestSession | null> => {
  let fromProxy: string | null = null;
  try {
    fromProxy = (await headers()).get(REQUEST_SESSION_HEADER);
  } catch {
    // outside a request
  }
  const checked = openRequestSession(fromProxy);
  if (checked) return checked;
  const user = (await auth())?.user;
  return user?.id ? { id: user.id, sessionVersion: user.sessionVersion, sessionId: user.sessionId } : null;
});

/** The current actor, or null when signed out or the session was revoked. Once per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await requestSession();
  if (!session) return null;
  return loadActor(session.id, session.sessionVersion, await requestIp(), session.sessionId);
});

/**
 * The session of an account that must change its admin-set password (ADR 0039), or null. Such a
 * session has no Actor: every page and action but /change-password sends it there.
 */
export const getPasswordChangeActor = cache(async (): Promise<PasswordChangeActor | null> => {
  const session = await requestSession();
  if (!session) return null;
  return loadPasswordChangeActor(session.id, session.sessionVersion, await requestIp(), session.sessionId);
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
