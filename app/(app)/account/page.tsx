import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/dal/session";
import { ROLE_LABELS } from "@/lib/domain/codes";
import { sessionIdleMinutes, sessionMaxHours } from "@/lib/auth/policy";
import { getLocale, getT } from "@/lib/i18n/server";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOutEverywhereAction } from "./actions";
import { PasswordForm } from "./password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("account.title") };
}

export default async function AccountPage() {
  const actor = await requireActor();
  const t = await getT();
  const locale = await getLocale();
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
      <Card title={t("account.sessionsTitle")}>
        <p className="mb-4 max-w-prose text-sm text-slate-700">{t("account.sessionsBody", { idle: sessionIdleMinutes(), hours: sessionMaxHours() })}</p>
        <form action={signOutEverywhereAction}>
          <SubmitButton variant="secondary">{t("account.signOutEverywhere")}</SubmitButton>
        </form>
      </Card>
    </div>
  );
}
