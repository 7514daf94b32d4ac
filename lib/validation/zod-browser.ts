import { z } from "zod";

/**
 * In the browser, zod must not compile parsers with `new Function`: the CSP forbids eval (ADR 0036),
 * and zod's probe for it (`Function("")`) is reported as a CSP violation on every page that builds an
 * object schema. jitless skips the probe and the compiled fast path; parsing is otherwise the same.
 * Loaded by instrumentation-client.ts, which Next.js runs before any of the app's browser code.
 */
z.config({ jitless: true });
