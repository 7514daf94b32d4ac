/**
 * Stored or submitted JSON that should be an object (an audit row's detail, a form's `base`):
 * the object, or {} when it is missing, malformed or not an object. Never throws, so a tampered
 * or old value reads as "nothing" instead of breaking a page.
 */
export function jsonObject(raw: string | null | undefined): Record<string, unknown> {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
