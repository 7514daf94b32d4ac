import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { readPendingToken } from "@/lib/auth/pending-cookie";
import { pendingStage } from "@/lib/dal/second-factor";
import { getActor } from "@/lib/dal/session";
import { getT } from "@/lib/i18n/server";
import { firstValues, type RawSearchParams } from "@/lib/list-url";
import { SignInFrame } from "../sign-in-frame";
import { CodeForm } from "./code-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("twofa.codeTitle") };
}

/** Step 2 of sign-in for an account with a second factor (ADR 0037). */
export default async function SignInCodePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = firstValues(await searchParams);
  if (await getActor()) redirect("/");
  const stage = pendingStage(await readPendingToken());
  if (stage === "enrol" || stage === "enrolled") redirect("/login/enrol");
  if (stage !== "code") redirect("/login?reason=pendingEnded");
  const t = await getT();
  return (
    <SignInFrame title={t("twofa.codeTitle")}>
      <p className="mb-4 text-sm text-slate-700">{t("twofa.codeLead")}</p>
      <CodeForm next={params.next} />
    </SignInFrame>
  );
}
