import { customType } from "drizzle-orm/sqlite-core";
import { keyring } from "@/lib/crypto/keyring";

/*
 * The two column types of encryption at rest (ADR 0040), so that every read and write of such a
 * column goes through one place:
 *
 * - `encryptedText`: the value is stored as an AES-256-GCM envelope (`v1:<keyId>:…`) and read back
 *   as text. A stored value that is not an envelope (a row from before the start-up step
 *   encrypted it) is read as it is. Such a column cannot be compared, sorted or LIKE-searched in
 *   SQL: every envelope of the same text differs. Sort in the application; search by a hash.
 * - `hashedText(label)`: the value is stored as HMAC-SHA256 of the text (under the MAC sub-key of
 *   the current key), so `eq(column, plainKey)` finds it: drizzle maps the compared value through
 *   the column too. Read back, it is the hash, never the text; the empty string stays empty.
 */

export const encryptedText = customType<{ data: string; driverData: string }>({
  dataType: () => "text",
  toDriver: (value) => keyring().encrypt(value),
  fromDriver: (value) => keyring().decrypt(value),
});

export function hashedText(label: string) {
  return customType<{ data: string; driverData: string }>({
    dataType: () => "text",
    toDriver: (value) => keyring().hash(label, value),
  });
}

export { HASH_LABELS } from "@/lib/crypto/search-keys";
