import type { MessageKey, Translate, Vars } from "@/lib/i18n/translate";

/*
 * A validation message that needs figures ("829 + 576 + 2,154 = 3,559 になるように…") is still a
 * catalog key: the figures travel with it as a query string (`key?terms=…&sum=…`). The shared
 * form plumbing looks the whole string up, finds no such key and passes it through unchanged
 * (browser check and server action alike); the form that shows the error translates it here
 * with its figures. Messages without figures are plain keys and read the same either way.
 */

export function messageWithVars(key: MessageKey, vars: Vars): string {
  return `${key}?${new URLSearchParams(Object.entries(vars).map(([k, v]) => [k, String(v)])).toString()}`;
}

/** A message as the user reads it: a key with figures is translated with them; anything else is returned as given. */
export function translateMessage(t: Translate, message: string | undefined): string | undefined {
  if (!message) return message;
  const at = message.indexOf("?");
  if (at < 0 || !/^[\w.]+$/.test(message.slice(0, at))) return message;
  const vars = Object.fromEntries(new URLSearchParams(message.slice(at + 1)));
  return t(message.slice(0, at) as MessageKey, vars);
}

/** Every message of a field-error map, translated with its figures. */
export function translateMessages(t: Translate, errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, translateMessage(t, message) ?? message]));
}

/** A catalog key as a schema gives it, with or without figures, in the user's language. */
export function translateKey(t: Translate, message: string): string {
  return message.includes("?") ? (translateMessage(t, message) ?? message) : t(message as MessageKey);
}
