"use client";
import { useI18n } from "@/lib/i18n/client";
import { Button } from "@/components/ui/button";

/**
 * Unexpected failures: a plain apology in the user's language, never the raw error.
 * Rendered inside the layouts, so it brings no <main> of its own.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("errors.genericTitle")}</h1>
      <p className="mt-3 text-slate-700">{t("errors.genericBody")}</p>
      <div className="mt-6">
        <Button onClick={reset}>{t("errors.retry")}</Button>
      </div>
    </div>
  );
}
