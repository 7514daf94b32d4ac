"use client";
import { useCallback, useState } from "react";

/**
 * A figure that follows what the fields show (a live total, a count of ticks): derived from the
 * fields' values whenever `key` changes (an answer of the server, re-filled defaults), and set
 * from the inputs while the user types until `key` changes again. The inputs stay uncontrolled.
 */
export function useLiveFigure<T>(key: unknown, derived: T): [T, (value: T) => void] {
  const [live, setLive] = useState<{ key: unknown; value: T } | null>(null);
  const value = live && live.key === key ? live.value : derived;
  const set = useCallback((next: T) => setLive({ key, value: next }), [key]);
  return [value, set];
}
