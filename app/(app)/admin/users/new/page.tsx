import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/dal/session";
import { listPrefectureOfficesForActor } from "@/lib/dal/org";
import { getT } from "@/lib/i18n/server";
import { createUserAction } from "../actions";
import { UserForm } from "../user-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("users.newTitle") };
}

export default async function NewUserPage() {
  const actor = await requirePermission("manage:user:prefecture");
  const t = await getT();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("users.newTitle")}
        breadcrumbs={[
          { href: "/", label: t("nav.home") },
          { href: "/admin/users", label: t("users.title") },
        ]}
      />
      <UserForm mode="create" action={createUserAction} offices={listPrefectureOfficesForActor(actor)} />
    </div>
  );
}
