import { ButtonLink } from "@/components/ui/button";
import { getT } from "@/lib/i18n/server";

/** One message for "missing" and "not yours": the two must look identical. */
export async function NotFoundContent() {
  const t = await getT();
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("errors.notFoundTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("errors.notFoundBody")}</p>
      <div className="mt-6">
        <ButtonLink href="/">{t("errors.backHome")}</ButtonLink>
      </div>
    </div>
  );
}
