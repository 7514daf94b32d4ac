import "server-only";
import crypto from "node:crypto";
import { loadKeyFromEnvOrFile } from "@/lib/crypto/key-file";
import path from "node:path";
import { Secret, TOTP } from "otpauth";

/*
 * The second factor's primitives (ADR 0037): TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, the
 * parameters every authenticator app reads from an otpauth:// URI), the encryption of the stored
 * secret, and the recovery codes. No database access here; lib/dal/second-factor.ts uses these.
 */

type Env = Record<string, string | undefined>;

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that a code may come from (clock drift between phone and server). */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Tsunagu";

// ---------------------------------------------------------------------------------------------
// Policy read from the environment
// ---------------------------------------------------------------------------------------------

/** REQUIRE_2FA: on unless set to off / false / 0 / no (any case, surrounding spaces ignored). */
export function secondFactorRequired(env: Env = process.env): boolean {
  const v = (env.REQUIRE_2FA ?? "").trim().toLowerCase();
  return !["off", "false", "0", "no"].includes(v);
}

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** Wrong codes after which a half-done sign-in is dead (TSUNAGU_2FA_MAX_GUESSES, default 5). */
export function maxCodeGuesses(env: Env = process.env): number {
  return positiveInt(env.TSUNAGU_2FA_MAX_GUESSES, 5, 100);
}

/** Minutes a half-done sign-in (password accepted, code not yet) lives (TSUNAGU_2FA_PENDING_MINUTES, default 10). */
export function pendingMinutes(env: Env = process.env): number {
  return positiveInt(env.TSUNAGU_2FA_PENDING_MINUTES, 10, 60);
}

export type SecondFactorNeed = "none" | "code" | "enrol";

/**
 * What a sign-in needs after the password. An enrolled account always gives its code. Otherwise,
 * with REQUIRE_2FA on, the account enrols first, unless it is a demo account in a database that
 * carries the demo marker (both conditions: a demo username in a real database enrols like anyone).
 */
export function secondFactorNeed(input: { required: boolean; enrolled: boolean; demoMarker: boolean; demoAccount: boolean }): SecondFactorNeed {
  if (input.enrolled) return "code";
  if (!input.required) return "none";
  if (input.demoMarker && input.demoAccount) return "none";
  return "enrol";
}

// ---------------------------------------------------------------------------------------------
// The key (kept outside the database)
// ---------------------------------------------------------------------------------------------

export const TOTP_KEY_ENV = "TSUNAGU_TOTP_KEY";

/** The key file of a database: in its folder (the data folder), never inside the database. */
export function totpKeyFile(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), "totp.key");
}

/**
 * The master key of the second factor: TSUNAGU_TOTP_KEY (at least 32 characters) if set; else the
 * key file beside the database, created on first use (32 random bytes, hex, mode 0600), as the
 * audit key is (lib/dal/audit-chain.ts). An in-memory database (the tests) gets a random key for
 * the life of the process. Losing the key means every account re-enrols (an admin clears them).
 */
export function loadTotpMasterKey(dbFile: string, env: Env = process.env): Buffer {
  return loadKeyFromEnvOrFile({ envName: TOTP_KEY_ENV, file: totpKeyFile(dbFile), dbFile, label: "second-factor key", env });
}

export type TotpKeys = { enc: Buffer; mac: Buffer };

/** Two keys derived from the master (HKDF-SHA256): one encrypts secrets, one hashes recovery codes. */
export function deriveTotpKeys(master: Buffer): TotpKeys {
  const derive = (info: string) => Buffer.from(crypto.hkdfSync("sha256", master, Buffer.alloc(0), info, 32));
  return { enc: derive("tsunagu totp secret v1"), mac: derive("tsunagu recovery code v1") };
}

// ---------------------------------------------------------------------------------------------
// The secret, encrypted at rest
// ---------------------------------------------------------------------------------------------

/** A fresh secret: 20 random bytes (160 bits, RFC 4226's recommendation), as base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * AES-256-GCM with a random 12-byte nonce; the user id is the additional data, so a secret copied
 * onto another user's row does not decrypt. Stored as `v1:` + base64(nonce | tag | ciphertext).
 */
export function encryptSecret(keys: TotpKeys, userId: string, secretBase32: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", keys.enc, iv);
  cipher.setAAD(Buffer.from(userId, "utf8"));
  const body = Buffer.concat([cipher.update(secretBase32, "utf8"), cipher.final()]);
  return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

/** The secret back; throws if the key, the user or the stored text does not match. */
export function decryptSecret(keys: TotpKeys, userId: string, stored: string): string {
  if (!stored.startsWith("v1:")) throw new Error("unknown second-factor secret format");
  const raw = Buffer.from(stored.slice(3), "base64");
  const decipher = crypto.createDecipheriv("aes-256-gcm", keys.enc, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(userId, "utf8"));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

// ---------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------

function totpFor(secretBase32: string, username = ""): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    algorithm: "SHA1",
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secretBase32: string, username: string): string {
  return totpFor(secretBase32, username).toString();
}

/** The time step of a moment. */
export function timeStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of a time step (tests, and the e2e fixture's twin). */
export function codeAt(secretBase32: string, step: number): string {
  return totpFor(secretBase32).generate({ timestamp: step * TOTP_PERIOD_SECONDS * 1000 });
}

/** A typed TOTP code: six digits once spaces are removed (full-width digits too). */
export function normalizeTotpCode(input: string): string | null {
  const code = input.normalize("NFKC").replace(/[\s-]/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: "wrong" | "replayed" };

/**
 * Check a code against the steps within TOTP_WINDOW of now. A code of a step at or before
 * `lastUsedStep` (accepted before) is refused as replayed: each step's code works once.
 */
export function verifyTotp(secretBase32: string, code: string, lastUsedStep: number | null, now: Date = new Date()): TotpCheck {
  const current = timeStep(now);
  const typed = Buffer.from(code);
  let replayed = false;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    const expected = Buffer.from(codeAt(secretBase32, step));
    if (expected.length !== typed.length || !crypto.timingSafeEqual(expected, typed)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) {
      replayed = true;
      continue;
    }
    return { ok: true, step };
  }
  return { ok: false, reason: replayed ? "replayed" : "wrong" };
}

// Recovery codes: 10 characters from an alphabet without look-alikes (no 0/o, 1/l/i), shown as xxxxx-xxxxx.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function newRecoveryCodes(count: number = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    let s = "";
    for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)];
    codes.add(`${s.slice(0, 5)}-${s.slice(5)}`);
  }
  return [...codes];
}

/** A typed recovery code, normalised (case, hyphens and spaces ignored), or null if it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
  const s = input.normalize("NFKC").toLowerCase().replace(/[\s-]/g, "");
  return s.length === 10 && [...s].every((c) => RECOVERY_ALPHABET.includes(c)) ? s : null;
}

/** The stored form of a recovery code: HMAC-SHA256 with the server's key, so the table alone cannot be guessed offline. */
export function hashRecoveryCode(keys: TotpKeys, normalized: string): string {
  return crypto.createHmac("sha256", keys.mac).update(normalized).digest("hex");
}
