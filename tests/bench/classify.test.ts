import { test } from "node:test";
import assert from "node:assert/strict";
import { classify, tallyErrors, type Outcome } from "@/scripts/bench/classify";

const page = (body: string, status = 200, extra: Partial<Extract<Outcome, { kind: "response" }>> = {}): Outcome => ({ kind: "response", status, body, contentType: "text/html; charset=utf-8", ...extra });
const html = { type: "html", contains: ["サインアウト", "CASE-1"] } as const;

test("a 2xx page with the expected text is fine", () => {
  assert.deepEqual(classify(page("<p>CASE-1</p><button>サインアウト</button>"), html), { ok: true });
});

test("no answer within 10 s, a broken connection, a non-2xx answer are errors", () => {
  assert.equal(classify({ kind: "timeout" }, html).ok, false);
  assert.deepEqual(classify({ kind: "timeout" }, html), { ok: false, kind: "timeout", detail: "no answer within 10 s" });
  assert.equal(classify({ kind: "network", message: "socket hang up" }, html).ok && "ok", false);
  for (const status of [500, 503, 404, 403, 304, 199]) {
    const r = classify(page("CASE-1 サインアウト", status), html);
    assert.ok(!r.ok && r.kind === "status", `HTTP ${status}`);
  }
});

test("a redirect to the sign-in page, or the sign-in page itself, is a login error", () => {
  for (const location of ["/login", "/login?next=%2Fcases", "http://127.0.0.1:3102/login", "/login/code"]) {
    const r = classify(page("", 307, { location }), html);
    assert.ok(!r.ok && r.kind === "login", location);
  }
  const other = classify(page("", 307, { location: "/cases" }), html);
  assert.ok(!other.ok && other.kind === "status", "a redirect elsewhere is still not a 2xx");
  const form = classify(page('<form><input type="password" name="password" required></form> CASE-1 サインアウト'), html);
  assert.ok(!form.ok && form.kind === "login");
  assert.ok(!classify(page("", 307, { location: "/loginhelp" }), html).ok);
});

test("the wrong page (the expected text missing) is a content error", () => {
  const r = classify(page("<p>CASE-2</p><button>サインアウト</button>"), html);
  assert.deepEqual(r, { ok: false, kind: "content", detail: 'lacks "CASE-1"' });
});

test("JSON must be JSON and hold the expected text", () => {
  const json = { type: "json", contains: ['"indicators"'] } as const;
  assert.deepEqual(classify(page('{"indicators":[]}', 200, { contentType: "application/json" }), json), { ok: true });
  const notJson = classify(page('{"indicators":[]}', 200, { contentType: "text/html" }), json);
  assert.ok(!notJson.ok && notJson.kind === "content");
  const broken = classify(page('{"indicators":', 200, { contentType: "application/json" }), json);
  assert.ok(!broken.ok && broken.detail === "malformed JSON");
  const other = classify(page('{"ok":true}', 200, { contentType: "application/json" }), json);
  assert.ok(!other.ok && other.kind === "content");
});

test("tallyErrors counts errors by kind, keeping the first detail of each", () => {
  const t = tallyErrors([
    { ok: true },
    { ok: false, kind: "status", detail: "HTTP 500" },
    { ok: false, kind: "timeout", detail: "no answer within 10 s" },
    { ok: false, kind: "status", detail: "HTTP 502" },
  ]);
  assert.equal(t.count, 3);
  assert.deepEqual(t.byKind.status, { n: 2, first: "HTTP 500" });
  assert.deepEqual(t.byKind.timeout, { n: 1, first: "no answer within 10 s" });
  assert.equal(tallyErrors([{ ok: true }]).count, 0);
});
