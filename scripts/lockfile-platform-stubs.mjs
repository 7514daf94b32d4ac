#!/usr/bin/env node
// The npm registry reachable here serves only the Linux builds of packages that ship one
// binary package per platform (next's swc, tailwind's oxide, …). `npm install` then leaves
// the other platforms out of package-lock.json, and `npm ci` refuses the lock as "out of
// sync". This adds the missing optional platform packages back as lock entries that carry
// their os/cpu, so `npm ci` accepts the lock and skips them on this machine, while a
// machine of that platform still installs its own binary. Idempotent; run after
// `npm install` changes the lock (the postinstall script does it).
import fs from "node:fs";

const LOCK = "package-lock.json";
if (!fs.existsSync(LOCK)) process.exit(0);
const lock = JSON.parse(fs.readFileSync(LOCK, "utf8"));
const packages = lock.packages ?? {};

const OS = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "netbsd", "sunos", "aix", "openharmony"];
const CPU = [
  ["arm64", "arm64"],
  ["aarch64", "arm64"],
  ["x64", "x64"],
  ["x86_64", "x64"],
  ["ia32", "ia32"],
  ["loong64", "loong64"],
  ["ppc64", "ppc64"],
  ["riscv64", "riscv64"],
  ["s390x", "s390x"],
  ["wasm32", "wasm32"],
  ["arm", "arm"],
];

function platformOf(name) {
  const tokens = name.split("/").pop().split("-");
  const os = OS.find((o) => tokens.includes(o));
  const cpu = CPU.find(([token]) => tokens.includes(token))?.[1];
  return { os, cpu };
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (!/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(spec)) continue; // only exact versions are platform packages
    const nested = `${path ? `${path}/` : ""}node_modules/${dep}`;
    const hoisted = `node_modules/${dep}`;
    if (packages[nested] || packages[hoisted]) continue;
    const { os, cpu } = platformOf(dep);
    if (!os && !cpu) continue;
    packages[hoisted] = {
      version: spec,
      optional: true,
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added++;
  }
}

if (added > 0) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`[tsunagu] package-lock.json: added ${added} optional platform package entries for npm ci.`);
}
