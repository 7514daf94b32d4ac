/**
 * scripts/lib/cluster.mjs serves a build once its start-up work says it is done (the app's own
 * instrumentation.ts migrates the database first); the empty app has none to do.
 */
export function register(): void {
  (globalThis as typeof globalThis & { __tsunaguStartedUp?: (error?: unknown) => void }).__tsunaguStartedUp?.();
}
