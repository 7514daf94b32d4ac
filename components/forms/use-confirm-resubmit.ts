"use client";
import { useRef, useState } from "react";
import { flushSync } from "react-dom";

/**
 * A save the server may hold back for a confirmation (possible duplicates): the user confirms,
 * and the same form is sent again with the confirmation set. `confirming` holds only for the
 * answer that was confirmed; any newer answer from the server (or a failed check) ends it.
 */
export function useConfirmResubmit<S>(state: S) {
  const formRef = useRef<HTMLFormElement>(null);
  const [confirmedState, setConfirmedState] = useState<S | null>(null);

  function confirmAndResubmit() {
    // The hidden confirmation field must read "yes" before the browser collects the form's values.
    flushSync(() => setConfirmedState(state));
    formRef.current?.requestSubmit();
  }

  return { formRef, confirming: confirmedState === state, confirmAndResubmit, cancelConfirmation: () => setConfirmedState(null) };
}
