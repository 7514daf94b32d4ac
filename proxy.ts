import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/auth";

/**
 * The proxy only sends anonymous visitors of pages to the sign-in page (and, through Auth.js,
 * re-issues the session cookie so the idle timeout slides). API routes are let through: each
 * authenticates in its handler and answers 401 as JSON, not with a redirect. Whether a signed-in user may
 * see a page is decided in the data-access layer, never here.
 */
export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  // API routes answer 401/403 as JSON themselves (lib/api/handler.ts); /api/health needs no sign-in.
  if (request.auth || pathname === "/login" || pathname.startsWith("/api/")) return NextResponse.next();
  const url = new URL("/login", request.nextUrl);
  if (pathname !== "/") url.searchParams.set("next", pathname + search);
  // A session cookie that no longer yields a session: it expired or was revoked.
  const hadSession = request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
  if (hadSession) url.searchParams.set("reason", "ended");
  return NextResponse.redirect(url);
});

export const config = {
  matcher: ["/((?!api/auth|_next/static|_next/image|favicon.ico|icon.svg|fonts/).*)"],
};
