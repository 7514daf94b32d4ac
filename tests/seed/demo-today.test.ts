import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { applyDemoToday } from "@/db/seed/demo-today";
import { isAppTodayFixed, setAppToday } from "@/lib/domain/clock";
import { todayIso } from "@/lib/domain/fiscal-year";

afterEach(() => setAppToday(null));

test("TSUNAGU_TODAY fixes the app's today when demo data is on, and says so", () => {
  const line = applyDemoToday({ TSUNAGU_TODAY: "2026-12-01" });
  assert.equal(todayIso(), "2026-12-01");
  assert.ok(isAppTodayFixed());
  assert.match(line, /^Today is 2026-12-01 \(TSUNAGU_TODAY, with demo data\)/);
  setAppToday(null);
  applyDemoToday({ TSUNAGU_TODAY: " 2025-04-01 ", TSUNAGU_DEMO_DATA: "on" });
  assert.equal(todayIso(), "2025-04-01");
});

test("with demo data off it is ignored, and the log says why", () => {
  const line = applyDemoToday({ TSUNAGU_TODAY: "2026-12-01", TSUNAGU_DEMO_DATA: "off" });
  assert.equal(isAppTodayFixed(), false);
  assert.equal(line, `TSUNAGU_TODAY=2026-12-01 is ignored: it applies only with demo data (TSUNAGU_DEMO_DATA=off). Today is ${todayIso()} (the real date in Japan).`);
});

test("without it (or empty) the real date is in force; a malformed one stops the start", () => {
  for (const env of [{}, { TSUNAGU_TODAY: "" }]) {
    assert.equal(applyDemoToday(env), `Today is ${todayIso()} (the real date in Japan).`);
    assert.equal(isAppTodayFixed(), false);
  }
  assert.throws(() => applyDemoToday({ TSUNAGU_TODAY: "2026-02-30" }), /TSUNAGU_TODAY must be a date like 2026-12-01/);
  assert.equal(isAppTodayFixed(), false);
});
