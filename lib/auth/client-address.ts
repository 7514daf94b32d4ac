/**
 * The client's address, for the audit log and the per-address sign-in throttle (ADR 0034).
 *
 * Next.js does not expose the socket's address to route handlers or server actions. What it does
 * is fill `X-Forwarded-For` with the socket's address when the request has none
 * (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in next/dist/server/base-server.js),
 * and keep whatever a client sent otherwise. So the header alone cannot tell a real address
 * from a forged one:
 *
 * - `TRUSTED_PROXY` set (the app is reached only through a reverse proxy that sets the header):
 *   the header is believed. Its value names the proxies (comma-separated addresses) whose own
 *   entries are skipped, reading from the right, since a client can prepend anything but
 *   cannot write after what the proxy appends; any other value (`on`, `1`) trusts one proxy
 *   and takes the last entry.
 * - unset: the header is not believed and the address is unknown (null). The throttle counts
 *   all such sign-ins in one bucket (`DIRECT_BUCKET`), which a forged header cannot escape.
 */
export const DIRECT_BUCKET = "direct";

export function clientAddress(headers: Pick<Headers, "get">, env: Record<string, string | undefined> = process.env): string | null {
  const trusted = env.TRUSTED_PROXY?.trim();
  if (!trusted) return null;
  const proxies = new Set(
    trusted
      .split(",")
      .map((s) => s.trim())
      .filter((s) => /[.:]/.test(s)),
  );
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const client = hops.reverse().find((hop) => !proxies.has(hop));
  return client ? client.slice(0, 64) : null;
}

/** The throttle bucket of a request: its trusted address, or the shared one when unknown. */
export function throttleBucket(address: string | null): string {
  return address ?? DIRECT_BUCKET;
}
