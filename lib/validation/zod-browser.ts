import { z } from "zod";

/**
 * In the browser, zod must not compile parsers with `new Function`: the CSP forbids eval (ADR 0036),
 * and zod's probe for it (`Function("")`) is reported as a CSP violation on every page that builds an
 * object schema. jitless skips the probe and the compiled fast path; parsing is otherwise the same.
 * Loaded by the browser's schema loader (loadBrowserSchema in client.ts) before any schema module,
 * never on a page's first load (ADR 0053). The server does not load it: it keeps zod's JIT.
 */
z.config({ jitless: true });
