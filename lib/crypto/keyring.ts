import crypto from "node:crypto";

/*
 * Encryption at rest (ADR 0040): the keyring and its two operations, with no I/O. A data key
 * (32 random bytes, kept outside the database: lib/crypto/data-key.ts) gives, through HKDF, an
 * AES-256-GCM key for the envelopes and a separate HMAC-SHA256 key for the search hashes, so the
 * hashes never use the encryption key. The ring holds the current key and the retired ones (kept
 * in the database wrapped under the current key), so envelopes written under an old key stay
 * readable after a rotation.
 *
 * Envelope: `v1:<keyId>:<base64(iv 12 bytes | tag 16 bytes | ciphertext)>`, a random IV each time.
 *
 * No `server-only` here on purpose: the drizzle column types (db/schema/encrypted.ts) and the e2e
 * fixtures import this file outside the React server. It holds no key until a server installs one.
 */

export const ENVELOPE_PREFIX = "v1:";

export type DataKey = {
  /** Public, stored beside each envelope: derived from the key, reveals nothing of it. */
  id: string;
  raw: Buffer;
  enc: Buffer;
  mac: Buffer;
};

function subKey(raw: Buffer, info: string): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", raw, Buffer.alloc(0), info, 32));
}

/** The sub-keys and id of a 32-byte data key. */
export function deriveDataKey(raw: Buffer): DataKey {
  if (raw.length !== 32) throw new Error("A data key is 32 bytes.");
  return {
    id: subKey(raw, "tsunagu/key-id").toString("hex").slice(0, 16),
    raw,
    enc: subKey(raw, "tsunagu/aes-256-gcm/v1"),
    mac: subKey(raw, "tsunagu/hmac-sha256/v1"),
  };
}

/** A key as written in TSUNAGU_DATA_KEY or the key file: 64 hex digits or the base64 of 32 bytes. */
export function parseDataKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (b.length === 32) return b;
  }
  return null;
}

export function isEnvelope(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(ENVELOPE_PREFIX);
}

/** The id of the key an envelope was written with, or null for a value that is not one. */
export function envelopeKeyId(value: string): string | null {
  if (!isEnvelope(value)) return null;
  const end = value.indexOf(":", ENVELOPE_PREFIX.length);
  return end < 0 ? null : value.slice(ENVELOPE_PREFIX.length, end);
}

export class Keyring {
  readonly current: DataKey;
  private readonly byId: Map<string, DataKey>;

  constructor(current: DataKey, retired: DataKey[] = []) {
    this.current = current;
    this.byId = new Map([...retired, current].map((k) => [k.id, k]));
  }

  has(keyId: string): boolean {
    return this.byId.has(keyId);
  }

  retired(): DataKey[] {
    return [...this.byId.values()].filter((k) => k.id !== this.current.id);
  }

  /** An envelope of `plain` under the current key. */
  encrypt(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv("aes-256-gcm", this.current.enc, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    const blob = Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
    return `${ENVELOPE_PREFIX}${this.current.id}:${blob}`;
  }

  /** The text of an envelope (any key of the ring). A value that is no envelope is returned as is (a row not yet encrypted). */
  decrypt(value: string): string {
    if (!isEnvelope(value)) return value;
    const keyId = envelopeKeyId(value);
    const key = keyId ? this.byId.get(keyId) : undefined;
    if (!key) throw new Error(`Encrypted data under the key ${keyId ?? "?"}, which is not in the keyring: restore that key (TSUNAGU_DATA_KEY or the key file) or the retired keys.`);
    const blob = Buffer.from(value.slice(ENVELOPE_PREFIX.length + keyId!.length + 1), "base64");
    const decipher = crypto.createDecipheriv("aes-256-gcm", key.enc, blob.subarray(0, 12));
    decipher.setAuthTag(blob.subarray(12, 28));
    return Buffer.concat([decipher.update(blob.subarray(28)), decipher.final()]).toString("utf8");
  }

  /**
   * The keyed hash (HMAC-SHA256 under the current key's MAC sub-key) of a normalised search key,
   * with a label so equal text of different kinds (a kana key, a kanji key, a prefix) never
   * shares a hash. The empty string stays empty (a key not filled in).
   */
  hash(label: string, text: string): string {
    if (text === "") return "";
    return crypto.createHmac("sha256", this.current.mac).update(`${label}|${text}`).digest("hex");
  }
}

// ---------------------------------------------------------------------------------------------
// The process's keyring (on globalThis: Next.js may load this module in more than one bundle)
// ---------------------------------------------------------------------------------------------

const g = globalThis as typeof globalThis & { __tsunaguKeyring?: Keyring };

export function installKeyring(ring: Keyring): void {
  g.__tsunaguKeyring = ring;
}

export function keyring(): Keyring {
  if (!g.__tsunaguKeyring) throw new Error("No data key is loaded: open the database with openDatabase (db/client.ts) first.");
  return g.__tsunaguKeyring;
}

/** Encrypt with the process's keyring; null stays null. */
export function sealText(plain: string): string;
export function sealText(plain: string | null): string | null;
export function sealText(plain: string | null): string | null {
  return plain === null ? null : keyring().encrypt(plain);
}

/** Decrypt with the process's keyring; null stays null. */
export function openText(value: string): string;
export function openText(value: string | null): string | null;
export function openText(value: string | null): string | null {
  return value === null ? null : keyring().decrypt(value);
}
