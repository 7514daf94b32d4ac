import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ACTIONS, HANDLERS, NON_DOMAIN_TABLES, PAGES, ROUTE_PROOF_VISITORS, actionKey, verdict, type ActionEntry, type PageEntry, type Verdict, type Visitor } from "../lib/auth/route-table";
import { storageStateOf } from "./fixtures/auth";
import { db, userId } from "./fixtures/db";
import { loadSamples, proofForms, sampleId, type Form, type Samples } from "./fixtures/route-proof";

/*
 * Proof for every role and route (issue 12, ADR 0042), generated from the route table
 * (lib/auth/route-table.ts): every page and route handler is requested, and every server action
 * a visitor may not use is posted, as anonymous, each demo role of 岡山県, a coordinator of another
 * 岡山 office and the 山口県 accounts. Dynamic segments take real records of 備前保健所.
 *
 * Allow and deny, precisely:
 * - a page: allowed = 200 (the sign-in page sends a signed-in user home: a redirect not to /login);
 *   denied = a redirect to /login for anonymous, 404 for a signed-in user (role or reach alike);
 * - a route handler: allowed = 200; denied = 401 (API) or the redirect to /login (downloads) for
 *   anonymous, 403 or 404 for a signed-in user;
 * - a server action (posted as the browser posts it: `Next-Action` with the id from the build's
 *   server-reference manifest, the arguments encoded by React's encodeReply): denied = the
 *   redirect to /login for anonymous; for a signed-in user no success (404, or a form state that
 *   is not ok), never a 5xx, and no domain table changed (every table but the audit log, sessions
 *   and throttles: NON_DOMAIN_TABLES). Allowed actions are not posted (they would change the data).
 * Requests go through request contexts with each account's saved sign-in (e2e/auth.setup.ts).
 */

test.describe.configure({ mode: "parallel" });

/** The server under test, as playwright.config.ts names it (request contexts do not inherit its baseURL). */
const baseURL = process.env.E2E_BASE_URL || `http://localhost:${process.env.E2E_PORT || "3100"}`;

type Encode = (value: unknown) => Promise<string | FormData>;
const { encodeReply } = createRequire(__filename)("next/dist/compiled/react-server-dom-webpack/client.node.js") as { encodeReply: Encode };

const manifestFile = path.join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json");
type Manifest = { node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }> };

function samples(): Samples {
  return loadSamples((sql, ...params) => db().prepare(sql).get(...params) as Record<string, unknown> | undefined);
}

/** The URL of a page entry with its dynamic segment filled, or null when the demo data has no such record. */
function urlOf(entry: PageEntry, s: Samples): string | null {
  if (!entry.sample) return entry.path;
  const id = sampleId(s, entry.sample);
  return id ? entry.path.replace(/\[[^\]]+\]/, encodeURIComponent(id)) : null;
}

async function contextFor(visitor: Visitor): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL,
    storageState: visitor.username ? storageStateOf(visitor.username) : undefined,
    maxRedirects: 0,
    extraHTTPHeaders: { "Accept-Language": "ja" },
  });
}

const location = (r: APIResponse) => new URL(r.headers()["location"] ?? "/", baseURL).pathname;
const isRedirect = (r: APIResponse) => [301, 302, 303, 307, 308].includes(r.status());

function expectPage(r: APIResponse, v: Verdict, what: string): void {
  if (v === "allow") {
    if (isRedirect(r)) expect(location(r), `${what}: allowed, not sent to sign in`).not.toBe("/login");
    else expect(r.status(), `${what}: allowed`).toBe(200);
  } else if (v === "anonymous") {
    expect(isRedirect(r), `${what}: anonymous is redirected (got ${r.status()})`).toBe(true);
    expect(location(r), what).toBe("/login");
  } else {
    expect(r.status(), `${what}: refused (${v})`).toBe(404);
  }
}

function expectHandler(r: APIResponse, v: Verdict, what: string): void {
  if (v === "allow") expect(r.status(), `${what}: allowed`).toBe(200);
  else if (v === "anonymous") {
    if (isRedirect(r)) expect(location(r), what).toBe("/login");
    else expect(r.status(), `${what}: anonymous`).toBe(401);
  } else expect([403, 404], `${what}: refused (${v}), got ${r.status()}`).toContain(r.status());
}

// -------------------------------------------------------------------------------------------
// The domain tables, row by row, to tell a change the refused request made from the traffic of
// other spec files running beside this one.

type Snapshot = Map<string, Map<string, string>>;

function domainSnapshot(): Snapshot {
  const conn = db();
  const tables = (conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => !NON_DOMAIN_TABLES.includes(t));
  const snapshot: Snapshot = new Map();
  for (const table of tables) {
    const rows = new Map<string, string>();
    for (const row of conn.prepare(`SELECT rowid AS __rowid, * FROM "${table}"`).all() as Record<string, unknown>[]) {
      const { __rowid, ...rest } = row;
      rows.set(String(__rowid), JSON.stringify(rest));
    }
    snapshot.set(table, rows);
  }
  return snapshot;
}

/**
 * The rows that differ between two snapshots and name the visitor (a row it created or updated)
 * or one of the sample records the refused actions aimed at (changed or deleted). Rows other spec
 * files write meanwhile name neither.
 */
function changesBy(before: Snapshot, after: Snapshot, visitorId: string, targets: Set<string>): string[] {
  const found: string[] = [];
  const names = (json: string | undefined, ids: Set<string>) => !!json && Object.values(JSON.parse(json) as Record<string, unknown>).some((v) => typeof v === "string" && ids.has(v));
  const visitor = new Set(visitorId ? [visitorId] : []);
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Map<string, string>();
    if (rows.size === old.size && [...rows].every(([k, v]) => old.get(k) === v)) continue;
    for (const [key, now] of rows) {
      const was = old.get(key);
      if (was === now) continue;
      if (names(now, visitor) || names(was, targets) || names(now, targets)) found.push(`${table} row ${key}: ${was ?? "(new)"} → ${now}`);
    }
    for (const [key, was] of old) if (!rows.has(key) && names(was, targets)) found.push(`${table} row ${key} deleted: ${was}`);
  }
  return found;
}

/** The ids of the records the actions aim at (not users' or offices' ids, which other specs' rows name all the time). */
function targetIds(s: Samples): Set<string> {
  const keys: (keyof Samples)[] = [
    "caseId", "activityId", "carePlanId", "followUpId", "phaseEventId", "closedCaseId", "hospitalId", "outreachId", "outreachContactId", "outreachOutcomeId",
    "peerId", "peerTrainingId", "dispatchId", "meetingId", "trainingId", "eventId", "kyogiBodyId", "statisticId", "targetId", "userId", "incomingTransferId", "outgoingTransferId",
  ];
  return new Set(keys.map((k) => s[k]).filter((v): v is string => typeof v === "string"));
}

// -------------------------------------------------------------------------------------------
// Server actions as the browser posts them.

function readManifest(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as Manifest;
  const byKey = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    // Post it to a page that carries it (a static one when there is one).
    const pages = Object.keys(entry.workers).filter((w) => w.endsWith("/page"));
    const page = pages.find((w) => !w.includes("[")) ?? pages[0];
    if (page) byKey.set(`${entry.filename}#${entry.exportedName}`, { id, page });
  }
  return byKey;
}

/** "app/(app)/cases/[id]/page" → "/cases/<the sample case>". */
function pageUrl(worker: string, s: Samples): string {
  const file = `${worker}.tsx`;
  const entry = PAGES.find((p) => p.file === file);
  if (!entry) throw new Error(`route proof: ${file} is not in the route table`);
  const url = urlOf(entry, s);
  if (!url) throw new Error(`route proof: no sample for ${file}`);
  return url;
}

function formData(form: Form): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  return data;
}

async function postAction(ctx: APIRequestContext, id: string, url: string, args: unknown[]): Promise<APIResponse> {
  const body = await encodeReply(args);
  const headers = { "Next-Action": id, Accept: "text/x-component", Origin: new URL(baseURL).origin };
  if (typeof body === "string") return ctx.post(url, { headers: { ...headers, "Content-Type": "text/plain;charset=UTF-8" }, data: body });
  return ctx.post(url, { headers, multipart: body });
}

/** The arguments an action is called with from its form (useActionState's previous state, then the form). */
function argsOf(entry: ActionEntry, form: Form): unknown[] {
  if (entry.name === "searchOutreachPersonsAction") return [form.q];
  if (entry.name === "signOutEverywhereAction") return [];
  return [{ ok: false }, formData(form)];
}

// -------------------------------------------------------------------------------------------

test("the proof posts an action as the browser does: it runs (the language switch sets its cookie)", async () => {
  const ref = readManifest().get("app/actions.ts#setLocaleAction");
  expect(ref).toBeTruthy();
  const ctx = await contextFor(ROUTE_PROOF_VISITORS[0]!);
  try {
    const response = await postAction(ctx, ref!.id, "/login", [formData({ locale: "en" })]);
    expect(response.status()).toBeLessThan(400);
    expect(response.headers()["set-cookie"] ?? "").toContain("tsunagu_locale=en");
  } finally {
    await ctx.dispose();
  }
});

for (const visitor of ROUTE_PROOF_VISITORS) {
  const who = visitor.username ?? "anonymous";

  test(`${who}: every page and route handler answers allow or deny as the route table says`, async () => {
    const s = samples();
    const ctx = await contextFor(visitor);
    try {
      for (const entry of PAGES) {
        const url = urlOf(entry, s);
        if (!url) continue;
        expectPage(await ctx.get(url), verdict(entry, visitor), `${who} GET ${url}`);
      }
      for (const entry of HANDLERS) {
        expectHandler(await ctx.get(entry.probe), verdict(entry, visitor), `${who} GET ${entry.probe}`);
      }
    } finally {
      await ctx.dispose();
    }
  });

  test(`${who}: every server action it may not use is refused and changes no domain table`, async () => {
    test.skip(!!process.env.E2E_BASE_URL && !fs.existsSync(manifestFile), "no build manifest beside an external server");
    const s = samples();
    const forms = proofForms(s);
    const actions = readManifest();
    const targets = targetIds(s);
    const visitorId = visitor.username ? userId(visitor.username) : "";
    const ctx = await contextFor(visitor);
    const skipped: string[] = [];
    let refused = 0;
    try {
      const before = domainSnapshot();
      for (const entry of ACTIONS) {
        const v = verdict(entry, visitor);
        if (v === "allow") continue;
        const key = actionKey(entry);
        const form = forms[key];
        const ref = actions.get(key);
        expect(ref, `${key} is in the build's server-reference manifest`).toBeTruthy();
        expect(form, `${key} has a form in e2e/fixtures/route-proof.ts`).toBeTruthy();
        // The demo data has no transfer or 岡山 target: the DAL proof covers those actions.
        if (Object.values(form!).includes("none")) {
          skipped.push(key);
          continue;
        }
        const response = await postAction(ctx, ref!.id, pageUrl(ref!.page, s), argsOf(entry, form!));
        const what = `${who} ${key} (${v})`;
        if (v === "anonymous") {
          expect(isRedirect(response), `${what}: anonymous is redirected (got ${response.status()})`).toBe(true);
          expect(location(response), what).toBe("/login");
        } else if (v === "reach") {
          // The role may use the action: it ran, and the data-access layer refused the record.
          expect(response.status(), `${what}: the action ran`).toBe(200);
          expect(await response.text(), `${what}: its form state is a refusal`).toMatch(/"ok":false/);
        } else {
          // The role may not: the action's requirePermission answers 404, or (year-end close, which
          // asks the DAL) a refused form state.
          expect(response.status(), `${what}: no server error`).toBeLessThan(500);
          if (response.status() === 200) expect(await response.text(), `${what}: its form state is a refusal`).toMatch(/"ok":false/);
          else expect(response.status(), `${what}: refused`).toBe(404);
        }
        refused++;
      }
      expect(changesBy(before, domainSnapshot(), visitorId, targets), `${who}: domain rows the refused actions changed`).toEqual([]);
    } finally {
      await ctx.dispose();
    }
    if (skipped.length) test.info().annotations.push({ type: "skipped actions (no such record in the demo data; see tests/dal/route-proof.test.ts)", description: skipped.join(", ") });
    expect(refused + skipped.length, `${who} is refused some action`).toBeGreaterThan(0);
  });
}
