/*
 * One timed GET over a keep-alive connection (node:http, no dependency): the time is to the last
 * byte of the body, the outcome what classify() judges (ADR 0049). Used by the runner and by the
 * load generator's process.
 */
import http from "node:http";
import { performance } from "node:perf_hooks";
import zlib from "node:zlib";
import type { Outcome } from "./classify";

export const REQUEST_TIMEOUT_MS = 10_000;

export function keepAliveAgent(maxSockets: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: "fifo" });
}

export type Timed = { ms: number; outcome: Outcome };

/** GET `url` with `headers`; resolves (never rejects) with the time to the last byte and what came back. */
export function timedGet(agent: http.Agent, url: string, headers: Record<string, string>, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Timed> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let settled = false;
    const done = (outcome: Outcome, ms = performance.now() - t0) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ms, outcome });
    };
    // Compressed as a browser asks for it; the time ends at the last byte, the body is unpacked after.
    const req = http.get(url, { agent, headers: { "Accept-Encoding": "gzip", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const ms = performance.now() - t0;
        let body: string;
        try {
          const raw = Buffer.concat(chunks);
          body = (res.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw).toString("utf8");
        } catch (e) {
          done({ kind: "network", message: `unreadable body: ${(e as Error).message}` }, ms);
          return;
        }
        done({ kind: "response", status: res.statusCode ?? 0, location: res.headers.location ?? null, contentType: res.headers["content-type"] ?? null, body }, ms);
      });
      res.on("error", (e) => done({ kind: "network", message: e.message }));
    });
    const timer = setTimeout(() => {
      done({ kind: "timeout" });
      req.destroy();
    }, timeoutMs);
    req.on("error", (e) => done({ kind: "network", message: e.message }));
  });
}
