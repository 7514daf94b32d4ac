import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authenticate, isSessionCurrent } from "@/lib/dal/auth";
import { clientAddress } from "./client-address";
import { sessionIdleMinutes } from "./policy";

/** Thrown from `authorize`; its `code` tells the sign-in form which message to show. */
class SignInRefused extends CredentialsSignin {
  constructor(code: "invalid" | "locked" | "throttled") {
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
  session: { strategy: "jwt", maxAge: idleSeconds, updateAge: 0 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { username: {}, password: {} },
      async authorize(credentials, request) {
        const username = typeof credentials?.username === "string" ? credentials.username : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        const ip = clientAddress(request.headers);
        const result = await authenticate(username, password, ip);
        if (!result.ok) throw new SignInRefused(result.reason);
        return result.claims;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        // Just signed in: copy the claims authorize() returned.
        token.uid = user.id as string;
        token.role = user.role;
        token.prefectureCode = user.prefectureCode;
        token.officeIds = user.officeIds;
        token.sessionVersion = user.sessionVersion;
        token.sid = user.sessionId;
        return token;
      }
      // Every later request: deactivation, a password change or sign-out ends the session here.
      if (!token.uid || !token.sid || !isSessionCurrent(token.uid, token.sessionVersion, token.sid)) return null;
      return token;
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
  logger: {
    // A refused sign-in is expected and already audited; do not print a stack trace for it.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error(error);
    },
  },
});
