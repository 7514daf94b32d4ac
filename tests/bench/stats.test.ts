import { test } from "node:test";
import assert from "node:assert/strict";
import { dataWorkRatio, percentile, summarize } from "@/scripts/bench/stats";

test("percentile is the nearest rank: always a value that was measured", () => {
  const values = [5, 1, 4, 2, 3]; // unsorted on purpose
  assert.equal(percentile(values, 50), 3);
  assert.equal(percentile(values, 100), 5);
  assert.equal(percentile(values, 1), 1);
  assert.equal(percentile(values, 80), 4); // ceil(0.8 × 5) = 4th
  assert.equal(percentile(values, 81), 5);
});

test("p95 of 200 requests is the 190th fastest; of 30 the 29th; of 1 the one", () => {
  const hundreds = Array.from({ length: 200 }, (_, i) => i + 1);
  assert.equal(percentile(hundreds, 95), 190);
  assert.equal(percentile(hundreds, 50), 100);
  assert.equal(percentile(Array.from({ length: 30 }, (_, i) => i + 1), 95), 29);
  assert.equal(percentile([7], 95), 7);
});

test("percentile of nothing is NaN, a p outside (0, 100] is refused, the input is left unsorted", () => {
  assert.ok(Number.isNaN(percentile([], 50)));
  assert.throws(() => percentile([1], 0), RangeError);
  assert.throws(() => percentile([1], 101), RangeError);
  const values = [3, 1, 2];
  percentile(values, 50);
  assert.deepEqual(values, [3, 1, 2]);
});

test("summarize gives n, p50, p95 and max", () => {
  assert.deepEqual(summarize([10, 30, 20]), { n: 3, p50: 20, p95: 30, max: 30 });
  const empty = summarize([]);
  assert.equal(empty.n, 0);
  assert.ok(Number.isNaN(empty.p50) && Number.isNaN(empty.max));
});

test("the ratio is (app − health) ÷ SQL, never negative, null without a usable floor", () => {
  assert.equal(dataWorkRatio(40, 10, 10), 3);
  assert.equal(dataWorkRatio(8, 10, 2), 0); // faster than the health floor (noise): no data work
  assert.equal(dataWorkRatio(40, 10, null), null);
  assert.equal(dataWorkRatio(40, 10, 0), null);
  assert.equal(dataWorkRatio(Number.NaN, 10, 1), null);
});
