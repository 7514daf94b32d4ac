import fs from "node:fs";
import { defineConfig } from "@playwright/test";

const port = process.env.E2E_PORT || "3100";
/**
 * E2E_BASE_URL points the suite at a server that is already running (a dev server of your
 * own; set E2E_DATABASE_PATH and E2E_AUTH_DIR to match it). Without it, Playwright starts
 * the production build on a fresh database.
 */
const external = process.env.E2E_BASE_URL;
export const baseURL = external || `http://localhost:${port}`;

/**
 * Debian's Chromium (never a downloaded browser); see scripts/test.mjs for how it is found.
 * Debian's chromium-headless-shell, when installed, is preferred: the same Chromium build without
 * the full browser's UI and compositor (Playwright's own default for headless runs); it took about
 * a third less browser CPU per spec on the 2-core CI machine (ADR 0047). CHROMIUM_HEADLESS_SHELL
 * names another shell, or "none" to run the full Chromium of CHROMIUM_PATH (e.g. for --headed).
 */
const headlessShell = process.env.CHROMIUM_HEADLESS_SHELL || "/usr/lib/chromium/chromium-headless-shell";
const executablePath = headlessShell !== "none" && fs.existsSync(headlessShell) ? headlessShell : process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json"]],
  use: {
    baseURL,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    // A trace of every test, kept on failure: DOM snapshots, but no screencast (its frames were
    // most of the ~10% CPU the trace cost per spec; the failure screenshot remains). ADR 0047.
    trace: { mode: "retain-on-failure", screenshots: false },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", dependencies: ["setup"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: external
    ? undefined
    : {
        command: "node scripts/e2e-server.mjs",
        url: `${baseURL}/login`,
        reuseExistingServer: false,
        timeout: 240_000,
        stdout: "pipe",
        stderr: "pipe",
      },
});
