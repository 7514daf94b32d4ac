/*
 * What counts as an error of a timed request (ADR 0049): the only thing that fails the bench.
 * Pure: tests/bench/classify.test.ts.
 */

/** What came back (or did not) for one request. */
export type Outcome =
  | { kind: "response"; status: number; location?: string | null; contentType?: string | null; body: string }
  | { kind: "timeout" }
  | { kind: "network"; message: string };

/** What the endpoint must answer: a page or JSON, and text that proves it is the right page. */
export type Expectation = { type: "html" | "json"; contains?: readonly string[] };

export type ErrorKind = "timeout" | "network" | "status" | "login" | "content";
export type Classified = { ok: true } | { ok: false; kind: ErrorKind; detail: string };

/** The sign-in page as the app renders it (its password field), or a redirect to it. */
const LOGIN_FORM = /<input[^>]*name="password"/;

export function classify(outcome: Outcome, expect: Expectation): Classified {
  if (outcome.kind === "timeout") return { ok: false, kind: "timeout", detail: "no answer within 10 s" };
  if (outcome.kind === "network") return { ok: false, kind: "network", detail: outcome.message };
  const { status, location, body } = outcome;
  if (status >= 300 && status < 400 && location && /(^|\/\/[^/]*)\/login([/?#]|$)/.test(location)) {
    return { ok: false, kind: "login", detail: `${status} to ${location}` };
  }
  if (status < 200 || status >= 300) return { ok: false, kind: "status", detail: `HTTP ${status}${location ? ` to ${location}` : ""}` };
  if (expect.type === "html" && LOGIN_FORM.test(body)) return { ok: false, kind: "login", detail: "the sign-in page" };
  if (expect.type === "json") {
    const type = outcome.contentType ?? "";
    if (!type.includes("json")) return { ok: false, kind: "content", detail: `not JSON (${type || "no content type"})` };
    try {
      JSON.parse(body);
    } catch {
      return { ok: false, kind: "content", detail: "malformed JSON" };
    }
  }
  for (const text of expect.contains ?? []) {
    if (!body.includes(text)) return { ok: false, kind: "content", detail: `lacks "${text}"` };
  }
  return { ok: true };
}

/** Errors of one endpoint counted by kind, with the first detail of each: for the table and the JSON. */
export function tallyErrors(results: readonly Classified[]): { count: number; byKind: Partial<Record<ErrorKind, { n: number; first: string }>> } {
  const byKind: Partial<Record<ErrorKind, { n: number; first: string }>> = {};
  let count = 0;
  for (const r of results) {
    if (r.ok) continue;
    count++;
    const entry = byKind[r.kind];
    if (entry) entry.n++;
    else byKind[r.kind] = { n: 1, first: r.detail };
  }
  return { count, byKind };
}
