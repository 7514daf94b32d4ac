/**
 * Runs once when the server starts, before it answers any request: fix the app's today when a
 * demo asks for it (TSUNAGU_TODAY), then open the database (which applies pending migrations)
 * and load the organisation tree and demo data if empty; the demo runs up to that today.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The production server (scripts/lib/cluster.mjs, ADR 0054) opens its port, and starts its other
  // workers, only once this is done: Next.js's prepare() does not wait for register().
  const startedUp = (globalThis as typeof globalThis & { __tsunaguStartedUp?: (error?: unknown) => void }).__tsunaguStartedUp;
  try {
    await startUp();
  } catch (error) {
    startedUp?.(error);
    throw error;
  }
  startedUp?.();
}

async function startUp() {
  // Repeated here so the edge build drops the Node.js-only imports below.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { applyDemoToday } = await import("./db/seed/demo-today");
  const { getDb } = await import("./db/client");
  const { prepareDatabase } = await import("./db/seed");
  const log = (message: string) => console.log(`[tsunagu] ${message}`);
  const today = applyDemoToday(); // every process: it sets this process's clock
  // A server worker forked after the first one had started (scripts/lib/cluster.mjs, ADR 0054):
  // the start-up work below is done; this process only opens its own connection.
  if (process.env.TSUNAGU_STARTUP_DONE === "1") {
    getDb();
    return;
  }
  log(today);
  await prepareDatabase(getDb(), log);
  const { sweepUnusedAccountsAtStart } = await import("./lib/dal/account-review");
  log(sweepUnusedAccountsAtStart());
}
