import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { readPendingToken } from "@/lib/auth/pending-cookie";
import { enrolmentFor, pendingStage } from "@/lib/dal/second-factor";
import { getActor } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { SignInFrame } from "../sign-in-frame";
import { EnrolForm } from "./enrol-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("twofa.enrolTitle") };
}

/**
 * Enrolment at sign-in (ADR 0037): the account has no second factor yet and must set one up before
 * it gets a session. The QR code is drawn on the server (lib/dal/second-factor.ts).
 */
export default async function EnrolPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = firstValues(await searchParams);
  if (await getActor()) redirect("/");
  const token = await readPendingToken();
  const stage = pendingStage(token);
  if (stage === "code") redirect("/login/code");
  if (stage !== "enrol" && stage !== "enrolled") redirect("/login?reason=pendingEnded");
  const t = await getT();
  const enrolment = stage === "enrol" ? await enrolmentFor(token) : null;
  if (stage === "enrol" && !enrolment) redirect("/login?reason=pendingEnded");
  return (
    <SignInFrame title={t("twofa.enrolTitle")} wide>
      <EnrolForm next={params.next} enrolment={enrolment ? { secret: enrolment.secret, qrSvg: enrolment.qrSvg } : null} />
    </SignInFrame>
  );
}
