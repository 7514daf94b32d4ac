// Whether the server may hold demo data, and on which address it listens (ADR 0038). Pure, so
// tests/seed/demo-mode.test.ts can try every case; scripts/start.mjs applies it.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Is a host name one only this machine reaches? */
export function isLocalHost(host) {
  return LOCAL_HOSTS.has(String(host).trim().toLowerCase());
}

/** The host of a URL, or null when it is not one. */
function urlHost(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/**
 * @param {{ TSUNAGU_DEMO_DATA?: string, HOST?: string, AUTH_URL?: string }} env
 * @param {boolean} databaseHasDemoData the existing database already carries the demo marker
 * @returns {{ ok: true, demo: boolean, host: string | undefined, reason: string } | { ok: false, message: string }}
 *   host undefined: Next.js's default (every interface).
 */
export function demoModeDecision(env, databaseHasDemoData = false) {
  const raw = (env.TSUNAGU_DEMO_DATA ?? "").trim().toLowerCase();
  const host = env.HOST?.trim() || undefined;
  const authHost = env.AUTH_URL ? urlHost(env.AUTH_URL) : null;
  const remote = [];
  if (host && !isLocalHost(host)) remote.push(`HOST=${host}`);
  if (env.AUTH_URL && (!authHost || !isLocalHost(authHost))) remote.push(`AUTH_URL=${env.AUTH_URL}`);

  if (raw === "on") {
    return { ok: true, demo: true, host, reason: "TSUNAGU_DEMO_DATA=on: demo data, served as configured (a banner on every page says so)." };
  }
  if (raw === "off") {
    if (databaseHasDemoData && remote.length > 0) {
      return {
        ok: false,
        message: `The database already holds demo data (its demo marker), and ${remote.join(" and ")} would serve it to other machines. ` +
          "Start with a new database for real use, or set TSUNAGU_DEMO_DATA=on if serving the demo to other machines is intended.",
      };
    }
    return { ok: true, demo: false, host, reason: "TSUNAGU_DEMO_DATA=off: no demo data is loaded." };
  }
  if (raw !== "") return { ok: false, message: `TSUNAGU_DEMO_DATA must be "on" or "off" (or unset), not "${env.TSUNAGU_DEMO_DATA}".` };
  if (remote.length > 0) {
    return {
      ok: false,
      message: `Refusing to start: ${remote.join(" and ")} would serve other machines, and without TSUNAGU_DEMO_DATA the app loads demo data ` +
        "(accounts with a published password). Set TSUNAGU_DEMO_DATA=off for real use, or TSUNAGU_DEMO_DATA=on to serve the demo deliberately.",
    };
  }
  return {
    ok: true,
    demo: true,
    host: "127.0.0.1",
    reason: "TSUNAGU_DEMO_DATA is not set: demo data, listening on 127.0.0.1 only (set TSUNAGU_DEMO_DATA=on to serve the demo to other machines, off for none).",
  };
}
