import { parentPort, workerData } from "node:worker_threads";
import { createRng } from "@/db/seed/random";
import { deriveDataKey, Keyring } from "@/lib/crypto/keyring";
import type { Ctx } from "./context";
import { createIdSource } from "./ids";
import { PersonWriter } from "./people";
import { generatePrefecture, type PrefectureJob } from "./prefecture";
import { BatchSink, type RowsMessage } from "./writer";

/*
 * The generating thread of db:synth (ADR 0048): makes each prefecture's rows and posts them in
 * blocks to the main thread, which owns the database and inserts them, so the two cores share
 * the work. It stays at most one prefecture ahead of the writer (the shared counter says how many
 * the writer has committed), so memory holds one prefecture's rows, not the country's.
 */

export type WorkerInput = {
  seed: number;
  today: number;
  nowIso: string;
  fiscalYears: number[];
  dataKeyHex: string;
  params: Pick<Ctx, "maxActivities" | "activityGap" | "summaryShare">;
  jobs: PrefectureJob[];
  committed: SharedArrayBuffer;
};

export type WorkerMessage = RowsMessage | { t: "done"; code: string; cases: number };

const input = workerData as WorkerInput;
const port = parentPort!;
const committed = new Int32Array(input.committed);
const sink = new BatchSink((m) => port.postMessage(m satisfies WorkerMessage));
const people = new PersonWriter(sink, new Keyring(deriveDataKey(Buffer.from(input.dataKeyHex, "hex"))));
const root = createRng(input.seed >>> 0);

input.jobs.forEach((job, i) => {
  for (let seen = Atomics.load(committed, 0); seen < i - 1; seen = Atomics.load(committed, 0)) Atomics.wait(committed, 0, seen, 1000);
  const ctx: Ctx = { w: sink, rng: root, ids: createIdSource(root.fork(`ids-${job.code}`)), people, today: input.today, nowIso: input.nowIso, fiscalYears: input.fiscalYears, ...input.params };
  const cases = generatePrefecture(ctx, job);
  sink.flush();
  port.postMessage({ t: "done", code: job.code, cases } satisfies WorkerMessage);
});
