/*
 * A V8 CPU profile (.cpuprofile) summarised per request: where a page's server time goes, by module
 * (inclusive: a sample counts once for every module on its stack) and by function (self time).
 * Pure: tests/bench/cpu-profile.test.ts. Used by `npm run bench:profile` (scripts/bench/profile.ts).
 */

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};

export type Share = { name: string; msPerRequest: number; share: number };
export type ProfileSummary = { totalMs: number; msPerRequest: number; byModule: Share[]; byFunction: Share[] };

/**
 * A readable name for a script: the app's own modules by their path as Turbopack names its chunks
 * (`lib_dal_case-list_ts_02ism69sz4lmg._.js` → `lib_dal_case-list_ts`), packages by name, Node's own
 * as `node:…`, and V8's pseudo-frames (`(garbage collector)`, `(idle)`, `(program)`) as they are.
 */
export function moduleName(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return url;
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (packageMatch && !url.includes("/.next/")) {
    const [, pkg, rest] = packageMatch;
    return pkg === "next" ? `next/${rest!.split("/").pop()}` : pkg!;
  }
  const file = (url.split("/").pop() ?? url).replace(/\._\.js$/, "");
  // Turbopack names a module's own chunk by its path and extension, then a hash; a chunk named
  // otherwise bundles several modules (packages, shared code).
  const named = /^(.*_(?:tsx?|[cm]?js))_[0-9a-z_-]+$/.exec(file)?.[1];
  return named ?? `chunk ${file}`;
}

/**
 * Frames every sample runs under (the event loop's queues, AsyncLocalStorage, event emitters):
 * true of nearly all the time, so they are left out of the inclusive list.
 */
const DISPATCH = new Set(["node:internal/process/task_queues", "node:internal/timers", "node:async_hooks", "node:internal/async_hooks", "node:events", "(native)"]);

/** Per-request shares of `profile`'s time over `requests` requests, the `top` largest of each kind. */
export function summarizeProfile(profile: CpuProfile, requests: number, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  let totalUs = 0;
  // Time the process was idle is not the requests' CPU.
  profile.samples.forEach((id, i) => {
    if (byId.get(id)!.callFrame.functionName === "(idle)") return;
    const dt = profile.timeDeltas[i] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
    totalUs += dt;
  });
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const leaf = byId.get(id)!.callFrame;
    const fnKey = `${leaf.functionName || "(anonymous)"}  ${moduleName(leaf.url, leaf.functionName)}${leaf.url ? `:${leaf.lineNumber + 1}` : ""}`;
    functions.set(fnKey, (functions.get(fnKey) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame;
      if (frame.functionName === "(root)") continue;
      const name = moduleName(frame.url, frame.functionName);
      if (seen.has(name) || DISPATCH.has(name)) continue;
      seen.add(name);
      modules.set(name, (modules.get(name) ?? 0) + us);
    }
  }
  const n = Math.max(1, requests);
  const shares = (m: Map<string, number>): Share[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, msPerRequest: us / 1000 / n, share: totalUs ? us / totalUs : 0 }));
  return { totalMs: totalUs / 1000, msPerRequest: totalUs / 1000 / n, byModule: shares(modules), byFunction: shares(functions) };
}

/** The summary as two plain-text lists. */
export function formatProfile(s: ProfileSummary): string {
  const line = (x: Share) => `${x.msPerRequest.toFixed(2).padStart(8)} ms ${(100 * x.share).toFixed(1).padStart(5)} %  ${x.name}`;
  return [
    `CPU per request: ${s.msPerRequest.toFixed(2)} ms (${s.totalMs.toFixed(0)} ms profiled, idle time left out)`,
    "",
    "by module, inclusive (a sample counts once for each module on its stack):",
    ...s.byModule.map(line),
    "",
    "by function, self time:",
    ...s.byFunction.map(line),
  ].join("\n");
}
