/** The page floor's own /api/health, so the bench starts and times it as it does the app. */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true });
}
