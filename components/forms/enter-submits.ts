import type { KeyboardEvent } from "react";

/**
 * Enter saves from anywhere in a quick-entry form, the one keyboard rule of every form that
 * logs work (activities, contacts, dispatches, meetings): text inputs submit by themselves, and
 * this makes selects, checkboxes, radios and textareas do the same. Shift+Enter keeps a new line
 * in a textarea; an Enter that confirms an IME conversion (isComposing, or keyCode 229 on some
 * IMEs) is left to the IME; buttons and links keep their own Enter.
 */
export function enterSubmits(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing || event.keyCode === 229) return;
  const target = event.target as HTMLElement;
  if (target instanceof HTMLButtonElement || target instanceof HTMLAnchorElement) return;
  if (target instanceof HTMLInputElement && target.type !== "checkbox" && target.type !== "radio") return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
