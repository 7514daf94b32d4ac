/**
 * One-shot messages across a redirect. The server writes `key` or `key|tone` (key is a
 * message-catalog key) into a non-httpOnly cookie; the ToastProvider reads, shows and
 * deletes it. Kept free of "use client" and "server-only" so both sides import it.
 */
export const FLASH_COOKIE = "tsunagu_flash";

export type ToastTone = "success" | "error" | "info";

export function parseFlash(raw: string | undefined): { key: string; tone: ToastTone } | null {
  if (!raw) return null;
  let value: string;
  try {
    // Next's cookies().set percent-encodes the value, so "|" arrives as "%7C".
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const [key = "", tone] = value.split("|");
  if (!/^[\w-]+(\.[\w-]+)+$/.test(key)) return null;
  return { key, tone: tone === "error" || tone === "info" ? tone : "success" };
}
