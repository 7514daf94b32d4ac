import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { isThrottledRefusal, throttledResponse } from "@/lib/auth/throttle-response";
import { getT } from "@/lib/i18n/server";

export const { GET } = handlers;

/** A sign-in refused by the per-address throttle answers 429, as every rate limit does (ADR 0034). */
export async function POST(request: NextRequest): Promise<Response> {
  const response = await handlers.POST(request);
  if (await isThrottledRefusal(response, request.url)) return throttledResponse((await getT())("auth.throttled"));
  return response;
}
