import { NextResponse } from "next/server";
import { apiError, withActor } from "@/lib/api/handler";
import { indicatorsApiForActor } from "@/lib/dal/indicators/api";
import { isAppError } from "@/lib/dal/errors";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/indicators?prefecture=33&fy=2021[&scope=region:bizen|office:bizen]
 * Every indicator and 基本情報 item of the scope and year: code, names, value, unit, numerator /
 * denominator, target and status. Only the signed-in user's permitted scopes: 401 signed out,
 * 403 for another prefecture or a scope out of reach, 400 for a malformed parameter.
 */
export const GET = withActor(async (request, actor) => {
  const url = new URL(request.url);
  const prefecture = url.searchParams.get("prefecture") ?? actor.prefectureCode;
  const fyText = url.searchParams.get("fy");
  const fiscalYear = fyText === null ? null : /^\d{4}$/.test(fyText) ? Number(fyText) : NaN;
  if (Number.isNaN(fiscalYear)) return apiError(400, "bad_parameter", "errors.apiInvalid");
  if (!/^\d{2}$/.test(prefecture)) return apiError(400, "bad_parameter", "errors.apiInvalid");
  if (prefecture !== actor.prefectureCode) return apiError(403, "forbidden", "errors.apiForbidden");
  try {
    return NextResponse.json(indicatorsApiForActor(actor, { fiscalYear, scope: url.searchParams.get("scope") }), { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    // A scope the user may not see (another office, a region for office staff) is refused as such.
    if (isAppError(e) && e.code === "not_found" && e.messageKey === "errors.scopeOutOfReach") return apiError(403, "forbidden", "errors.apiForbidden");
    if (isAppError(e) && e.code === "not_found" && e.messageKey === "errors.yearOutOfRange") return apiError(400, "bad_parameter", "errors.apiInvalid");
    throw e;
  }
});
