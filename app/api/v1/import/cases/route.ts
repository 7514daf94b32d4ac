import { importRoutes } from "@/lib/import/routes";

export const dynamic = "force-dynamic";

/** The import of cases (lib/import/routes.ts, ADR 0043). */
const routes = importRoutes("cases");
export const GET = routes.GET;
export const POST = routes.POST;
