import type { MessageKey } from "@/lib/i18n/translate";

/** The record types that can be imported, as the URLs name them. */
export const IMPORT_TYPES = ["cases", "meetings", "dispatches", "outreach-contacts"] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];
/** The types built so far (the others answer 404 until they are). */
export const READY_IMPORT_TYPES: readonly ImportType[] = ["cases", "meetings", "dispatches", "outreach-contacts"];

export function isImportType(value: string): value is ImportType {
  return (READY_IMPORT_TYPES as readonly string[]).includes(value);
}

/**
 * A column of an import file: the form field it fills, its header (the form's own catalog label,
 * so the file reads like the screen) and an example for the template.
 */
export type ImportColumn = {
  field: string;
  label: MessageKey;
  example: string;
  required?: boolean;
  /** A date: in an XLSX a plain number here is an Excel serial day. */
  date?: boolean;
};
