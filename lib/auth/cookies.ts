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

/** The cookie names for this deployment. */
export function cookieNames(env: Env = process.env): { session: string; callbackUrl: string; csrf: string } {
  const prefix = servedOverHttps(env) ? "__Host-" : "";
  return { session: prefix + BASE.session, callbackUrl: prefix + BASE.callbackUrl, csrf: prefix + BASE.csrf };
}

/** The name of the session cookie (the proxy and tests read it from here, never hard-coded). */
export function sessionCookieName(env: Env = process.env): string {
  return cookieNames(env).session;
}

/** Auth.js's `cookies` option. */
export function authCookies(env: Env = process.env) {
  const secure = servedOverHttps(env);
  const names = cookieNames(env);
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
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
