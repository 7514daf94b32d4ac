import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { z } from "zod";
import { loadBrowserSchema } from "@/lib/validation/client";

/*
 * zod and the shared schemas stay off the browser's first load (ADR 0053): no browser module
 * reaches "zod" through static value imports. The browser's modules are every "use client" module
 * of app/, components/ and lib/, instrumentation-client.ts, and everything they import statically;
 * type-only imports are erased by the compiler, a dynamic import() is a chunk loaded later (a
 * form's SchemaLoader) and a "use server" module arrives as references to its actions, so none of
 * them is followed. A module that needs a constant or helper of a
 * schema module takes it from a zod-free one (lib/validation/text-limits.ts, field-names.ts, …).
 */

const ROOT = path.resolve(__dirname, "..", "..");
const FORBIDDEN = (specifier: string) => specifier === "zod" || specifier.startsWith("zod/");

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) walk(rel, out);
    else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const parse = (file: string) => ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);

/** Whether a module's first statement is the directive ("use client", "use server"). */
function hasDirective(file: string, directive: string): boolean {
  const first = parse(file).statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === directive;
}

/** The specifiers a module imports or re-exports at run time: not `import type`, not `{ type A }` alone, not import(). */
export function valueImports(source: ts.SourceFile): string[] {
  const out: string[] = [];
  const onlyTypes = (elements: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier>) => elements.length > 0 && elements.every((e) => e.isTypeOnly);
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      if (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && onlyTypes(clause.namedBindings.elements)) continue;
      out.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (statement.isTypeOnly) continue;
      if (statement.exportClause && ts.isNamedExports(statement.exportClause) && onlyTypes(statement.exportClause.elements)) continue;
      out.push(statement.moduleSpecifier.text);
    }
  }
  return out;
}

/** A specifier of `from` as a file of the project, or null for a package. */
function resolve(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.join(path.posix.dirname(from), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    const full = path.join(ROOT, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve "${specifier}"`);
}

/** Every chain of static value imports from an entry to zod (one per module that imports zod). */
export function pathsToZod(entries: readonly string[]): string[][] {
  const parent = new Map<string, string | null>();
  const found: string[][] = [];
  const queue: string[] = [];
  for (const entry of entries) {
    if (!parent.has(entry)) {
      parent.set(entry, null);
      queue.push(entry);
    }
  }
  while (queue.length) {
    const file = queue.shift()!;
    for (const specifier of valueImports(parse(file))) {
      if (FORBIDDEN(specifier)) {
        const chain = [specifier, file];
        for (let p = parent.get(file); p; p = parent.get(p)) chain.push(p);
        found.push(chain.reverse());
        continue;
      }
      const next = resolve(file, specifier);
      // A "use server" module reaches the browser as references to its actions, never its code.
      if (next && !parent.has(next) && !hasDirective(next, "use server")) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  return found;
}

const SOURCES = [...walk("app"), ...walk("components"), ...walk("lib")];
const CLIENT_ENTRIES = [...SOURCES.filter((f) => hasDirective(f, "use client")), ...(fs.existsSync(path.join(ROOT, "instrumentation-client.ts")) ? ["instrumentation-client.ts"] : [])];

describe("the browser's first load carries no zod (ADR 0053)", () => {
  test("the client modules are found (the walk works)", () => {
    assert.ok(CLIENT_ENTRIES.length > 50, `only ${CLIENT_ENTRIES.length} "use client" modules found`);
    assert.ok(CLIENT_ENTRIES.includes("components/forms/use-checked-form.ts"));
  });

  test("no browser module imports zod at run time, directly or through other modules", () => {
    const chains = pathsToZod(CLIENT_ENTRIES);
    assert.deepEqual(
      chains.map((c) => c.join(" → ")),
      [],
      "load schemas with a SchemaLoader (lib/validation/client.ts) and take constants from a zod-free module",
    );
  });

  test("the rule sees what it must: a value import, a re-export and a side-effect import count; types and import() do not", () => {
    const imports = (code: string) => valueImports(ts.createSourceFile("x.ts", code, ts.ScriptTarget.Latest, true));
    assert.deepEqual(imports(`import { z } from "zod";`), ["zod"]);
    assert.deepEqual(imports(`import "zod";`), ["zod"]);
    assert.deepEqual(imports(`export { z } from "zod";`), ["zod"]);
    assert.deepEqual(imports(`import { type Foo, Bar } from "./a";`), ["./a"]);
    assert.deepEqual(imports(`import type { z } from "zod"; import { type ZodType } from "zod"; export type { z } from "zod";`), []);
    assert.deepEqual(imports(`const load = () => import("zod");`), []);
    // And the walk follows a chain: the schema loader's own target is zod (through zod-browser).
    assert.deepEqual(pathsToZod(["lib/validation/zod-browser.ts"]), [["lib/validation/zod-browser.ts", "zod"]]);
    assert.ok(pathsToZod(["lib/validation/case.ts"]).length > 0);
  });
});

describe("the browser's schema loader", () => {
  test("runs zod's jitless switch before the schema's module, and hands over a working schema", async () => {
    // Nothing in this process has loaded zod-browser.ts yet (the server keeps zod's JIT).
    assert.notEqual(z.config().jitless, true);
    let jitlessWhenLoaded: boolean | undefined;
    const schema = await loadBrowserSchema(() => {
      jitlessWhenLoaded = z.config().jitless;
      return import("@/lib/validation/case").then((m) => m.CaseReopenSchema);
    });
    assert.equal(jitlessWhenLoaded, true);
    assert.equal(schema.safeParse({}).success, false);
  });
});
