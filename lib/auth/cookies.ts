import { sessionMaxHours } from "./policy";

/**
 * The names and options of Auth.js's cookies, in one place: auth.ts configures Auth.js with
 * them and the proxy reads the session cookie by the same name.
 *
 * Under https every cookie is `__Host-` prefixed (Secure, path=/, no Domain: the browser then
 * refuses it from a sibling subdomain or over plain http), HttpOnly and SameSite=Lax. Browsers
 * refuse a `__Host-` cookie that is not Secure, so a plain-http localhost uses unprefixed names.
 * "Under https" means the app's public address (AUTH_URL) is https: behind a TLS-terminating proxy
 * the app itself sees http, so the request's own scheme cannot decide.
 */

type Env = Record<string, string | undefined>;

/** Is the app served over https (AUTH_URL, or NEXTAUTH_URL, starts with https:)? */
export function servedOverHttps(env: Env = process.env): boolean {
  const url = env.AUTH_URL || env.NEXTAUTH_URL || "";
  return url.toLowerCase().startsWith("https:");
}

const BASE = { session: "authjs.session-token", callbackUrl: "authjs.callback-url", csrf: "authjs.csrf-token" } as const;

/** A cookie's name for this deployment: `__Host-` prefixed under https. */
function named(base: string, env: Env): string {
  return (servedOverHttps(env) ? "__Host-" : "") + base;
}

/** The cookie names for this deployment. */
export function cookieNames(env: Env = process.env): { session: string; callbackUrl: string; csrf: string } {
  return { session: named(BASE.session, env), callbackUrl: named(BASE.callbackUrl, env), csrf: named(BASE.csrf, env) };
}

/** What every cookie of the app is: HttpOnly, SameSite=Lax, path /, Secure under https. */
function cookieOptions(env: Env) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: servedOverHttps(env) };
}

/** The name of the session cookie (the proxy and tests read it from here, never hard-coded). */
export function sessionCookieName(env: Env = process.env): string {
  return cookieNames(env).session;
}

/** Auth.js's `cookies` option. */
export function authCookies(env: Env = process.env) {
  const names = cookieNames(env);
  const options = cookieOptions(env);
  return {
    sessionToken: { name: names.session, options },
    callbackUrl: { name: names.callbackUrl, options },
    csrfToken: { name: names.csrf, options },
  };
}

/**
 * Does the request carry a session cookie (whole, or chunked by Auth.js into `name.0`, `name.1`…)?
 * Used only to word the sign-in page ("your session ended"), never to grant anything.
 */
export function hasSessionCookie(cookieNamesPresent: Iterable<string>, env: Env = process.env): boolean {
  const name = sessionCookieName(env);
  for (const present of cookieNamesPresent) if (present === name || present.startsWith(`${name}.`)) return true;
  return false;
}

/**
 * The "signed in on this browser" hint: a cookie set at every sign-in (auth.ts, Auth.js's signIn
 * event), which outlives the session cookie and which only a sign-out removes. It grants nothing and
 * says nothing about who: it only lets the proxy word the sign-in page ("your session ended")
 * when the session cookie itself is gone. The browser drops the session cookie at the idle
 * timeout (its Max-Age), and Auth.js clears it on the first request that finds the session
 * revoked, which may be a router prefetch the user never saw. Its Max-Age is the absolute
 * session lifetime, so it never outlives a session's last possible moment.
 */
export function sessionHintCookie(env: Env = process.env) {
  return { name: named("tsunagu.signed-in", env), options: { ...cookieOptions(env), maxAge: sessionMaxHours(env) * 60 * 60 } };
}

/** Should the sign-in page say the session ended: the request carries a session cookie or the hint? Wording only. */
export function sessionMayHaveEnded(cookieNamesPresent: Iterable<string>, env: Env = process.env): boolean {
  const names = [...cookieNamesPresent];
  return hasSessionCookie(names, env) || names.includes(sessionHintCookie(env).name);
}
