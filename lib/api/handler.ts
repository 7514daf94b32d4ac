import "server-only";
import { NextResponse } from "next/server";
import type { Actor } from "@/lib/dal/actor";
import { isAppError } from "@/lib/dal/errors";
import { getActor } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";

/*
 * One wrapper for every route handler that answers data (the /api/v1 JSON API, file downloads):
 * the proxy lets these through untouched, so each one authenticates here and answers in JSON —
 * 401 when signed out, the AppError's status when the data layer refuses, 500 without detail for
 * anything unexpected (logged on the server, never shown).
 */

export type ApiError = { error: string; message: string };

export async function apiError(status: number, error: string, messageKey: Parameters<Awaited<ReturnType<typeof getT>>>[0]): Promise<NextResponse<ApiError>> {
  const t = await getT();
  return NextResponse.json({ error, message: t(messageKey) }, { status, headers: { "Cache-Control": "no-store" } });
}

export function withActor(handler: (request: Request, actor: Actor) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    const actor = await getActor();
    if (!actor) return apiError(401, "unauthorized", "errors.apiUnauthorized");
    try {
      return await handler(request, actor);
    } catch (e) {
      if (isAppError(e)) {
        if (e.code === "forbidden") return apiError(403, "forbidden", "errors.apiForbidden");
        if (e.code === "not_found") return apiError(404, "not_found", "errors.notFound");
        return apiError(e.status, e.code, "errors.apiInvalid");
      }
      console.error(e);
      return apiError(500, "internal", "errors.apiInternal");
    }
  };
}
