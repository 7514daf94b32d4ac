import "server-only";
import type { JWT } from "@auth/core/jwt";
import type { User } from "next-auth";
import { isSessionCurrent } from "@/lib/dal/auth";
import { sessionPastMaxAge } from "./policy";

/**
 * Auth.js's jwt() callback, kept apart so it can be tested with a clock. At sign-in the token takes
 * the claims authorize() returned and `authTime`, which nothing renews (Auth.js renews `iat` on every
 * request). On every later request the session ends (null) past its absolute lifetime, or when the
 * account was deactivated, its password changed, everything signed out (sessionVersion), or this
 * session signed out (sid).
 */
export function sessionToken(token: JWT, user: User | undefined, now: Date = new Date()): JWT | null {
  if (user) {
    token.uid = user.id as string;
    token.role = user.role;
    token.prefectureCode = user.prefectureCode;
    token.officeIds = user.officeIds;
    token.sessionVersion = user.sessionVersion;
    token.sid = user.sessionId;
    token.authTime = Math.floor(now.getTime() / 1000);
    return token;
  }
  if (sessionPastMaxAge(token.authTime, now)) return null;
  if (!token.uid || !token.sid || !isSessionCurrent(token.uid, token.sessionVersion, token.sid)) return null;
  return token;
}
