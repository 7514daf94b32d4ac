/*
 * The JavaScript a coordinator's browser transfers to load /cases/new (ADR 0049): Chromium through
 * Playwright with the session cookie, the encoded (compressed) body bytes of every script response
 * summed. Next 16's build no longer prints first-load sizes, so the browser is the measure.
 */
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The browser as the e2e tests pick it (playwright.config.ts): the headless shell when installed. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const shell = env.CHROMIUM_HEADLESS_SHELL || "/usr/lib/chromium/chromium-headless-shell";
  for (const candidate of [shell !== "none" ? shell : "", "/usr/bin/chromium-headless-shell", env.CHROMIUM_PATH || "/usr/bin/chromium"]) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export type JsTransfer = { bytes: number; files: number; uncompressed: number; compressedFiles: number; uncompressedNames: string[]; finalPath: string };

export async function measureJs(base: string, cookie: string, pagePath = "/cases/new"): Promise<JsTransfer> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error("no Chromium (CHROMIUM_PATH or /usr/bin/chromium)");
  const { chromium } = require("@playwright/test") as typeof import("@playwright/test");
  const browser = await chromium.launch({ executablePath });
  try {
    const context = await browser.newContext({ baseURL: base });
    const url = new URL(base);
    await context.addCookies(
      cookie.split("; ").map((pair) => {
        const eq = pair.indexOf("=");
        return { name: pair.slice(0, eq), value: pair.slice(eq + 1), domain: url.hostname, path: "/", httpOnly: true, sameSite: "Lax" as const };
      }),
    );
    const page = await context.newPage();
    const scripts: Promise<{ name: string; encoded: number; decoded: number; compressed: boolean }>[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() !== "script") return;
      scripts.push(
        (async () => {
          const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
          const encoding = response ? ((await response.allHeaders())["content-encoding"] ?? "") : "";
          const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
          const name = new URL(request.url()).pathname.split("/").at(-1) ?? request.url();
          return { name: `${name} (${(sizes.responseBodySize / 1000).toFixed(1)} kB)`, encoded: sizes.responseBodySize, decoded: body.length, compressed: encoding !== "" && encoding !== "identity" };
        })(),
      );
    });
    const response = await page.goto(pagePath, { waitUntil: "networkidle", timeout: 60_000 });
    const finalPath = new URL(page.url()).pathname;
    if (!response || !response.ok() || finalPath !== pagePath) throw new Error(`${pagePath} did not load: HTTP ${response?.status() ?? "none"}, ended at ${finalPath}`);
    const done = await Promise.all(scripts);
    return {
      bytes: done.reduce((a, s) => a + s.encoded, 0),
      uncompressed: done.reduce((a, s) => a + s.decoded, 0),
      files: done.length,
      compressedFiles: done.filter((s) => s.compressed).length,
      uncompressedNames: done.filter((s) => !s.compressed).map((s) => s.name),
      finalPath,
    };
  } finally {
    await browser.close();
  }
}
