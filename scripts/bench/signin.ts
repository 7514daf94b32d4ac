/*
 * Signing in over plain HTTP, without a browser: the sign-in form's server action posted as the
 * browser posts it (the action id from the build's manifest, the arguments encoded by React's own
 * encoder), and the session cookie taken from its answer. Works for accounts that need no second
 * factor: the demo accounts of a database with the demo marker (ADR 0037, 0038).
 */
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const DEMO_PASSWORD = "tsunagu-demo-2026";

/** The id of a server action in the build (`file#export`, e.g. app/login/actions.ts#signInAction). */
export function actionId(key: string, buildDir = ".next"): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(buildDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) if (`${entry.filename}#${entry.exportedName}` === key) return id;
  throw new Error(`${key} is not in the build's server-reference manifest`);
}

/** The cookies a response sets, as a Cookie header (name=value; …), merged over `jar`. */
export function mergeCookies(jar: Map<string, string>, setCookies: readonly string[]): Map<string, string> {
  for (const line of setCookies) {
    const pair = line.split(";", 1)[0]!;
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    // A cleared cookie (empty value or expired) leaves the jar.
    if (value === "" || /;\s*max-age=0/i.test(line) || /;\s*expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
  return jar;
}

export function cookieHeader(jar: Map<string, string>): string {
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** Sign `username` in; returns the Cookie header of the session. Throws with what came back otherwise. */
export async function signIn(base: string, username: string, signInActionId: string, password = DEMO_PASSWORD): Promise<string> {
  const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as { encodeReply: (v: unknown) => Promise<string | FormData> };
  const jar = new Map<string, string>();
  // The page first, as a browser would (cookies it sets, e.g. the locale, go with the post).
  const page = await fetch(`${base}/login`, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
  mergeCookies(jar, page.headers.getSetCookie());
  await page.arrayBuffer();

  const form = new FormData();
  form.append("username", username);
  form.append("password", password);
  form.append("next", "");
  const body = await encodeReply([{ ok: false }, form]);
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": signInActionId, Accept: "text/x-component", Origin: base, Cookie: cookieHeader(jar) },
    body: body as BodyInit,
    signal: AbortSignal.timeout(20_000),
  });
  mergeCookies(jar, response.headers.getSetCookie());
  const target = response.headers.get("x-action-redirect") ?? response.headers.get("location") ?? "";
  const text = await response.text().catch(() => "");
  const session = [...jar.keys()].some((k) => /session-token$/.test(k));
  if (!session) {
    const hint = target.startsWith("/login/") ? ` (the account asks for a second factor: ${target}; only a database with the demo marker lets demo accounts in with the password alone)` : "";
    throw new Error(`signing in as ${username} gave no session: HTTP ${response.status}, redirect "${target}"${hint}; ${text.slice(0, 200).replace(/\s+/g, " ")}`);
  }
  return cookieHeader(jar);
}
