/**
 * CSV meant for Excel in Japan: UTF-8 with a BOM (Excel otherwise reads it as Shift_JIS), CRLF,
 * every field quoted, and a cell that Excel would take for a formula (= + - @, tab, CR)
 * neutralised with a leading apostrophe (formula injection, OWASP).
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text = typeof value === "number" ? String(value) : neutraliseCell(value);
  return `"${text.replaceAll('"', '""')}"`;
}

export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return "\uFEFF" + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
