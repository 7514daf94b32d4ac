import { test } from "node:test";
import assert from "node:assert/strict";
import { safeLocalPath } from "@/lib/safe-path";

test("same-site paths pass through with their query", () => {
  assert.equal(safeLocalPath("/offices?sort=name&page=2"), "/offices?sort=name&page=2");
  assert.equal(safeLocalPath("/offices/33-bizen#staff"), "/offices/33-bizen#staff");
});

test("anything that could leave the site falls back", () => {
  for (const evil of ["//evil.example/", "/\\evil.example/", "\\\\evil.example", "https://evil.example/", "javascript:alert(1)", "/\t/evil.example", " //evil.example"]) {
    assert.equal(safeLocalPath(evil), "/", JSON.stringify(evil));
  }
  // A scheme-relative "http:x" is a path on this site, which is harmless.
  assert.equal(safeLocalPath("http:evil.example"), "/evil.example");
});

test("a path normalised to start with // is collapsed", () => {
  assert.equal(safeLocalPath("/.//evil.example/x"), "/evil.example/x");
});

test("empty input gives the fallback", () => {
  assert.equal(safeLocalPath(undefined), "/");
  assert.equal(safeLocalPath("", "/home"), "/home");
});
