import { keyring } from "@/lib/crypto/keyring";

/**
 * A stored value as text: an envelope (ADR 0040) decrypted, anything else as it is. For tests that
 * compare raw rows of two databases (every envelope of the same text differs: a random IV).
 */
export function openEnvelope(value: unknown): unknown {
  return typeof value === "string" && value.startsWith("v1:") ? keyring().decrypt(value) : value;
}
