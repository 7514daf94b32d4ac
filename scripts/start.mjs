#!/usr/bin/env node
// `npm start`: make sure there is a secret and a current build, then serve the app (one worker
// per CPU core, scripts/lib/cluster.mjs; TSUNAGU_WORKERS overrides).
// The database is migrated and loaded with demo data by the server itself on start
// (instrumentation.ts), so nothing else needs to run first.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { buildIfNeeded } from "./lib/build.mjs";
import { serve, workerCount } from "./lib/cluster.mjs";
import { demoModeDecision } from "./lib/demo-mode.mjs";
import { ensureAuthSecret } from "./lib/secret.mjs";

const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";

const env = {
  ...process.env,
  AUTH_SECRET: ensureAuthSecret(),
  AUTH_TRUST_HOST: "true",
  AUTH_URL: process.env.AUTH_URL || `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
};

/** Does the existing database carry the demo marker (app_meta.demo_data, ADR 0038)? */
function databaseHasDemoData(file) {
  if (!fs.existsSync(file)) return false;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return !!db.prepare("SELECT 1 FROM app_meta WHERE key = 'demo_data'").get();
    } finally {
      db.close();
    }
  } catch {
    return false; // no app_meta table yet: a database from before the marker (the server marks it on start)
  }
}

const databaseFile = env.DATABASE_PATH || path.join("data", "tsunagu.db");
const demo = demoModeDecision(process.env, databaseHasDemoData(databaseFile));
if (!demo.ok) {
  console.error(`[tsunagu] ${demo.message}`);
  process.exit(1);
}
console.log(`[tsunagu] ${demo.reason}`);

if (!dev && !buildIfNeeded()) {
  console.error("[tsunagu] The build failed; see the messages above.");
  process.exit(1);
}

console.log(`[tsunagu] Starting on http://${demo.host ?? "localhost"}:${port}${demo.host ? "" : " (every interface)"} (database: ${databaseFile})`);
if (dev) {
  const hostArgs = demo.host ? ["-H", demo.host] : [];
  const next = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "-p", port, ...hostArgs], {
    stdio: "inherit",
    env,
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => process.exit(code ?? 0));
} else {
  // The production server: one worker per CPU core on this port and database (TSUNAGU_WORKERS
  // overrides; 1 serves in this process). The workers inherit this environment.
  Object.assign(process.env, env);
  let workers;
  try {
    workers = workerCount();
  } catch (error) {
    console.error(`[tsunagu] ${error.message}`);
    process.exit(1);
  }
  await serve({ port: Number(port), hostname: demo.host ?? undefined, workers });
}
