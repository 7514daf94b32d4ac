"use client";
import type { Ref } from "react";
import { FormMessage } from "@/components/ui/field";
import { ConflictBanner } from "./conflict-banner";
import { ErrorSummary } from "./error-summary";

/**
 * The answer above an activity form's fields, focused after each answer (messageRef): a stale
 * save's conflict lines, else a table form's error summary, else the message. A check that
 * failed in the browser is newer than the server's answer, so its message wins over old
 * conflict lines.
 */
export function FormAnswer({
  messageRef,
  message,
  state,
  hasBrowserErrors,
  reloadHref,
  conflictLead,
  summary,
}: {
  messageRef: Ref<HTMLDivElement>;
  message: string | undefined;
  state: { ok: boolean; conflictLines?: string[]; conflictBy?: string };
  hasBrowserErrors: boolean;
  /** Where the conflict report's reload link goes. */
  reloadHref: string;
  conflictLead?: string;
  /** A table form's problems, each linking to its cell. */
  summary?: { title: string; items: { id: string; text: string }[] };
}) {
  const conflictLines = !state.ok && !hasBrowserErrors ? state.conflictLines : undefined;
  return (
    <div ref={messageRef} tabIndex={-1} className="focus:outline-none">
      {conflictLines ? (
        // Whose save won, when the server knows, says more than the form's own lead.
        <ConflictBanner lines={conflictLines} reloadHref={reloadHref} lead={(!state.ok && state.conflictBy) || conflictLead} />
      ) : summary && summary.items.length ? (
        <ErrorSummary title={summary.title} items={summary.items} />
      ) : (
        message && <FormMessage tone="error">{message}</FormMessage>
      )}
    </div>
  );
}
