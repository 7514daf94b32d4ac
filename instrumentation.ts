/**
 * Runs once when the server starts, before it answers any request: open the database
 * (which applies pending migrations) and load the organisation tree and demo data if empty.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/client");
  const { prepareDatabase } = await import("./db/seed");
  await prepareDatabase(getDb(), (message) => console.log(`[tsunagu] ${message}`));
}
