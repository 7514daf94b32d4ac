"use client";
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";

/**
 * A GET form whose submission leaves empty fields out of the URL (`?phase=&q=` would be noise
 * in a bookmark). Without JavaScript it is an ordinary GET form and works the same, only with a
 * longer URL.
 */
export function FilterForm({ action, label, children }: { action: string; label: string; children: ReactNode }) {
  const router = useRouter();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string" && value.trim() !== "") query.append(key, value.trim());
    }
    const qs = query.toString();
    router.push(qs ? `${action}?${qs}` : action);
  }
  return (
    <form method="get" action={action} role="search" aria-label={label} onSubmit={onSubmit}>
      {children}
    </form>
  );
}
