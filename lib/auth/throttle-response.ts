import { ADDRESS_WINDOW_MINUTES } from "./policy";

/**
 * Is this Auth.js answer a sign-in refused by the per-address throttle? Auth.js answers a
 * refused credentials sign-in with a redirect to the sign-in page carrying `code=<reason>`: a
 * plain POST gets a 302, one sent with X-Auth-Return-Redirect gets JSON `{ url }`.
 */
export async function isThrottledRefusal(response: Response, requestUrl: string): Promise<boolean> {
  const location =
    response.headers.get("location") ??
    (response.headers.get("content-type")?.includes("json")
      ? ((await response.clone().json().catch(() => null)) as { url?: unknown } | null)?.url
      : undefined);
  return typeof location === "string" && new URL(location, requestUrl).searchParams.get("code") === "throttled";
}

/** The 429 a throttled sign-in answers with, its message already in the reader's language. */
export function throttledResponse(message: string): Response {
  return new Response(message, {
    status: 429,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(ADDRESS_WINDOW_MINUTES * 60), "Cache-Control": "no-store" },
  });
}
