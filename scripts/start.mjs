#!/usr/bin/env node
// `npm start`: make sure there is a secret and a current build, then serve the app.
// The database is migrated and loaded with demo data by the server itself on start
// (instrumentation.ts), so nothing else needs to run first.
import { spawn } from "node:child_process";
import path from "node:path";
import { buildIfNeeded } from "./lib/build.mjs";
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

if (!dev && !buildIfNeeded()) {
  console.error("[tsunagu] The build failed; see the messages above.");
  process.exit(1);
}

console.log(`[tsunagu] Starting on http://localhost:${port} (database: ${env.DATABASE_PATH || "data/tsunagu.db"})`);
const next = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), dev ? "dev" : "start", "-p", port], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
