import { test } from "node:test";
import assert from "node:assert/strict";
import { ArgumentError, parseBenchArgs } from "@/scripts/bench/args";

test("the defaults are the national run: 200 requests, 50 connections for 30 s", () => {
  const o = parseBenchArgs([]);
  assert.equal(o.scale, "national");
  assert.equal(o.requests, 200);
  assert.equal(o.loadSeconds, 30);
  assert.equal(o.connections, 50);
  assert.equal(o.ci, false);
  assert.equal(o.db, undefined);
  assert.equal(o.json, "test-results/bench.json");
  assert.equal(o.port, 3190);
  assert.ok(o.warmup >= 1 && o.warmup <= 5);
});

test("--ci is the short prefecture run, and explicit values still win", () => {
  const ci = parseBenchArgs(["--ci"]);
  assert.equal(ci.scale, "prefecture");
  assert.equal(ci.requests, 30);
  assert.equal(ci.loadSeconds, 5);
  const both = parseBenchArgs(["--ci", "--requests", "12", "--load-seconds=2", "--scale", "national"]);
  assert.equal(both.requests, 12);
  assert.equal(both.loadSeconds, 2);
  assert.equal(both.scale, "national");
});

test("values are read as --name value or --name=value; BENCH_PORT sets the port unless --port does", () => {
  const o = parseBenchArgs(["--db", "/tmp/x.db", "--json=out/b.json", "--connections", "8", "--fy", "2021", "--skip-js"], { BENCH_PORT: "3102" });
  assert.equal(o.db, "/tmp/x.db");
  assert.equal(o.json, "out/b.json");
  assert.equal(o.connections, 8);
  assert.equal(o.fy, 2021);
  assert.equal(o.skipJs, true);
  assert.equal(o.port, 3102);
  assert.equal(parseBenchArgs(["--port", "4000"], { BENCH_PORT: "3102" }).port, 4000);
});

test("bad arguments are refused with what is wrong", () => {
  const refused = (argv: string[], pattern: RegExp) => assert.throws(() => parseBenchArgs(argv), (e: unknown) => e instanceof ArgumentError && pattern.test(e.message));
  refused(["--scale", "city"], /--scale is prefecture or national/);
  refused(["--requests", "ten"], /--requests takes a whole number/);
  refused(["--requests", "0"], /at least 1/);
  refused(["--requests"], /--requests needs a value/);
  refused(["--db="], /--db needs a value/);
  refused(["--fast"], /unknown argument "--fast"/);
  refused(["extra.db"], /unknown argument/);
  refused(["--fy", "21"], /at least 2000/);
  // --help: an empty message (the usage is printed, exit 0)
  assert.throws(() => parseBenchArgs(["--help"]), (e: unknown) => e instanceof ArgumentError && e.message === "");
});
