import "server-only";
import { cookies } from "next/headers";
import { servedOverHttps } from "./cookies";
import { pendingMinutes } from "./totp";

/**
 * The cookie that carries a half-done sign-in (password accepted, second factor pending: ADR 0037).
 * HttpOnly, SameSite=Lax, `__Host-` under https like Auth.js's own cookies (lib/auth/cookies.ts);
 * it lives as long as the pending sign-in. It holds a random token whose hash the database keeps.
 */
export function pendingCookieName(env: Record<string, string | undefined> = process.env): string {
  return `${servedOverHttps(env) ? "__Host-" : ""}tsunagu.pending-sign-in`;
}

export async function readPendingToken(): Promise<string | null> {
  return (await cookies()).get(pendingCookieName())?.value ?? null;
}

export async function setPendingToken(token: string): Promise<void> {
  (await cookies()).set(pendingCookieName(), token, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: servedOverHttps(),
    maxAge: pendingMinutes() * 60,
  });
}

export async function clearPendingToken(): Promise<void> {
  (await cookies()).delete(pendingCookieName());
}
