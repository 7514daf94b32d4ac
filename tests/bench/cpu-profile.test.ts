import { test } from "node:test";
import assert from "node:assert/strict";
import { formatProfile, moduleName, summarizeProfile, type CpuProfile } from "@/scripts/bench/cpu-profile";

const CHUNKS = "/srv/app/.next/server/chunks/ssr";
const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 0 });

test("scripts are named by what they are: the app's modules, packages, Node's own, V8's pseudo-frames", () => {
  assert.equal(moduleName(`${CHUNKS}/lib_dal_case-list_ts_02ism69sz4lmg._.js`, "f"), "lib_dal_case-list_ts");
  assert.equal(moduleName(`${CHUNKS}/app_(app)_cases_page_tsx_1zavzspkmakct._.js`, "f"), "app_(app)_cases_page_tsx");
  assert.equal(moduleName("/srv/app/.next/server/chunks/_0tvskyxsl616k._.js", "f"), "chunk _0tvskyxsl616k", "a chunk named by its hash alone");
  assert.equal(moduleName(`${CHUNKS}/lib_dal_record-gate_ts_1hgqw0c_hk7sw._.js`, "f"), "lib_dal_record-gate_ts", "a hash with an underscore in it");
  assert.equal(moduleName(`${CHUNKS}/lib_dal_reminders_ts_1_edfvxevdqzm._.js`, "f"), "lib_dal_reminders_ts");
  assert.equal(moduleName(`${CHUNKS}/components_ui_data-table_tsx_1vnfm4tehwbh_._.js`, "f"), "components_ui_data-table_tsx");
  assert.equal(moduleName(`${CHUNKS}/app_(app)_cases_[id]_1akk6sutnc1ij._.js`, "f"), "chunk app_(app)_cases_[id]_1akk6sutnc1ij", "a route's chunk of several modules");
  assert.equal(moduleName(`${CHUNKS}/_1q_-tcol58fa-._.js`, "f"), "chunk _1q_-tcol58fa-");
  assert.equal(moduleName(`${CHUNKS}/[root-of-the-server]__1-uchw_mtt8x_._.js`, "f"), "chunk [root-of-the-server]__1-uchw_mtt8x_");
  assert.equal(moduleName("file:///srv/app/node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js", "ez"), "next/app-page-turbo.runtime.prod.js");
  assert.equal(moduleName("file:///srv/app/node_modules/drizzle-orm/sqlite-core/session.cjs", "all"), "drizzle-orm");
  assert.equal(moduleName("/srv/app/node_modules/@auth/core/jwt.js", "decode"), "@auth/core");
  assert.equal(moduleName("node:zlib", "processCallback"), "node:zlib");
  assert.equal(moduleName("", "(garbage collector)"), "(garbage collector)");
  assert.equal(moduleName("", "all"), "(native)");
});

test("per-request shares: each sample once per module on its stack, idle time and dispatch frames left out", () => {
  const page = `${CHUNKS}/app_(app)_cases_page_tsx_1zavzspkmakct._.js`;
  const dal = `${CHUNKS}/lib_dal_case-list_ts_02ism69sz4lmg._.js`;
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)"), children: [2, 6, 7, 8] },
      { id: 2, callFrame: frame("Page", page), children: [3, 4] },
      { id: 3, callFrame: frame("all"), children: [] },
      { id: 4, callFrame: frame("listCases", dal), children: [5] },
      { id: 5, callFrame: frame("rowsOf", dal), children: [] },
      { id: 6, callFrame: frame("(garbage collector)"), children: [] },
      { id: 7, callFrame: frame("(idle)"), children: [] },
      { id: 8, callFrame: frame("processTicksAndRejections", "node:internal/process/task_queues"), children: [9] },
      { id: 9, callFrame: frame("ez", "file:///srv/node_modules/next/dist/compiled/next-server/app-page-turbo.runtime.prod.js"), children: [] },
    ],
    // µs: native all 1000, listCases 2000, rowsOf 3000 (a module calling itself), GC 500, idle 9000, Next 1500.
    samples: [3, 4, 5, 6, 7, 9],
    timeDeltas: [1000, 2000, 3000, 500, 9000, 1500],
  };
  const s = summarizeProfile(profile, 2);
  assert.equal(s.totalMs, 8, "idle time is not the requests' CPU");
  assert.equal(s.msPerRequest, 4);
  const byModule = Object.fromEntries(s.byModule.map((m) => [m.name, m.msPerRequest]));
  assert.deepEqual(byModule, {
    "app_(app)_cases_page_tsx": 3, // 1 + 2 + 3 ms over two requests
    "lib_dal_case-list_ts": 2.5, // 2 + 3, rowsOf under listCases counted once
    "next/app-page-turbo.runtime.prod.js": 0.75,
    "(garbage collector)": 0.25,
  });
  assert.equal(s.byModule[0]!.share, 6 / 8);
  const byFunction = Object.fromEntries(s.byFunction.map((f) => [f.name, f.msPerRequest]));
  assert.equal(byFunction["rowsOf  lib_dal_case-list_ts:1"], 1.5);
  assert.equal(byFunction["all  (native)"], 0.5);
  assert.equal(byFunction["(idle)  (idle)"], undefined);
  assert.equal(summarizeProfile(profile, 2, 1).byModule.length, 1, "top K");
  assert.match(formatProfile(s), /^CPU per request: 4\.00 ms \(8 ms profiled, idle time left out\)/);
});
