import type { Db, Tx } from "@/db/client";
import { appMeta } from "@/db/schema";

/** The app_meta key whose presence says the database holds demo data (ADR 0038). */
export const DEMO_DATA_KEY = "demo_data";

/**
 * Mark a database as holding demo data: the banner on every page, the sign-in page's password
 * hint and the demo accounts' exemption from the second factor all depend on this row. The demo
 * seed writes it; so must any other generator of fictitious data (the scale issue's synthetic
 * databases). `source` says which wrote it. Idempotent: the first marking is kept. No time stamp:
 * a demo seeded twice on the same day must hold identical rows (tests/seed/demo-recent.test.ts).
 */
export function markDemoData(db: Db | Tx, source: string = "demo seed"): void {
  db.insert(appMeta)
    .values({ key: DEMO_DATA_KEY, value: JSON.stringify({ source }) })
    .onConflictDoNothing()
    .run();
}
