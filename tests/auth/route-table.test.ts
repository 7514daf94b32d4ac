import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { ACTIONS, HANDLERS, PAGES, ROUTE_PROOF_VISITORS, actionKey, verdict } from "@/lib/auth/route-table";

/*
 * The route table (lib/auth/route-table.ts, ADR 0042) lists every page, route handler and server
 * action on disk, and nothing else: a new route fails here until it is given its roles, and
 * the route proofs (tests/dal/route-proof.test.ts, e2e/route-proof.spec.ts) then try it as
 * every visitor.
 */

const ROOT = path.resolve(__dirname, "..", "..");

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) walk(rel, out);
    else out.push(rel);
  }
  return out;
}

const APP_FILES = walk("app");
const SOURCE_FILES = [...APP_FILES, ...walk("lib"), ...walk("components")].filter((f) => /\.tsx?$/.test(f));

/** The exports of a module whose first statement is the "use server" directive; null for any other module. */
function serverActionExports(file: string): string[] | null {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const first = source.statements[0];
  const isDirective = !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
  if (!isDirective) return null;
  const names: string[] = [];
  for (const s of source.statements) {
    const exported = ts.canHaveModifiers(s) && ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isExportDeclaration(s)) {
      // `export { a, b }` / `export * from`: not used today; refuse so the table cannot miss them.
      if (!s.isTypeOnly) assert.fail(`${file}: re-exports in a "use server" file are not enumerated; export functions directly`);
      continue;
    }
    if (!exported) continue;
    if (ts.isFunctionDeclaration(s) && s.name) names.push(s.name.text);
    else if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    // Type aliases and interfaces are erased: no endpoint.
  }
  return names;
}

function duplicates(keys: string[]): string[] {
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}

describe("the route table", () => {
  test("lists every page on disk, and no page that is gone", () => {
    const onDisk = APP_FILES.filter((f) => /(^|\/)page\.tsx?$/.test(f)).sort();
    const listed = PAGES.map((p) => p.file).sort();
    assert.deepEqual(duplicates(listed), [], "a page is listed twice");
    assert.deepEqual(onDisk.filter((f) => !listed.includes(f)), [], "pages missing from lib/auth/route-table.ts (PAGES)");
    assert.deepEqual(listed.filter((f) => !onDisk.includes(f)), [], "pages in PAGES that no longer exist");
  });

  test("lists every route handler on disk, and none that is gone", () => {
    const onDisk = APP_FILES.filter((f) => /(^|\/)route\.tsx?$/.test(f)).sort();
    const listed = HANDLERS.map((h) => h.file).sort();
    assert.deepEqual(duplicates(listed), [], "a route handler is listed twice");
    assert.deepEqual(onDisk.filter((f) => !listed.includes(f)), [], "route handlers missing from lib/auth/route-table.ts (HANDLERS)");
    assert.deepEqual(listed.filter((f) => !onDisk.includes(f)), [], "route handlers in HANDLERS that no longer exist");
  });

  test('lists every export of every "use server" file, and none that is gone', () => {
    const onDisk = SOURCE_FILES.flatMap((file) => (serverActionExports(file) ?? []).map((name) => actionKey({ file, name }))).sort();
    assert.ok(onDisk.length > 50, `found the server actions (${onDisk.length})`);
    const listed = ACTIONS.map(actionKey).sort();
    assert.deepEqual(duplicates(listed), [], "an action is listed twice");
    assert.deepEqual(onDisk.filter((k) => !listed.includes(k)), [], "server actions missing from lib/auth/route-table.ts (ACTIONS)");
    assert.deepEqual(listed.filter((k) => !onDisk.includes(k)), [], "server actions in ACTIONS that no longer exist");
  });

  test("a page's path is its file's route, and a dynamic segment names its sample", () => {
    for (const entry of [...PAGES, ...HANDLERS]) {
      const route =
        "/" +
        entry.file
          .replace(/^app\//, "")
          .replace(/\/?(page|route)\.tsx?$/, "")
          .split("/")
          .filter((s) => !/^\(.*\)$/.test(s))
          .join("/");
      assert.equal(entry.path, route === "/" ? "/" : route.replace(/\/$/, ""), entry.file);
      const dynamic = /\[(?!\.\.\.)[^\]]+\]/.test(entry.path);
      if (dynamic) assert.ok(entry.sample, `${entry.file} has a dynamic segment: give it a sample`);
      if (entry.reach !== "own") assert.ok(entry.sample || "probe" in entry, `${entry.file}: a record's reach needs a sample`);
    }
  });

  test("everyone but the sign-in and shell routes needs a session; admins never reach a person's record", () => {
    const open = [...PAGES, ...HANDLERS, ...ACTIONS].filter((e) => e.allow === "everyone").map((e) => ("name" in e ? actionKey(e) : e.file));
    assert.deepEqual(open.sort(), [
      "app/actions.ts#setFiscalYearAction",
      "app/actions.ts#setLocaleAction",
      "app/actions.ts#signOutAction",
      "app/api/auth/[...nextauth]/route.ts",
      "app/api/health/route.ts",
      "app/login/actions.ts#confirmEnrolmentAction",
      "app/login/actions.ts#finishEnrolmentAction",
      "app/login/actions.ts#signInAction",
      "app/login/actions.ts#verifyCodeAction",
      "app/login/page.tsx",
    ]);
    const personal = ["case", "outreach", "peer", "dispatch", "transfer"];
    for (const e of [...PAGES, ...ACTIONS]) {
      if (!e.sample || !personal.includes(e.sample)) continue;
      assert.ok(Array.isArray(e.allow) && !e.allow.includes("admin") && !e.allow.includes("prefecture"), `${"name" in e ? actionKey(e) : e.file}: only office staff`);
    }
  });

  test("the verdict: anonymous, role, then reach", () => {
    const [anonymous, coord, , pref, admin, otherOffice, otherPrefCoord] = ROUTE_PROOF_VISITORS;
    const caseEntry = { allow: ["coordinator", "supervisor"] as const, reach: "office" as const };
    assert.equal(verdict(caseEntry, anonymous!), "anonymous");
    assert.equal(verdict(caseEntry, coord!), "allow");
    assert.equal(verdict(caseEntry, pref!), "role");
    assert.equal(verdict(caseEntry, admin!), "role");
    assert.equal(verdict(caseEntry, otherOffice!), "reach");
    assert.equal(verdict(caseEntry, otherPrefCoord!), "reach");
    assert.equal(verdict({ allow: "everyone", reach: "own" }, anonymous!), "allow");
    assert.equal(verdict({ allow: "signed-in", reach: "own" }, otherPrefCoord!), "allow");
    assert.equal(verdict({ allow: ["prefecture"], reach: "prefecture" }, ROUTE_PROOF_VISITORS.find((v) => v.username === "yamaguchi.pref")!), "reach");
  });
});
