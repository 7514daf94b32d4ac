/*
 * The load test in its own process (scripts/bench/load-worker.ts, ADR 0049), so the runner's event
 * loop neither paces nor skews it. Used by the bench (scripts/bench/run.ts) and the CPU profile
 * (scripts/bench/profile.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { LoadResult } from "./table";

export type LoadTarget = { paths: string[]; contains: string[] };
export type LoadOptions = { connections: number; loadSeconds: number };

/** `connections` keep-alive connections GETting the target for `loadSeconds`; `started` gets the generator's process (to kill it on Ctrl-C). */
export function runLoad(base: string, cookie: string, target: LoadTarget, o: LoadOptions, started?: (child: ChildProcess | null) => void): Promise<LoadResult> {
  const { paths, contains } = target;
  const input = JSON.stringify({ base, paths, cookie, connections: o.connections, seconds: o.loadSeconds, contains });
  return new Promise((resolve, reject) => {
    // Its own environment without NODE_OPTIONS: a profiler preloaded into the server is not the client's.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "NODE_OPTIONS")) as NodeJS.ProcessEnv;
    const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "bench", "load-worker.ts"), input], { stdio: ["ignore", "pipe", "inherit"], env });
    started?.(child);
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString("utf8")));
    const timer = setTimeout(() => child.kill("SIGKILL"), (o.loadSeconds + 60) * 1000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      started?.(null);
      const line = out.trim().split("\n").at(-1) ?? "";
      try {
        const r = JSON.parse(line) as { requests: number; errors: number; firstError?: string; p50: number; p95: number; seconds: number };
        resolve({ connections: o.connections, seconds: r.seconds, requests: r.requests, rps: r.requests / r.seconds, p50: r.p50, p95: r.p95, errors: r.errors, firstError: r.firstError });
      } catch {
        reject(new Error(`the load generator ended (${code}) without a result`));
      }
    });
  });
}
