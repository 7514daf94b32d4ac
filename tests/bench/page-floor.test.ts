import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { EMPTY_APP_SOURCE, sourceStamp } from "@/scripts/bench/page-floor";

test("the page floor is rebuilt when a source file or the installed Next.js changes, not otherwise", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "page-floor-"));
  try {
    const source = path.join(dir, "app-src");
    fs.cpSync(EMPTY_APP_SOURCE, source, { recursive: true });
    const nextPackage = path.join(dir, "package.json");
    fs.writeFileSync(nextPackage, JSON.stringify({ version: "16.0.0" }));
    const first = sourceStamp(source, nextPackage);
    assert.equal(sourceStamp(source, nextPackage), first, "the same sources give the same stamp");
    const page = path.join(source, "app", "page.tsx");
    fs.appendFileSync(page, "\n");
    assert.notEqual(sourceStamp(source, nextPackage), first, "an edited page");
    fs.writeFileSync(page, fs.readFileSync(path.join(EMPTY_APP_SOURCE, "app", "page.tsx")));
    assert.equal(sourceStamp(source, nextPackage), first);
    fs.renameSync(page, path.join(source, "app", "other.tsx"));
    assert.notEqual(sourceStamp(source, nextPackage), first, "a renamed file");
    fs.renameSync(path.join(source, "app", "other.tsx"), page);
    fs.writeFileSync(nextPackage, JSON.stringify({ version: "16.0.1" }));
    assert.notEqual(sourceStamp(source, nextPackage), first, "another Next.js");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the empty app renders per request and has nothing of the app's in it", () => {
  const page = fs.readFileSync(path.join(EMPTY_APP_SOURCE, "app", "page.tsx"), "utf8");
  assert.match(page, /await connection\(\)/, "rendered per request, as every page of the app is");
  const imports = fs
    .readdirSync(EMPTY_APP_SOURCE, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .flatMap((e) => [...fs.readFileSync(path.join(e.parentPath, e.name), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]));
  assert.deepEqual([...new Set(imports)].sort(), ["next/server", "react"]);
});
