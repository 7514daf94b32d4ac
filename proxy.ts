import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/auth";
import { servedOverHttps, sessionMayHaveEnded } from "@/lib/auth/cookies";
import { REQUEST_SESSION_HEADER, sealRequestSession, type RequestSession } from "@/lib/auth/request-session";
import { STRICT_TRANSPORT_SECURITY, contentSecurityPolicy, newNonce } from "@/lib/auth/security-headers";

/**
 * The proxy only sends anonymous visitors of pages to the sign-in page (and, through Auth.js,
 * re-issues the session cookie so the idle timeout slides). API routes are let through: each
 * authenticates in its handler and answers 401 as JSON, not with a redirect. Whether a signed-in user may
 * see a page is decided in the data-access layer, never here.
 *
 * It also sets the per-response headers: a CSP with a fresh nonce (passed to Next.js in the request's
 * CSP header and `x-nonce`, so its inline scripts carry it; every page is rendered per request, as the
 * root layout reads the locale cookie) and, under https, HSTS.
 */
function withSecurityHeaders(request: NextRequest, nonce: string, csp: string, session: RequestSession | null): NextResponse {
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The session this proxy checked, for the page's requireActor (lib/auth/request-session.ts, ADR 0050);
  // never a copy the client sent.
  requestHeaders.delete(REQUEST_SESSION_HEADER);
  if (session) requestHeaders.set(REQUEST_SESSION_HEADER, sealRequestSession(session));
  requestHeaders.set("Content-Security-Policy", csp);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export default auth((request) => {
  const { pathname, search } = request.nextUrl;
  const https = servedOverHttps();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });
  let response: NextResponse;
  // API routes answer 401/403 as JSON themselves (lib/api/handler.ts); /api/health needs no sign-in.
  // /login/code and /login/enrol are the second-factor steps of sign-in (a pending sign-in, no session yet).
  if (request.auth || pathname === "/login" || pathname.startsWith("/login/") || pathname.startsWith("/api/")) {
    const user = request.auth?.user;
    const session = user?.id && user.sessionId ? { id: user.id, sessionVersion: user.sessionVersion, sessionId: user.sessionId } : null;
    response = withSecurityHeaders(request, nonce, csp, session);
  } else {
    const url = new URL("/login", request.nextUrl);
    if (pathname !== "/") url.searchParams.set("next", pathname + search);
    // A session that ended here (idle timeout, lifetime, revocation), not a visitor who never signed
    // in or signed out: a session cookie that no longer yields a session, or the signed-in hint.
    if (sessionMayHaveEnded(request.cookies.getAll().map((c) => c.name))) url.searchParams.set("reason", "ended");
    response = NextResponse.redirect(url);
  }
  response.headers.set("Content-Security-Policy", csp);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
});

// /api/health is left out: it needs no session, sends no HTML and is the floor of the benchmark's
// figures (ADR 0050), so it should cost no more than the framework's own routing; it sets its own
// headers (HSTS under https).
// /api/v1/import/ is left out: the proxy would cut an upload at proxyClientMaxBodySize without an
// error (a truncated file could parse as a shorter valid one); those handlers authenticate
// themselves (lib/api/handler.ts withActor) and answer no-store (ADR 0043).
export const config = {
  matcher: ["/((?!api/auth|api/health$|api/v1/import/|_next/static|_next/image|favicon.ico|icon.svg|fonts/).*)"],
};
