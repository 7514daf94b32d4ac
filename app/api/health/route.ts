import { NextResponse } from "next/server";
import { databaseAnswers } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

/** For load balancers and monitoring: no sign-in, nothing disclosed but that the app and its database answer. */
export async function GET(): Promise<Response> {
  try {
    if (databaseAnswers()) return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch (e) {
    console.error(e);
  }
  return NextResponse.json({ ok: false }, { status: 503, headers: { "Cache-Control": "no-store" } });
}
