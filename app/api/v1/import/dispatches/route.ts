import { importRoutes } from "@/lib/import/routes";

export const dynamic = "force-dynamic";

/** The import of dispatches (lib/import/routes.ts, ADR 0043). */
const routes = importRoutes("dispatches");
export const GET = routes.GET;
export const POST = routes.POST;
