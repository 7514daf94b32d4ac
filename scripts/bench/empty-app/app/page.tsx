import { connection } from "next/server";

/**
 * The page floor (scripts/bench/page-floor.ts, ADR 0058): a page rendered per request, as every page
 * of the app is, with nothing in it: no proxy, no session, no layout, no database. Its text is what
 * the bench checks it got.
 */
export default async function EmptyPage() {
  await connection();
  return <p>empty page</p>;
}
