/**
 * The response headers that depend on the request (a fresh CSP nonce each time) or on the
 * deployment (HSTS only under https). The static ones (X-Frame-Options, nosniff, Referrer-Policy,
 * Permissions-Policy) are in next.config.js. See ADR 0036.
 */

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy for a page. Scripts run only with this response's nonce (Next.js puts
 * it on its own scripts when it finds it in the request's CSP header); 'strict-dynamic' lets those
 * load the app's chunks. Styles allow 'unsafe-inline' because React sets `style` attributes (the
 * charts' bar widths); no other origin is allowed for anything.
 */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "manifest-src 'self'",
  ];
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** HSTS for two years once the app is served over https (never on plain http, where browsers ignore it anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

