// The production server: Next.js's request handler in one process per CPU core (node:cluster),
// all on one port and one database file (ADR 0054). Used by `npm start` (scripts/start.mjs), the
// bench (scripts/bench/server.ts) and the durability test (scripts/durability/run.mjs) through
// scripts/serve.mjs, so what they measure is what `npm start` serves.
//
// - TSUNAGU_WORKERS: how many workers (default: one per core); 1 serves in this very process,
//   without node:cluster, as `next start` did.
// - Start-up work (instrumentation.ts: migrations, demo data, the account sweep, identity
//   encryption) runs once: worker 1 starts alone; the others are forked when it has done it,
//   with TSUNAGU_STARTUP_DONE=1, so their instrumentation only opens the database. The port opens
//   when every worker is ready, so the first requests never wait for a worker still starting.
//   A worker that dies later is logged and replaced (with the same flag). SIGINT/SIGTERM stop
//   every worker.
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import { fileURLToPath } from "node:url";

const log = (message) => console.log(`[tsunagu] ${message}`);
const warn = (message) => console.error(`[tsunagu] ${message}`);

/** How many server processes: TSUNAGU_WORKERS (a whole number ≥ 1) or one per CPU core. */
export function workerCount(env = process.env, cores = os.availableParallelism()) {
  const raw = env.TSUNAGU_WORKERS?.trim();
  if (!raw) return Math.max(1, cores);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`TSUNAGU_WORKERS must be a whole number of at least 1, not "${raw}"`);
  return n;
}

/**
 * Serve the production build on `port` (every interface unless `hostname`). Resolves once every
 * worker is listening; the process then stays up until SIGINT/SIGTERM.
 */
export async function serve({ port, hostname, workers = workerCount() }) {
  if (workers === 1) {
    await runNextServer({ port, hostname });
    return;
  }
  await runPrimary({ port, hostname, workers });
}

// ---------------------------------------------------------------------------------------------
// One server process
// ---------------------------------------------------------------------------------------------

/** Next.js's production server in this process, as `next start` runs it (the public custom-server API). */
export async function runNextServer({ port, hostname }) {
  // What `next start`'s command line sets before it loads the server.
  process.env.NODE_ENV = "production";
  process.env.NEXT_RUNTIME = "nodejs";
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname || "localhost", port: Number(port) });
  // instrumentation.ts's register() (the database opened, migrated, seeded) calls this when it is
  // done: prepare() starts it but does not wait for it. Nothing is answered, and no other worker
  // started, before the database is ready; a start-up that fails ends the process.
  const startedUp = new Promise((resolve, reject) => {
    globalThis.__tsunaguStartedUp = (error) => (error ? reject(error) : resolve());
  });
  const slow = setInterval(() => log(`Still waiting for the start-up work (instrumentation.ts) of process ${process.pid}…`), 60_000);
  try {
    await app.prepare();
    await startedUp;
  } catch (error) {
    console.error(error);
    warn("The start-up failed (see above): not serving.");
    process.exit(1);
  } finally {
    clearInterval(slow);
  }
  const handle = app.getRequestHandler();
  // A worker forked at start waits for the primary's word to listen (every worker ready); a
  // replacement listens at once.
  if (cluster.isWorker && process.env.TSUNAGU_LISTEN_AT_ONCE !== "1") {
    await new Promise((resolve) => {
      const onMessage = (message) => {
        if (message?.tsunagu !== "listen") return;
        process.off("message", onMessage);
        resolve();
      };
      process.on("message", onMessage);
      process.send?.({ tsunagu: "prepared" });
    });
  }
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(Number(port), hostname || undefined, () => {
      server.off("error", reject);
      resolve();
    });
  });
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    // Finish the requests in flight, drop idle keep-alive connections, then close Next.js.
    const hard = setTimeout(() => process.exit(signal === "SIGINT" ? 130 : 143), 10_000);
    hard.unref();
    server.close(() => {
      app
        .close()
        .catch((error) => console.error(error))
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
    server.closeIdleConnections();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  if (cluster.isWorker) process.send?.({ tsunagu: "listening" });
  else log(`Serving on port ${port} in one process (TSUNAGU_WORKERS=1).`);
}

// ---------------------------------------------------------------------------------------------
// The primary: forks, replaces and stops the workers
// ---------------------------------------------------------------------------------------------

const WORKER_FILE = fileURLToPath(new URL("./cluster-worker.mjs", import.meta.url));
/** A worker that lived shorter than this before it died counts as failing to start. */
const QUICK_DEATH_MS = 30_000;

async function runPrimary({ port, hostname, workers }) {
  process.title = "tsunagu-primary";
  cluster.setupPrimary({ exec: WORKER_FILE, args: [] });
  const base = { TSUNAGU_SERVE_PORT: String(port), TSUNAGU_SERVE_HOST: hostname ?? "", NODE_ENV: "production" };
  let stopping = false;
  let quickDeaths = 0;
  const slots = new Map(); // worker id -> { slot, startedAt }

  const fork = (slot, startupDone, listenAtOnce = false) => {
    const worker = cluster.fork({
      ...base,
      TSUNAGU_WORKER_SLOT: String(slot),
      ...(startupDone ? { TSUNAGU_STARTUP_DONE: "1" } : {}),
      ...(listenAtOnce ? { TSUNAGU_LISTEN_AT_ONCE: "1" } : {}),
    });
    slots.set(worker.id, { slot, startedAt: Date.now() });
    return worker;
  };

  /** Resolves when the worker says `what` ("prepared": its start-up is done; "listening"). */
  const said = (worker, what) =>
    new Promise((resolve, reject) => {
      const onMessage = (message) => {
        if (message?.tsunagu !== what) return;
        worker.off("exit", onExit);
        worker.off("message", onMessage);
        resolve();
      };
      const onExit = (code, signal) => {
        worker.off("message", onMessage);
        reject(new Error(`exited before it was ${what} (${signal ?? `code ${code}`})`));
      };
      worker.on("message", onMessage);
      worker.once("exit", onExit);
    });

  const stopAll = (signal) => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter(Boolean);
    log(`${signal}: stopping ${alive.length} worker(s).`);
    if (alive.length === 0) process.exit(0);
    for (const worker of alive) worker.process.kill(signal);
    const hard = setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(1);
    }, 15_000);
    hard.unref();
  };
  process.on("SIGINT", () => stopAll("SIGINT"));
  process.on("SIGTERM", () => stopAll("SIGTERM"));

  cluster.on("exit", (worker, code, signal) => {
    const info = slots.get(worker.id);
    slots.delete(worker.id);
    if (stopping) {
      if (slots.size === 0) process.exit(0);
      return;
    }
    if (!info) return;
    const lived = Date.now() - info.startedAt;
    quickDeaths = lived < QUICK_DEATH_MS ? quickDeaths + 1 : 0;
    // Back off when replacements keep dying at once (a bad build, a full disk): 1 s, 2 s, 4 s … 60 s.
    const delay = quickDeaths === 0 ? 0 : Math.min(60_000, 1000 * 2 ** (quickDeaths - 1));
    warn(
      `Worker ${info.slot} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}) after ${Math.round(lived / 1000)} s; ` +
        `starting a new one${delay ? ` in ${delay / 1000} s` : ""}.`,
    );
    setTimeout(() => {
      if (!stopping) fork(info.slot, true, true);
    }, delay).unref();
  });

  log(`Starting ${workers} server workers on port ${port} (TSUNAGU_WORKERS; one database file, ADR 0054).`);
  // Worker 1 alone first: its instrumentation does the start-up work once.
  const first = fork(1, false);
  try {
    await said(first, "prepared");
  } catch (error) {
    warn(`Worker 1 (start-up) ${error.message}: not starting the others. See the messages above.`);
    stopping = true;
    process.exit(1);
  }
  if (workers > 1) log(`Worker 1 has done the start-up work; starting ${workers - 1} more.`);
  const started = [first];
  for (let slot = 2; slot <= workers; slot++) started.push(fork(slot, true));
  const ready = await Promise.all(
    started.map((worker, i) =>
      (i === 0 ? Promise.resolve() : said(worker, "prepared")).then(
        () => worker,
        (error) => warn(`Worker ${i + 1} ${error.message}.`), // replaced by the exit handler
      ),
    ),
  );
  // Every worker ready: open the port.
  await Promise.all(
    ready.filter((worker) => worker?.isConnected()).map((worker) => {
      const up = said(worker, "listening").catch((error) => warn(`Worker ${slots.get(worker.id)?.slot ?? "?"} ${error.message}.`));
      worker.send({ tsunagu: "listen" });
      return up;
    }),
  );
  log(`${Object.keys(cluster.workers ?? {}).length} workers listening on port ${port}.`);
}
