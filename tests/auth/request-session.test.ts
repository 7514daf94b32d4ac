import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { openRequestSession, sealRequestSession } from "@/lib/auth/request-session";

// The proxy hands the session it checked to the page in a request header (ADR 0050): only a value
// this process sealed, unchanged and fresh, opens; anything a client could send does not.
describe("the session handed from the proxy to the page", () => {
  const session = { id: "01USER", sessionVersion: 3, sessionId: "01SESSION" };
  const now = Date.parse("2026-12-06T12:00:00Z");

  test("a value the proxy sealed opens to the same claims", () => {
    assert.deepEqual(openRequestSession(sealRequestSession(session, now), now + 50), session);
  });

  test("a missing, malformed or forged value does not open", () => {
    assert.equal(openRequestSession(null, now), null);
    assert.equal(openRequestSession("", now), null);
    assert.equal(openRequestSession("no-dot", now), null);
    const sealed = sealRequestSession(session, now);
    const [body, mac = ""] = sealed.split(".");
    // Another user's claims under the MAC of these.
    const other = Buffer.from(JSON.stringify(["01OTHER", 3, "01SESSION", now])).toString("base64url");
    assert.equal(openRequestSession(`${other}.${mac}`, now), null);
    // A MAC made with some other key (a client cannot know this process's key).
    assert.equal(openRequestSession(`${body}.${"A".repeat(mac.length)}`, now), null);
    assert.equal(openRequestSession(`${body}.`, now), null);
  });

  test("a value older than a minute, or from the future, does not open", () => {
    const sealed = sealRequestSession(session, now);
    assert.deepEqual(openRequestSession(sealed, now + 59_000), session);
    assert.equal(openRequestSession(sealed, now + 61_000), null);
    assert.equal(openRequestSession(sealRequestSession(session, now + 5_000), now), null);
  });
});
