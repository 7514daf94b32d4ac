/*
 * `npm run bench:profile -- --db <file> [--path P] [--user U | --anonymous] [--seconds S]
 *   [--connections C] [--top K] [--port P]`: where one page's server time goes under load (issue 14).
 *
 * Serves the build in one process (TSUNAGU_WORKERS=1) with a CPU-profiler preload
 * (scripts/bench/cpu-profile-preload.mjs), signs in, warms the page up, profiles the server while
 * the bench's load generator asks for the page for S seconds, and prints the CPU per request by module
 * and by function (scripts/bench/cpu-profile.ts). The profile is kept in test-results/profile/ for
 * Chrome DevTools. The server is served in place on the given database, as the bench serves it: its
 * views add audit rows. Profiling slows the server by roughly a quarter, so read the shares, not the
 * request rate.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ArgumentError, whole } from "./args";
import { classify } from "./classify";
import { formatProfile, summarizeProfile, type CpuProfile } from "./cpu-profile";
import { keepAliveAgent, timedGet } from "./http";
import { runLoad } from "./load";
import { killServer, startServer } from "./server";
import { actionId, signIn } from "./signin";

const USAGE = `npm run bench:profile -- --db <file> [--path /cases] [--user bizen.coord | --anonymous] [--seconds 15]
                              [--connections 50] [--top 25] [--port 3196]`;
const PROFILE_DIR = path.join("test-results", "profile");
const log = (message: string) => console.log(`[profile] ${message}`);

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** A whole-number option (at least 1), or its default. */
function wholeOption(name: string, fallback: number): number {
  const raw = option(name);
  return raw === undefined ? fallback : whole(name, raw, 1);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const db = option("--db");
  if (!db || !fs.existsSync(db)) throw new Error(`--db <file>: an existing database is needed\n${USAGE}`);
  const page = option("--path") ?? "/cases";
  const user = process.argv.includes("--anonymous") ? null : (option("--user") ?? "bizen.coord");
  const seconds = wholeOption("--seconds", 15);
  const connections = wholeOption("--connections", 50);
  const top = wholeOption("--top", 25);
  const port = wholeOption("--port", 3196);

  const { buildIfNeeded } = (await import(path.resolve("scripts/lib/build.mjs"))) as { buildIfNeeded: () => boolean };
  if (!buildIfNeeded()) throw new Error("the build failed");
  fs.mkdirSync(PROFILE_DIR, { recursive: true });
  for (const f of fs.readdirSync(PROFILE_DIR)) if (f.endsWith(".cpuprofile")) fs.rmSync(path.join(PROFILE_DIR, f));

  process.env.TSUNAGU_WORKERS = "1";
  process.env.TSUNAGU_PROFILE_DIR = path.resolve(PROFILE_DIR);
  process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --import ${pathToFileURL(path.resolve("scripts/bench/cpu-profile-preload.mjs")).href}`.trim();
  const server = await startServer({ databasePath: path.resolve(db), port, logFile: path.join("test-results", "profile-server.log") });
  try {
    const cookie = user ? await signIn(server.base, user, actionId("app/login/actions.ts#signInAction")) : "";
    const agent = keepAliveAgent(1);
    for (let i = 0; i < 50; i++) {
      const { outcome } = await timedGet(agent, server.base + page, cookie ? { Cookie: cookie } : {});
      const verdict = classify(outcome, { type: "html" });
      if (!verdict.ok) throw new Error(`${page}: ${verdict.detail}`);
    }
    agent.destroy();
    const pid = server.child.pid!;
    process.kill(pid, "SIGUSR2");
    await sleep(300);
    log(`profiling process ${pid} while ${connections} connections ask for ${page} for ${seconds} s …`);
    const load = await runLoad(server.base, cookie, { paths: [page], contains: [] }, { connections, loadSeconds: seconds });
    process.kill(pid, "SIGUSR2");
    const file = path.join(PROFILE_DIR, `${pid}.cpuprofile`);
    for (let waited = 0; !fs.existsSync(file); waited += 100) {
      if (waited > 30_000) throw new Error(`no profile in ${file} after 30 s; see test-results/profile-server.log`);
      await sleep(100);
    }
    const summary = summarizeProfile(JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile, load.requests, top);
    console.log("");
    console.log(`${page} as ${user ?? "an anonymous visitor"}: ${load.requests} requests in ${load.seconds.toFixed(1)} s (${load.rps.toFixed(1)} req/s, p95 ${load.p95?.toFixed(0)} ms, ${load.errors} errors) under ${connections} connections, one server process, profiled`);
    console.log(formatProfile(summary));
    console.log(`\nprofile: ${file} (Chrome DevTools → Performance → Load profile)`);
  } finally {
    await killServer();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`[profile] ${(e as Error).message}${e instanceof ArgumentError ? `\n${USAGE}` : ""}`);
    process.exit(1);
  },
);
