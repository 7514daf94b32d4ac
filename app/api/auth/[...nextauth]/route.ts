import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { ADDRESS_WINDOW_MINUTES } from "@/lib/auth/policy";
import { getT } from "@/lib/i18n/server";

export const { GET } = handlers;

/**
 * Auth.js answers a refused credentials sign-in with a redirect carrying the refusal's code.
 * A sign-in refused by the per-address throttle answers 429 instead, as every rate limit does.
 */
export async function POST(request: NextRequest): Promise<Response> {
  const response = await handlers.POST(request);
  const location = response.headers.get("location");
  if (location && new URL(location, request.url).searchParams.get("code") === "throttled") {
    const t = await getT();
    return new Response(t("auth.throttled"), {
      status: 429,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(ADDRESS_WINDOW_MINUTES * 60), "Cache-Control": "no-store" },
    });
  }
  return response;
}
