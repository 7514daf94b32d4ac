/**
 * An ISO date as people here write it in a text field (2024/04/01); the shared schemas read it
 * back. A plain module (no "use client"), so server pages can fill a form's defaults with it too.
 */
export function dateInputValue(iso: string | null | undefined): string {
  return iso ? iso.replaceAll("-", "/") : "";
}
