import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { revokeSignedOutSession } from "@/lib/dal/auth";
import { consumeGrant } from "@/lib/dal/second-factor";
import { cookies } from "next/headers";
import { authCookies, servedOverHttps, sessionHintCookie } from "./cookies";
import { sessionIdleMinutes } from "./policy";
import { sessionJwt } from "./session-jwt";
import { sessionToken } from "./session-token";

/** Thrown from `authorize`; its `code` tells the sign-in form which message to show. */
class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "locked" | "throttled" | "expired") {
    super();
    this.code = code;
  }
}

const idleSeconds = sessionIdleMinutes() * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // Sessions are signed JWTs (Credentials sign-in requires them); revocation comes from the
  // per-user sessionVersion checked below and again in the data-access layer.
  // maxAge doubles as the idle timeout: the proxy re-issues the cookie on every request.
  // The absolute lifetime (12 hours from sign-in) is the authTime claim, checked in jwt() below.
  session: { strategy: "jwt", maxAge: idleSeconds, updateAge: 0 },
  // The token decrypted once per cookie value and re-encrypted at most once a minute (ADR 0050).
  jwt: sessionJwt(idleSeconds),
  useSecureCookies: servedOverHttps(),
  cookies: authCookies(),
  pages: { signIn: "/login", error: "/login" },
  providers: [
    // Authorize takes only a grant: a one-time token the sign-in actions get from the data-access
    // layer once every factor has passed (password, and the second factor when needed: ADR 0037).
    // It never reaches the browser, so posting a username and password here gives no session.
    Credentials({
      credentials: { grant: {} },
      async authorize(credentials) {
        const grant = typeof credentials?.grant === "string" ? credentials.grant : "";
        const claims = grant ? consumeGrant(grant) : null;
        if (!claims) throw new SignInRefused("expired");
        return claims;
      },
    }),
  ],
  callbacks: {
    // Sign-in copies the claims and sets authTime; every later request re-checks the session (session-token.ts).
    jwt({ token, user }) {
      return sessionToken(token, user);
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.uid,
        name: token.name ?? "",
        role: token.role,
        prefectureCode: token.prefectureCode,
        officeIds: token.officeIds,
        sessionVersion: token.sessionVersion,
        sessionId: token.sid,
      };
      return session;
    },
  },
  events: {
    // The signed-in hint (lib/auth/cookies.ts) is set afresh with every session, so it lasts as long
    // as this session can, and removed by every sign-out, so a visitor who signed out is not told
    // that their session ended.
    async signIn() {
      const hint = sessionHintCookie();
      (await cookies()).set(hint.name, "1", hint.options);
    },
    // Every sign-out through Auth.js (its POST /api/auth/signout, or signOut() from an action)
    // revokes the session on the server: clearing the cookie alone would leave a copy of it valid.
    async signOut(message) {
      (await cookies()).delete(sessionHintCookie().name);
      const token = "token" in message ? message.token : null;
      if (!token) return;
      const { requestIp } = await import("@/lib/dal/session");
      revokeSignedOutSession(token, await requestIp());
    },
  },
  logger: {
    // A refused sign-in is expected and already audited; do not print a stack trace for it.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
