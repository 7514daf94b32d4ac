#!/usr/bin/env node
// The server Playwright tests against: the production build on its own port and a fresh
// database, seeded with the demo data on start.
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";

export const E2E_PORT = process.env.E2E_PORT || "3100";
const dbPath = path.join("data", "e2e", "tsunagu.db");
fs.rmSync(path.dirname(dbPath), { recursive: true, force: true });
fs.mkdirSync(path.dirname(dbPath), { recursive: true });

// Every spec signs in from 127.0.0.1, and without a trusted proxy all of them share one throttle
// bucket: the specs' own failed sign-ins must never reach the per-address limit (the limit
// itself is proven by tests/dal/auth.test.ts with its own setting).
const E2E_LIMITS = { TSUNAGU_SIGNIN_FAILURES_PER_IP_PER_15MIN: "1000000", TSUNAGU_AUDIT_EXPORTS_PER_HOUR: "1000000", TSUNAGU_EXPORTS_PER_HOUR: "1000000", TSUNAGU_IMPORTS_PER_HOUR: "1000000" };

const child = spawn(process.execPath, ["scripts/start.mjs"], {
  stdio: "inherit",
  // The specs reckon "today" from the real clock: a TSUNAGU_TODAY left in the shell must not shift the server's.
  // One server process unless TSUNAGU_WORKERS asks for more (ADR 0054): the machine's cores are the browsers'.
  env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== "TSUNAGU_TODAY")), PORT: E2E_PORT, DATABASE_PATH: dbPath, AUTH_URL: `http://localhost:${E2E_PORT}`, TSUNAGU_WORKERS: process.env.TSUNAGU_WORKERS || "1", ...E2E_LIMITS },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
