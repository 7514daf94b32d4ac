import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { getOwnSecondFactorStatus } from "@/lib/dal/second-factor";
import { requireActor } from "@/lib/dal/session";
import { ROLE_LABELS } from "@/lib/domain/codes";
import { dateTimeFormat } from "@/lib/domain/intl";
import { sessionIdleMinutes, sessionMaxHours } from "@/lib/auth/policy";
import { getLocale, getT } from "@/lib/i18n/server";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOutEverywhereAction } from "./actions";
import { PasswordForm } from "./password-form";
import { RegenerateCodesForm } from "./regenerate-codes-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("account.title") };
}

export default async function AccountPage() {
  const actor = await requireActor();
  const t = await getT();
  const locale = await getLocale();
  const twofa = getOwnSecondFactorStatus(actor);
  const enrolledOn = twofa.enrolledAt
    ? dateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", { dateStyle: "medium", timeZone: "Asia/Tokyo" }).format(new Date(twofa.enrolledAt))
    : "";
  return (
    <div className="space-y-6">
      <PageHeader title={t("account.title")} description={t("account.description")} />
      <Card>
        <DescriptionList
          items={[
            { term: t("home.displayName"), description: actor.displayName },
            { term: t("home.username"), description: <code>{actor.username}</code> },
            { term: t("home.role"), description: ROLE_LABELS[actor.role][locale] },
            { term: t("home.prefecture"), description: actor.prefectureName[locale] },
          ]}
        />
      </Card>
      <Card title={t("account.changePassword")}>
        <PasswordForm />
      </Card>
      <Card title={t("twofa.accountTitle")}>
        <div data-testid="second-factor-status" className="mb-4 max-w-prose space-y-1 text-sm text-slate-700">
          <p className="font-semibold">{twofa.enrolled ? t("twofa.statusEnrolled", { date: enrolledOn }) : t("twofa.statusNotEnrolled")}</p>
          {twofa.enrolled && <p>{t("twofa.recoveryLeft", { count: twofa.recoveryCodesLeft })}</p>}
          {!twofa.enrolled && twofa.demoExempt && <p>{t("twofa.statusExempt")}</p>}
          {!twofa.enrolled && !twofa.demoExempt && (twofa.required ? <p>{t("twofa.statusRequired")}</p> : <p>{t("twofa.statusOptional")}</p>)}
        </div>
        {twofa.enrolled && (
          <>
            <h3 className="mb-2 font-semibold">{t("twofa.regenerateTitle")}</h3>
            <RegenerateCodesForm />
          </>
        )}
      </Card>
      <Card title={t("account.sessionsTitle")}>
        <p className="mb-4 max-w-prose text-sm text-slate-700">{t("account.sessionsBody", { idle: sessionIdleMinutes(), hours: sessionMaxHours() })}</p>
        <form action={signOutEverywhereAction}>
          <SubmitButton variant="secondary">{t("account.signOutEverywhere")}</SubmitButton>
        </form>
      </Card>
    </div>
  );
}
