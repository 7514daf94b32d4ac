import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error a plain .mjs script module without types (scripts/lib/cluster.mjs)
import { workerCount } from "../../scripts/lib/cluster.mjs";

// ADR 0054: how many server processes `npm start` runs.
test("one worker per core unless TSUNAGU_WORKERS says otherwise", () => {
  assert.equal(workerCount({}, 2), 2);
  assert.equal(workerCount({ TSUNAGU_WORKERS: "" }, 4), 4);
  assert.equal(workerCount({}, 0), 1);
  assert.equal(workerCount({ TSUNAGU_WORKERS: "1" }, 8), 1);
  assert.equal(workerCount({ TSUNAGU_WORKERS: " 3 " }, 2), 3);
});

test("a TSUNAGU_WORKERS that is not a whole number of at least 1 stops the start, saying so", () => {
  for (const bad of ["0", "-1", "1.5", "two", "2x"]) {
    assert.throws(() => workerCount({ TSUNAGU_WORKERS: bad }, 2), /TSUNAGU_WORKERS must be a whole number of at least 1/);
  }
});
