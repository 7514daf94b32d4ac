import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { appMeta } from "@/db/schema";
import { DEMO_DATA_KEY } from "@/db/seed/demo-marker";
import { DEMO_USERS } from "@/db/seed/demo-users";
import { preparedFor } from "./prepared";

/**
 * Does the database carry the demo marker (db/seed/demo-marker.ts)? Read on each call: one
 * primary-key look-up, prepared once (the banner asks on every page, ADR 0050).
 */
export function isDemoDatabase(): boolean {
  return !!preparedFor(getDb(), "demo.marker", (db) => db.select({ key: appMeta.key }).from(appMeta).where(eq(appMeta.key, DEMO_DATA_KEY)).prepare()).get();
}

const demoUsernames: ReadonlySet<string> = new Set(DEMO_USERS.map((u) => u.username));

/** Is this one of the seeded demo accounts (by username)? Exempt from the second factor only with the marker. */
export function isDemoAccount(username: string): boolean {
  return demoUsernames.has(username);
}
