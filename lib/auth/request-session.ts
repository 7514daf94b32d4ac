import crypto from "node:crypto";

/*
 * The proxy (proxy.ts) has already read and checked the session cookie of every request it sees:
 * Auth.js decrypted the token, our jwt() callback checked its lifetime and that the session is
 * current in the database (lib/auth/session-token.ts). Doing all of that again in the page's
 * auth() cost a second decrypt, a second token encrypt (thrown away: a page cannot set cookies) and
 * a second query on every request (ADR 0050). So the proxy hands the checked claims to the rest
 * of the request in a request header, MACed with a key that lives only in this process's memory:
 * a client cannot forge it (the proxy also removes any copy the client sent), and a value is only
 * good for a minute. Routes the proxy does not run for (see its matcher) find no header and ask
 * Auth.js themselves. The data-access layer still loads the actor from the database on every
 * request (lib/dal/actor.ts), so a role change, deactivation or sign-out takes effect at once.
 */

export const REQUEST_SESSION_HEADER = "x-tsunagu-session";

/** What the page needs to load the actor: the claims the proxy's session check passed. */
export type RequestSession = { id: string; sessionVersion: number; sessionId: string };

const MAX_AGE_MS = 60_000;

/** The process's key (on globalThis: the proxy and the pages are separate bundles of one process). */
function key(): Buffer {
  const g = globalThis as typeof globalThis & { __tsunaguRequestSessionKey?: Buffer };
  g.__tsunaguRequestSessionKey ??= crypto.randomBytes(32);
  return g.__tsunaguRequestSessionKey;
}

function mac(body: string): string {
  return crypto.createHmac("sha256", key()).update(body).digest("base64url");
}

/** The header value for a session the proxy has checked. */
export function sealRequestSession(session: RequestSession, now: number = Date.now()): string {
  const body = Buffer.from(JSON.stringify([session.id, session.sessionVersion, session.sessionId, now])).toString("base64url");
  return `${body}.${mac(body)}`;
}

/** The claims of a header value this process sealed within the last minute, else null. */
export function openRequestSession(value: string | null | undefined, now: number = Date.now()): RequestSession | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  if (dot <= 0) return null;
  const body = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(mac(body));
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const [id, sessionVersion, sessionId, at] = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as unknown[];
    if (typeof id !== "string" || typeof sessionVersion !== "number" || typeof sessionId !== "string" || typeof at !== "number") return null;
    if (at > now + 1000 || now - at > MAX_AGE_MS) return null;
    return { id, sessionVersion, sessionId };
  } catch {
    return null;
  }
}
