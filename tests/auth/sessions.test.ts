import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { desc, eq } from "drizzle-orm";
import type { JWT } from "@auth/core/jwt";
import type { User } from "next-auth";
import { getDb } from "@/db/client";
import { auditLogs, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-users";
import { authCookies, cookieNames, hasSessionCookie, sessionCookieName, sessionHintCookie, sessionMayHaveEnded } from "@/lib/auth/cookies";
import { sessionMaxHours, sessionPastMaxAge } from "@/lib/auth/policy";
import { contentSecurityPolicy, newNonce } from "@/lib/auth/security-headers";
import { sessionToken } from "@/lib/auth/session-token";
import { authenticate, isSessionCurrent, revokeSignedOutSession, signOutEverywhere, type SessionClaims } from "@/lib/dal/auth";
import { consumeGrant } from "@/lib/dal/second-factor";
import { actorFor, seededDb } from "../helpers/test-db";

const HOUR = 60 * 60 * 1000;
const T0 = new Date("2026-12-01T00:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

before(async () => {
  await seededDb();
});

async function signedIn(username: string): Promise<SessionClaims> {
  const r = await authenticate(username, DEMO_PASSWORD, null);
  assert.ok(r.ok && r.next.stage === "grant");
  const claims = consumeGrant(r.next.token);
  assert.ok(claims);
  return claims;
}

/** What Auth.js does at sign-in: jwt() with the user authorize() returned, at `now`. */
function tokenAtSignIn(claims: SessionClaims, now: Date): JWT {
  const token = sessionToken({} as JWT, claims as unknown as User, now);
  assert.ok(token);
  return token;
}

const signOutCount = (userId: string) =>
  getDb()
    .select()
    .from(auditLogs)
    .orderBy(desc(auditLogs.id))
    .all()
    .filter((a) => a.action === "sign_out" && a.entityId === userId).length;

describe("absolute session lifetime", () => {
  test("12 hours by default; SESSION_MAX_HOURS changes it within 1–24", () => {
    assert.equal(sessionMaxHours({}), 12);
    assert.equal(sessionMaxHours({ SESSION_MAX_HOURS: "8" }), 8);
    assert.equal(sessionMaxHours({ SESSION_MAX_HOURS: "0" }), 12);
    assert.equal(sessionMaxHours({ SESSION_MAX_HOURS: "1000" }), 12);
    assert.equal(sessionMaxHours({ SESSION_MAX_HOURS: "x" }), 12);
  });

  test("counted from authTime: valid just before 12 hours, ended at 12 hours", () => {
    const authTime = T0.getTime() / 1000;
    assert.equal(sessionPastMaxAge(authTime, at(0), 12), false);
    assert.equal(sessionPastMaxAge(authTime, at(12 * HOUR - 1000), 12), false);
    assert.equal(sessionPastMaxAge(authTime, at(12 * HOUR), 12), true);
    assert.equal(sessionPastMaxAge(authTime, at(30 * HOUR), 12), true);
  });

  test("a token without authTime, or with one in the future, is treated as ended", () => {
    assert.equal(sessionPastMaxAge(undefined, T0, 12), true);
    assert.equal(sessionPastMaxAge("0", T0, 12), true);
    assert.equal(sessionPastMaxAge(NaN, T0, 12), true);
    assert.equal(sessionPastMaxAge(T0.getTime() / 1000 + HOUR / 1000, T0, 12), true);
  });

  test("the jwt callback sets authTime at sign-in, keeps it on every request, and ends the session at 12 hours", async () => {
    const claims = await signedIn("bizen.coord");
    const token = tokenAtSignIn(claims, T0);
    assert.equal(token.authTime, T0.getTime() / 1000);
    // A request every 20 minutes keeps the idle timeout from ever running out; Auth.js renews iat each time.
    let current: JWT = token;
    for (let t = 20 * 60 * 1000; t < 12 * HOUR; t += 20 * 60 * 1000) {
      const next = sessionToken({ ...current, iat: Math.floor(at(t).getTime() / 1000) }, undefined, at(t));
      assert.ok(next, `still signed in after ${t / HOUR} hours`);
      assert.equal(next.authTime, token.authTime, "authTime is never renewed");
      current = next;
    }
    assert.equal(sessionToken({ ...current }, undefined, at(12 * HOUR)), null, "ended 12 hours after sign-in");
  });

  test("a token from before the claim existed (no authTime) gives no session", async () => {
    const claims = await signedIn("bizen.coord");
    const token = tokenAtSignIn(claims, T0);
    delete (token as Partial<JWT>).authTime;
    assert.equal(sessionToken(token, undefined, at(60 * 1000)), null);
  });
});

describe("sign-out revokes on the server", () => {
  test("Auth.js's sign-out (its event) revokes the session the cookie named, and audits it once", async () => {
    const claims = await signedIn("bizen.sup");
    const other = await signedIn("bizen.sup");
    const token = tokenAtSignIn(claims, new Date());
    const before = signOutCount(claims.id);
    revokeSignedOutSession(token, "203.0.113.9");
    assert.equal(isSessionCurrent(claims.id, claims.sessionVersion, claims.sessionId), false);
    assert.equal(sessionToken({ ...token }, undefined, new Date()), null, "the copied cookie gives no session");
    assert.equal(isSessionCurrent(other.id, other.sessionVersion, other.sessionId), true, "another sign-in is untouched");
    // A second sign-out path for the same session (action, then event) adds no second audit row.
    revokeSignedOutSession(token, "203.0.113.9");
    assert.equal(signOutCount(claims.id), before + 1);
  });

  test("a token that is not well-formed is ignored", () => {
    revokeSignedOutSession({ uid: 1, sid: null, sessionVersion: "1" }, null);
    revokeSignedOutSession({}, null);
  });

  test("sign out everywhere ends every session of the account and no one else's", async () => {
    const a = await signedIn("mimasaka.coord");
    const b = await signedIn("mimasaka.coord");
    const someoneElse = await signedIn("bizen.coord");
    signOutEverywhere(actorFor("mimasaka.coord"));
    assert.equal(isSessionCurrent(a.id, a.sessionVersion, a.sessionId), false);
    assert.equal(isSessionCurrent(b.id, b.sessionVersion, b.sessionId), false);
    assert.equal(isSessionCurrent(someoneElse.id, someoneElse.sessionVersion, someoneElse.sessionId), true);
    const row = getDb().select().from(users).where(eq(users.id, a.id)).get()!;
    assert.equal(row.sessionVersion, a.sessionVersion + 1);
    const audit = getDb().select().from(auditLogs).orderBy(desc(auditLogs.id)).get()!;
    assert.equal(audit.action, "sign_out");
    assert.match(audit.detail ?? "", /"scope":"all"/);
    // A fresh sign-in after it works.
    const fresh = await signedIn("mimasaka.coord");
    assert.equal(isSessionCurrent(fresh.id, fresh.sessionVersion, fresh.sessionId), true);
  });
});

describe("cookies", () => {
  test("plain http uses Auth.js's unprefixed names, not Secure", () => {
    for (const env of [{}, { AUTH_URL: "http://localhost:3000" }]) {
      assert.deepEqual(cookieNames(env), { session: "authjs.session-token", callbackUrl: "authjs.callback-url", csrf: "authjs.csrf-token" });
      assert.equal(authCookies(env).sessionToken.options.secure, false);
    }
  });

  test("under https every cookie is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, path=/", () => {
    const env = { AUTH_URL: "https://tsunagu.example.jp" };
    const cookies = authCookies(env);
    for (const c of Object.values(cookies)) {
      assert.match(c.name, /^__Host-/);
      assert.deepEqual(c.options, { httpOnly: true, sameSite: "lax", path: "/", secure: true });
    }
    assert.equal(sessionCookieName(env), "__Host-authjs.session-token");
  });

  test("the proxy recognises the session cookie whole or chunked, by this deployment's name only", () => {
    const https = { AUTH_URL: "https://tsunagu.example.jp" };
    assert.equal(hasSessionCookie(["__Host-authjs.session-token"], https), true);
    assert.equal(hasSessionCookie(["__Host-authjs.session-token.0", "__Host-authjs.session-token.1"], https), true);
    assert.equal(hasSessionCookie(["authjs.session-token"], https), false);
    assert.equal(hasSessionCookie(["authjs.session-token"], {}), true);
    assert.equal(hasSessionCookie(["tsunagu-locale"], {}), false);
  });

  test("the sign-in page says the session ended for a session cookie or the signed-in hint, never for other cookies", () => {
    const https = { AUTH_URL: "https://tsunagu.example.jp" };
    assert.equal(sessionMayHaveEnded(["__Host-tsunagu.signed-in"], https), true, "the session cookie dropped at the idle timeout");
    assert.equal(sessionMayHaveEnded(["__Host-authjs.session-token.0"], https), true);
    assert.equal(sessionMayHaveEnded(["tsunagu.signed-in"], https), false, "not another deployment's name");
    assert.equal(sessionMayHaveEnded(["tsunagu.signed-in"], {}), true);
    assert.equal(sessionMayHaveEnded(["tsunagu-locale", "tsunagu-fy"], {}), false, "a visitor who never signed in or signed out");
    assert.equal(sessionMayHaveEnded([], {}), false);
  });

  test("the signed-in hint grants nothing readable by scripts and lasts as long as a session can", () => {
    const hint = sessionHintCookie({ AUTH_URL: "https://tsunagu.example.jp", SESSION_MAX_HOURS: "8" });
    assert.equal(hint.name, "__Host-tsunagu.signed-in");
    assert.deepEqual(hint.options, { httpOnly: true, sameSite: "lax", path: "/", secure: true, maxAge: 8 * 60 * 60 });
    assert.equal(sessionHintCookie({}).options.maxAge, 12 * 60 * 60, "the default lifetime");
    assert.equal(sessionHintCookie({}).options.secure, false);
  });
});

describe("content security policy", () => {
  test("scripts only with the nonce; no inline scripts, objects, base or framing; nothing from other origins", () => {
    const nonce = newNonce();
    assert.notEqual(nonce, newNonce(), "a fresh nonce each time");
    assert.ok(Buffer.from(nonce, "base64").length === 16);
    const csp = contentSecurityPolicy(nonce);
    const directives = new Map(csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }));
    assert.deepEqual(directives.get("script-src"), ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    assert.deepEqual(directives.get("object-src"), ["'none'"]);
    assert.deepEqual(directives.get("base-uri"), ["'none'"]);
    assert.deepEqual(directives.get("frame-ancestors"), ["'none'"]);
    assert.deepEqual(directives.get("default-src"), ["'self'"]);
    for (const [name, values] of directives) {
      for (const v of values) assert.doesNotMatch(v, /^(https?:|\*|wss?:)/, `${name} allows another origin: ${v}`);
    }
    assert.equal(csp.includes("upgrade-insecure-requests"), false);
    assert.match(contentSecurityPolicy(nonce, { https: true }), /upgrade-insecure-requests/);
    assert.match(contentSecurityPolicy(nonce, { dev: true }), /script-src [^;]*'unsafe-eval'/);
  });
});
