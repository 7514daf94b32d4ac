import { servedOverHttps } from "@/lib/auth/cookies";
import { STRICT_TRANSPORT_SECURITY } from "@/lib/auth/security-headers";
import { databaseAnswers } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

const OK = JSON.stringify({ ok: true });
const DOWN = JSON.stringify({ ok: false });

/**
 * For load balancers and monitoring: no sign-in, nothing disclosed but that the app and its database answer.
 * The proxy does not run for it (proxy.ts), so it sets HSTS itself; it is as cheap as a route can be (ADR 0050).
 */
export async function GET(): Promise<Response> {
  let ok = false;
  try {
    ok = databaseAnswers();
  } catch (e) {
    console.error(e);
  }
  const headers: Record<string, string> = { "Content-Type": "application/json", "Cache-Control": "no-store" };
  if (servedOverHttps()) headers["Strict-Transport-Security"] = STRICT_TRANSPORT_SECURITY;
  return new Response(ok ? OK : DOWN, { status: ok ? 200 : 503, headers });
}
