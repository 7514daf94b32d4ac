"use client";
import type { ReactNode } from "react";
import { Button, focusRing } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";

/*
 * Possible duplicates of a person about to be registered (same kana and birth month in the
 * prefecture): the save is held back, the form says so at the top with a link down here, and the
 * panel lists them with a button that saves anyway. Persons in reach are rows of the table; a
 * match outside reach is one line per office naming only the office (ADR 0024).
 */

/** The form's message: an info note with a link to the panel while duplicates are listed, else the error. */
export function DuplicatesNotice({ message, duplicatesListed, linkLabel }: { message: string; duplicatesListed: boolean; linkLabel: string }) {
  return duplicatesListed ? (
    <FormMessage tone="info">
      {message}{" "}
      <a href="#duplicates" className={`font-medium underline underline-offset-2 ${focusRing}`}>
        {linkLabel}
      </a>
    </FormMessage>
  ) : (
    <FormMessage tone="error">{message}</FormMessage>
  );
}

export function DuplicatesPanel({
  title,
  body,
  caption,
  headers,
  confirmLabel,
  onConfirm,
  pending,
  elsewhere,
  children,
}: {
  title: string;
  body: string;
  caption: string;
  /** The table's column headers (th cells). */
  headers: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  pending: boolean;
  /** One sentence per office outside reach that holds a possible match (already worded). */
  elsewhere: string[];
  /** The table's rows; none when every match is outside reach. */
  children?: ReactNode;
}) {
  return (
    <section id="duplicates" aria-labelledby="duplicates-title" className="space-y-3 rounded-md border-2 border-amber-600 bg-amber-50 p-5">
      <h2 id="duplicates-title" className="text-base font-semibold text-amber-950">
        {title}
      </h2>
      <p className="text-sm text-amber-950">{body}</p>
      {children && (
        <div className="overflow-x-auto rounded-md border border-amber-300 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-slate-100 text-left text-xs font-semibold text-slate-700">
              <tr>{headers}</tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
      {elsewhere.length > 0 && (
        <ul className="list-disc space-y-1 pl-5 text-sm text-amber-950">
          {elsewhere.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <Button variant="primary" onClick={onConfirm} disabled={pending}>
        {confirmLabel}
      </Button>
    </section>
  );
}
