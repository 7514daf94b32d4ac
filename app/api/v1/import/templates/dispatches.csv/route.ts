import { templateRoute } from "@/lib/import/template-route";

export const dynamic = "force-dynamic";

export const GET = templateRoute("dispatches", "csv");
