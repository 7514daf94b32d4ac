"use client";
import { useI18n } from "@/lib/i18n/client";

/**
 * The problems of a table form, listed above it with links to their cells: in a wide table
 * a message under one cell is easily missed, so each is also named here with its row.
 */
export function ErrorSummary({ title, items }: { title: string; items: { id: string; text: string }[] }) {
  const { t } = useI18n();
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
      <p className="font-semibold">{title}</p>
      <ul className="mt-2 list-disc space-y-0.5 pl-5">
        {items.map((item) => (
          <li key={item.id}>
            <a
              href={`#${item.id}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(item.id)?.focus();
              }}
              className="underline underline-offset-2"
            >
              <span className="sr-only">{t("ui.errorPrefix")}</span>
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
