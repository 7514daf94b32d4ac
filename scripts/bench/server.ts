/*
 * The app under test: the production build served as `npm start` serves it (scripts/serve.mjs: one
 * worker per core unless TSUNAGU_WORKERS says otherwise), its own process group, on 127.0.0.1,
 * against the bench's database, with the keys beside it (ADR 0049). Killed on every way out.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type Server = { base: string; child: ChildProcess; log: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let running: ChildProcess | null = null;
let killing: Promise<void> | null = null;

/**
 * Kill the server's whole process group (its workers with it), SIGKILL after 5 s. Safe to
 * call twice: a second call waits for the same exit. The server stays `running` until it has exited,
 * so killServerNow() can still reach it if the runner exits first.
 */
export function killServer(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  const child = running;
  if (!child || child.pid === undefined) return Promise.resolve();
  if (killing) return killing;
  const pid = child.pid;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const group = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // already gone
    }
  };
  group(signal);
  const hard = setTimeout(() => group("SIGKILL"), 5000);
  killing = exited.finally(() => {
    clearTimeout(hard);
    if (running === child) running = null;
    killing = null;
  });
  return killing;
}

/** Last resort on process exit: synchronous, so it runs even from process.exit(). */
export function killServerNow(): void {
  if (running?.pid !== undefined) {
    try {
      process.kill(-running.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  running = null;
}

/** Did the server die under us? (A crash is an error of the run.) */
export function serverExited(): boolean {
  return running !== null && (running.exitCode !== null || running.signalCode !== null);
}

/** The environment of the server: the caller's, without what would change the demo's today or data. */
export function serverEnv(parent: NodeJS.ProcessEnv, databasePath: string, base: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(parent).filter(([k]) => k !== "TSUNAGU_TODAY" && k !== "TSUNAGU_DEMO_DATA" && k !== "PORT"));
  return {
    ...env,
    DATABASE_PATH: databasePath,
    AUTH_SECRET: crypto.randomBytes(32).toString("hex"),
    AUTH_TRUST_HOST: "true",
    AUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    // One client signs in a few times from 127.0.0.1: never near the per-address throttle.
    TSUNAGU_SIGNIN_FAILURES_PER_IP_PER_15MIN: "1000000",
    // The bench must not change who may sign in to the database it is given: a generated database's
    // accounts were created years "ago" and never signed in, and the start-up sweep of unused
    // accounts (ADR 0041) would deactivate every one of them, the demo accounts the bench uses too.
    TSUNAGU_ACCOUNT_UNUSED_DAYS: "36500",
  };
}

/** Start the server on `port` and wait until /api/health answers 200 (every worker is listening: the primary opens the port once they are). */
/** Serve the build in `cwd` (default: this checkout's; the page floor's is another, scripts/bench/page-floor.ts). */
export async function startServer(opts: { databasePath: string; port: number; logFile: string; timeoutMs?: number; cwd?: string }): Promise<Server> {
  const base = `http://127.0.0.1:${opts.port}`;
  try {
    await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1000) });
    throw new Error(`port ${opts.port} already answers: stop what listens there or give --port`);
  } catch (e) {
    if ((e as Error).message.startsWith("port ")) throw e;
  }
  const out = fs.openSync(opts.logFile, "a");
  // Served as `npm start` serves it (scripts/lib/cluster.mjs: one worker per core, TSUNAGU_WORKERS
  // overrides), so the load test measures the product (ADR 0054).
  const child = spawn(process.execPath, [path.resolve("scripts", "serve.mjs"), "-p", String(opts.port), "-H", "127.0.0.1"], {
    cwd: opts.cwd,
    env: serverEnv(process.env, opts.databasePath, base),
    stdio: ["ignore", out, out],
    detached: true,
  });
  fs.closeSync(out);
  running = child;
  const deadline = Date.now() + (opts.timeoutMs ?? 300_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}); see ${opts.logFile}`);
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return { base, child, log: opts.logFile };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`the server did not answer /api/health within ${Math.round((opts.timeoutMs ?? 300_000) / 1000)} s; see ${opts.logFile}`);
}
