import { describe, it } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fc from "fast-check";
import { clientAddress } from "@/lib/auth/client-address";
import { passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { normalizeUsername } from "@/lib/auth/policy";
import { normalizeRecoveryCode, normalizeTotpCode } from "@/lib/auth/totp";
import { deriveDataKey, installKeyring, isEnvelope, Keyring, openText, parseDataKey, sealText } from "@/lib/crypto/keyring";
import { kanaPrefixes } from "@/lib/crypto/search-keys";
import { normalizeKana } from "@/lib/domain/kana";
import { safeLocalPath } from "@/lib/safe-path";
import { anyString, nameIshString, wellFormed } from "./arbitraries";

/*
 * Property-based tests of the parsers on the way in (issue 13): the redirect target after sign-in,
 * user names, second-factor and recovery codes, passwords, the forwarded address, the data key
 * file, and the sealed envelopes of identities (ADR 0040). Any text: no throw, and the answer is
 * one the caller can trust (a same-site path, six digits, a 32-byte key, the plain text back).
 */

const BASE = "http://tsunagu.invalid";
/** What an attacker puts in ?next=: schemes, backslashes, doubled slashes, control characters, encodings. */
const urlIsh = fc.oneof(
  anyString,
  fc.string({ unit: fc.constantFrom(..."/\\:.@?#%2fFeEvil.comhttps\t\n\r javascript"), maxLength: 24 }),
  fc.webUrl(),
  fc.webPath(),
);

describe("the redirect after sign-in (safeLocalPath)", () => {
  it("any text gives the fallback or a path on this site, which is its own safe form", () => {
    fc.assert(
      fc.property(urlIsh, (input) => {
        const path = safeLocalPath(input, "/home");
        if (path === "/home") return;
        assert.ok(path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\"), path);
        assert.equal(new URL(path, BASE).origin, BASE);
        assert.equal(new URL(path, "https://example.org").host, "example.org", "relative on any origin");
        assert.equal(safeLocalPath(path, "/home"), path);
      }),
    );
  });
});

describe("user names and codes", () => {
  it("normalizeUsername is idempotent and folds full-width letters and case", () => {
    fc.assert(
      fc.property(anyString, fc.stringMatching(/^[a-z][a-z0-9._-]{2,20}$/), (typed, name) => {
        const once = normalizeUsername(typed);
        assert.equal(normalizeUsername(once), once, JSON.stringify(typed));
        assert.equal(normalizeUsername(` ${name.toUpperCase().replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))}\u3000`), name);
      }),
    );
  });

  it("a TOTP code: six ASCII digits or null; spaces, hyphens and full-width digits read the same", () => {
    fc.assert(
      fc.property(anyString, fc.stringMatching(/^\d{6}$/), (typed, code) => {
        const read = normalizeTotpCode(typed);
        assert.ok(read === null || /^[0-9]{6}$/.test(read));
        assert.equal(normalizeTotpCode(`${code.slice(0, 3)} ${code.slice(3)}`), code);
        assert.equal(normalizeTotpCode(code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))), code);
      }),
    );
  });

  it("a recovery code: ten characters of the alphabet or null, and a normalised one reads as itself", () => {
    fc.assert(
      fc.property(anyString, (typed) => {
        const read = normalizeRecoveryCode(typed);
        if (read === null) return;
        assert.equal(read.length, 10);
        assert.equal(normalizeRecoveryCode(read), read);
        assert.equal(normalizeRecoveryCode(`${read.slice(0, 5).toUpperCase()}-${read.slice(5)}`), read);
      }),
    );
  });

  it("a password's problem: never throws; outside the length range it is 'length'", () => {
    fc.assert(
      fc.property(anyString, fc.integer({ min: 1, max: 300 }), (typed, n) => {
        void passwordProblem(typed, { username: typed.slice(0, 8), placeNames: [typed.slice(0, 3)] });
        const long = "aB3!".repeat(100).slice(0, n);
        if (n < PASSWORD_MIN_LENGTH || n > PASSWORD_MAX_LENGTH) assert.equal(passwordProblem(long), "length");
      }),
    );
  });

  it("the forwarded address: never throws, at most 64 characters, never a trusted proxy's own entry", () => {
    fc.assert(
      fc.property(anyString, fc.array(fc.ipV4(), { maxLength: 3 }), fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), anyString), { maxLength: 4 }), (trusted, proxies, hops) => {
        const headers = new Headers();
        const header = hops.join(", ").replace(/[\r\n\0]/g, "");
        try {
          headers.set("x-forwarded-for", header);
        } catch {
          return; // a value no HTTP request can carry
        }
        const address = clientAddress(headers, { TRUSTED_PROXY: proxies.length ? proxies.join(",") : trusted });
        if (address === null) return;
        assert.ok(address.length <= 64);
        if (proxies.length) assert.ok(!proxies.includes(address));
      }),
    );
  });
});

describe("identities at rest (ADR 0040)", () => {
  installKeyring(new Keyring(deriveDataKey(crypto.randomBytes(32))));

  it("a data key file: any text gives 32 bytes or null; hex and base64 of a key read back as that key", () => {
    fc.assert(
      fc.property(anyString, fc.uint8Array({ minLength: 32, maxLength: 32 }), (typed, bytes) => {
        const key = parseDataKey(typed);
        assert.ok(key === null || key.length === 32);
        const raw = Buffer.from(bytes);
        for (const text of [raw.toString("hex"), raw.toString("base64"), raw.toString("base64url"), ` ${raw.toString("hex").toUpperCase()}\n`]) {
          assert.deepEqual(parseDataKey(text), raw, text);
        }
      }),
    );
  });

  it("any text seals into an envelope and opens to exactly that text", () => {
    fc.assert(
      fc.property(fc.oneof(anyString, nameIshString), (plain) => {
        const sealed = sealText(plain);
        assert.ok(isEnvelope(sealed));
        assert.equal(openText(sealed), wellFormed(plain));
      }),
    );
  });

  it("the kana search prefixes: every one a prefix of a normalised reading, the whole readings among them", () => {
    fc.assert(
      fc.property(nameIshString, nameIshString, (family, given) => {
        const prefixes = kanaPrefixes({ familyNameKana: family, givenNameKana: given });
        const wholes = [normalizeKana(family + given), normalizeKana(given), normalizeKana(family)].filter(Boolean);
        for (const whole of wholes) assert.ok(prefixes.includes(whole));
        for (const p of prefixes) assert.ok(wholes.some((w) => w.startsWith(p)));
      }),
    );
  });
});
