import { test } from "node:test";
import assert from "node:assert/strict";
import { allowedDispatchTransitions, canChangePeerStatus, effectiveStatus, registrationExpiry, renewableYears, renewalFor, availableOn } from "@/lib/domain/peer-registration";

test("registration runs to the end of its fiscal year", () => {
  assert.equal(registrationExpiry("2021-04-01"), "2022-03-31");
  assert.equal(registrationExpiry("2022-03-31"), "2022-03-31");
  assert.equal(registrationExpiry("2021-11-15"), "2022-03-31");
  assert.equal(registrationExpiry("2024-02-29"), "2024-03-31");
});

test("an active registration past its expiry shows as 期間満了", () => {
  assert.equal(effectiveStatus("active", "2022-03-31", "2022-03-31"), "active");
  assert.equal(effectiveStatus("active", "2022-03-31", "2022-04-01"), "expired");
  assert.equal(effectiveStatus("paused", "2022-03-31", "2022-04-01"), "paused");
  assert.equal(effectiveStatus("withdrawn", "2022-03-31", "2023-01-01"), "withdrawn");
});

test("renewal covers the whole next fiscal year", () => {
  assert.deepEqual(renewalFor(2022), { registrationFy: 2022, registeredOn: "2022-04-01", expiresOn: "2023-03-31" });
});

test("status rules: 登録抹消 is final, 休止 can resume, 期間満了 is not set by hand", () => {
  assert.ok(canChangePeerStatus("active", "paused"));
  assert.ok(canChangePeerStatus("paused", "active"));
  assert.ok(canChangePeerStatus("expired", "withdrawn"));
  assert.equal(canChangePeerStatus("withdrawn", "active"), false);
  assert.equal(canChangePeerStatus("active", "expired"), false);
});

test("dispatch status: 依頼 → 予定 → 実施, 中止 from open states only", () => {
  assert.deepEqual(allowedDispatchTransitions("requested"), ["scheduled", "cancelled"]);
  assert.deepEqual(allowedDispatchTransitions("scheduled"), ["done", "cancelled"]);
  assert.deepEqual(allowedDispatchTransitions("done"), []);
  assert.deepEqual(allowedDispatchTransitions("cancelled"), []);
});

test("renewal is offered for the current fiscal year when behind, and for the next one; never for a withdrawn peer", () => {
  assert.deepEqual(renewableYears(2021, "expired", "2024-05-01"), [2024, 2025]);
  assert.deepEqual(renewableYears(2024, "active", "2024-05-01"), [2025]);
  assert.deepEqual(renewableYears(2025, "active", "2025-03-31"), []);
  assert.deepEqual(renewableYears(2024, "paused", "2025-02-01"), [2025]);
  assert.deepEqual(renewableYears(2024, "withdrawn", "2025-02-01"), []);
});

test("a peer can be dispatched on a day a registration covers, unless withdrawn or paused from today on", () => {
  const fy2024 = { registeredOn: "2024-05-10", expiresOn: "2025-03-31" };
  const fy2025 = { registeredOn: "2025-04-01", expiresOn: "2026-03-31" };
  const today = "2025-06-01";
  const active = { status: "active" as const, registrations: [fy2024] };
  assert.equal(availableOn(active, "2024-05-10", today), true, "the day of registration");
  assert.equal(availableOn(active, "2025-03-31", today), true, "the last day");
  assert.equal(availableOn(active, "2024-05-09", today), false, "before registering");
  assert.equal(availableOn(active, "2025-04-01", today), false, "lapsed: not renewed");
  assert.equal(availableOn({ ...active, registrations: [fy2024, fy2025] }, "2025-04-01", today), true, "renewed");
  const paused = { status: "paused" as const, registrations: [fy2024, fy2025] };
  assert.equal(availableOn(paused, "2025-05-31", today), true, "a paused peer's past dispatch may be recorded");
  assert.equal(availableOn(paused, today, today), false, "not from today on");
  assert.equal(availableOn({ status: "withdrawn", registrations: [fy2024] }, "2024-06-01", today), false);
});
