import type { KeyboardEvent } from "react";

/**
 * Enter saves from anywhere in a quick-entry form: text inputs submit by themselves, and this
 * makes selects and checkboxes do the same. Textareas keep Enter for a new line (Ctrl/⌘+Enter
 * saves there), and an Enter that confirms an IME conversion is left to the IME.
 */
export function enterSubmits(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== "Enter" || event.nativeEvent.isComposing) return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
  if (target instanceof HTMLTextAreaElement && !(event.ctrlKey || event.metaKey)) return;
  if (target instanceof HTMLInputElement && target.type !== "checkbox" && target.type !== "radio") return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
