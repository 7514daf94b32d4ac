import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  codeAt,
  decryptSecret,
  deriveTotpKeys,
  encryptSecret,
  maxCodeGuesses,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  secondFactorNeed,
  secondFactorRequired,
  timeStep,
  verifyTotp,
} from "@/lib/auth/totp";
// @ts-expect-error a plain .mjs script module without types
import { demoModeDecision } from "../../scripts/lib/demo-mode.mjs";

const T = new Date("2026-12-06T12:00:10Z");

describe("TOTP verification", () => {
  const secret = newTotpSecret();
  const step = timeStep(T);

  test("accepts the current step and one either side, refuses two away", () => {
    for (const d of [-1, 0, 1]) assert.deepEqual(verifyTotp(secret, codeAt(secret, step + d), null, T), { ok: true, step: step + d });
    assert.deepEqual(verifyTotp(secret, codeAt(secret, step - 2), null, T), { ok: false, reason: "wrong" });
    assert.deepEqual(verifyTotp(secret, codeAt(secret, step + 2), null, T), { ok: false, reason: "wrong" });
    assert.deepEqual(verifyTotp(secret, "000000" === codeAt(secret, step) ? "111111" : "000000", null, T).ok, false);
  });

  test("a code of a step already used (or an earlier one) is refused as replayed", () => {
    assert.deepEqual(verifyTotp(secret, codeAt(secret, step), step, T), { ok: false, reason: "replayed" });
    assert.deepEqual(verifyTotp(secret, codeAt(secret, step - 1), step, T), { ok: false, reason: "replayed" });
    // The next step's code still works after this one was used.
    assert.deepEqual(verifyTotp(secret, codeAt(secret, step + 1), step, T), { ok: true, step: step + 1 });
  });
});

describe("the secret at rest", () => {
  const keys = deriveTotpKeys(Buffer.from("k".repeat(64)));
  test("AES-256-GCM round trip, bound to the user and the key", () => {
    const secret = newTotpSecret();
    const stored = encryptSecret(keys, "user-1", secret);
    assert.ok(!stored.includes(secret));
    assert.equal(decryptSecret(keys, "user-1", stored), secret);
    assert.throws(() => decryptSecret(keys, "user-2", stored));
    assert.throws(() => decryptSecret(deriveTotpKeys(Buffer.from("x".repeat(64))), "user-1", stored));
  });
});

describe("recovery codes", () => {
  test("ten distinct codes that normalise (case, hyphen, spaces)", () => {
    const codes = newRecoveryCodes();
    assert.equal(new Set(codes).size, 10);
    const c = codes[0]!;
    assert.equal(normalizeRecoveryCode(` ${c.toUpperCase()} `), c.replace("-", ""));
    assert.equal(normalizeRecoveryCode("123456"), null);
  });
});

describe("policy", () => {
  test("REQUIRE_2FA is on unless off/false/0/no", () => {
    assert.equal(secondFactorRequired({}), true);
    assert.equal(secondFactorRequired({ REQUIRE_2FA: "" }), true);
    assert.equal(secondFactorRequired({ REQUIRE_2FA: "on" }), true);
    assert.equal(secondFactorRequired({ REQUIRE_2FA: "yes please" }), true);
    for (const v of ["off", "OFF", " false ", "0", "no"]) assert.equal(secondFactorRequired({ REQUIRE_2FA: v }), false, v);
  });

  test("the guess limit defaults to 5 and takes a positive integer", () => {
    assert.equal(maxCodeGuesses({}), 5);
    assert.equal(maxCodeGuesses({ TSUNAGU_2FA_MAX_GUESSES: "3" }), 3);
    assert.equal(maxCodeGuesses({ TSUNAGU_2FA_MAX_GUESSES: "0" }), 5);
  });

  test("demo accounts are exempt only in a database with the demo marker", () => {
    const base = { required: true, enrolled: false };
    assert.equal(secondFactorNeed({ ...base, demoMarker: true, demoAccount: true }), "none");
    assert.equal(secondFactorNeed({ ...base, demoMarker: false, demoAccount: true }), "enrol");
    assert.equal(secondFactorNeed({ ...base, demoMarker: true, demoAccount: false }), "enrol");
    assert.equal(secondFactorNeed({ required: false, enrolled: false, demoMarker: false, demoAccount: false }), "none");
    // An enrolled account always gives its code, exempt or not.
    assert.equal(secondFactorNeed({ required: false, enrolled: true, demoMarker: true, demoAccount: true }), "code");
  });
});

describe("demo mode at start (scripts/lib/demo-mode.mjs)", () => {
  test("unset: demo data on 127.0.0.1 only; a remote HOST or AUTH_URL is refused", () => {
    const d = demoModeDecision({ AUTH_URL: "http://localhost:3101" });
    assert.equal(d.ok && d.demo && d.host, "127.0.0.1");
    assert.equal(demoModeDecision({ HOST: "0.0.0.0" }).ok, false);
    assert.equal(demoModeDecision({ AUTH_URL: "https://tsunagu.example.jp" }).ok, false);
    assert.equal(demoModeDecision({ HOST: "127.0.0.1", AUTH_URL: "http://127.0.0.1:3000" }).ok, true);
  });

  test("on: demo data wherever it is served; off: none, unless the database already holds demo data and is served remotely", () => {
    const on = demoModeDecision({ TSUNAGU_DEMO_DATA: "on", HOST: "0.0.0.0" });
    assert.ok(on.ok && on.demo && on.host === "0.0.0.0");
    const off = demoModeDecision({ TSUNAGU_DEMO_DATA: "off", HOST: "0.0.0.0" });
    assert.ok(off.ok && !off.demo);
    assert.equal(demoModeDecision({ TSUNAGU_DEMO_DATA: "off", HOST: "0.0.0.0" }, true).ok, false);
    assert.equal(demoModeDecision({ TSUNAGU_DEMO_DATA: "off" }, true).ok, true);
    assert.equal(demoModeDecision({ TSUNAGU_DEMO_DATA: "maybe" }).ok, false);
  });
});
