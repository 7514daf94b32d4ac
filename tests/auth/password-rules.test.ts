import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { clientAddress, throttleBucket } from "@/lib/auth/client-address";
import { passwordCore, passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { signInFailuresPerAddress } from "@/lib/auth/policy";
import { isThrottledRefusal, throttledResponse } from "@/lib/auth/throttle-response";
import { OwnPasswordSchema, PasswordResetSchema, UserCreateSchema } from "@/lib/validation/user";

const GOOD = "Kirin-7-yokan-hashi";

describe("the password rule", () => {
  test("13 to 128 characters mixing letters, digits and symbols pass", () => {
    assert.equal(PASSWORD_MIN_LENGTH, 13);
    assert.equal(passwordProblem(GOOD), null);
    assert.equal(passwordProblem("abcdefghij1-!"), null); // exactly 13
    assert.equal(passwordProblem(`a1-${"x".repeat(PASSWORD_MAX_LENGTH - 3)}`), null);
    assert.equal(passwordProblem("みずうみ と やま 2026 ！"), null); // Japanese letters count as letters
  });

  test("each kind of refusal names its own reason", () => {
    assert.equal(passwordProblem(" ".repeat(13)), "whitespace");
    assert.equal(passwordProblem("\t \n"), "whitespace");
    assert.equal(passwordProblem("abcdefgh1-!"), "length"); // 11
    assert.equal(passwordProblem("abcdefghi1-!"), "length"); // 12: the old minimum no longer passes
    assert.equal(passwordProblem(`a1-${"x".repeat(PASSWORD_MAX_LENGTH - 2)}`), "length"); // 129
    assert.equal(passwordProblem("abcdefghijklmn"), "composition");
    assert.equal(passwordProblem("abcdefghijk1234"), "composition");
    assert.equal(passwordProblem("abcdefghijk-+!"), "composition");
    assert.equal(passwordProblem("1234567890-!!"), "composition");
    assert.equal(passwordProblem("tsunagu-demo-2026"), "demo");
    assert.equal(passwordProblem("TSUNAGU-DEMO-2026!"), "demo");
    assert.equal(passwordProblem("My-Tsunagu-2027!"), "appName");
    assert.equal(passwordProblem("ｔｓｕｎａｇｕ-2027!"), "appName"); // full-width too
    assert.equal(passwordProblem("つなぐ-bokura-2027"), "appName");
    assert.equal(passwordProblem("x-Bizen.Coord-42", { username: "bizen.coord" }), "username");
    assert.equal(passwordProblem("bizen.coord-2027", { username: "BIZEN.COORD" }), "username");
    assert.equal(passwordProblem("Okayama-2027-go!", { placeNames: ["岡山県", "Okayama"] }), "placeName");
    assert.equal(passwordProblem("岡山県-mirai-2027", { placeNames: ["岡山県"] }), "placeName");
  });

  test("a common password is refused without case and with digits and symbols at its ends removed", () => {
    const common = new Set(["password", "sakura", "1qaz2wsx3edc"]);
    assert.equal(passwordCore("!!sakura2026!"), "sakura");
    assert.equal(passwordProblem("Password2026!", { commonPasswords: common }), "common");
    assert.equal(passwordProblem("2026!!SAKURA!!2026", { commonPasswords: common }), "common");
    assert.equal(passwordProblem("1qaz2wsx3edc!", { commonPasswords: common }), "common");
    assert.equal(passwordProblem("sakura-no-hana-2026", { commonPasswords: common }), null); // a word inside is fine
  });
});

describe("the zod schemas carry the rule (browser and server)", () => {
  const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    r.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];

  test("own change and reset refuse what the rule refuses, with the rule's key", () => {
    assert.deepEqual(issues(OwnPasswordSchema.safeParse({ current: "x", password: "password1234", confirm: "password1234" })), [
      "password:validation.password.length",
    ]);
    assert.deepEqual(issues(PasswordResetSchema.safeParse({ id: "u", password: " ".repeat(20), confirm: " ".repeat(20) })), [
      "password:validation.password.whitespace",
    ]);
    assert.ok(PasswordResetSchema.safeParse({ id: "u", password: GOOD, confirm: GOOD }).success);
  });

  test("the create form also refuses the new user's own username", () => {
    const base = { displayName: "試験 太郎", role: "coordinator", officeIds: ["33-bizen"] };
    const r = UserCreateSchema.safeParse({ ...base, username: "new.person", password: "New.Person-2027!" });
    assert.deepEqual(issues(r), ["password:validation.password.username"]);
    assert.ok(UserCreateSchema.safeParse({ ...base, username: "new.person", password: GOOD }).success);
  });
});

describe("the client address", () => {
  const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

  test("without a trusted proxy the header is not believed: unknown, one shared bucket", () => {
    assert.equal(clientAddress(h("203.0.113.9"), {}), null);
    assert.equal(throttleBucket(clientAddress(h("203.0.113.9"), {})), "direct");
  });

  test("behind a trusted proxy the last entry not a listed proxy is the client", () => {
    assert.equal(clientAddress(h("198.51.100.1, 203.0.113.9"), { TRUSTED_PROXY: "on" }), "203.0.113.9"); // a forged first entry is ignored
    assert.equal(clientAddress(h("198.51.100.1, 203.0.113.9, 10.0.0.2"), { TRUSTED_PROXY: "10.0.0.2, 10.0.0.3" }), "203.0.113.9");
    assert.equal(clientAddress(h(), { TRUSTED_PROXY: "on" }), null);
  });

  test("the per-address limit is configurable, 30 by default", () => {
    assert.equal(signInFailuresPerAddress({}), 30);
    assert.equal(signInFailuresPerAddress({ TSUNAGU_SIGNIN_FAILURES_PER_IP_PER_15MIN: "3" }), 3);
    assert.equal(signInFailuresPerAddress({ TSUNAGU_SIGNIN_FAILURES_PER_IP_PER_15MIN: "0" }), 30);
    assert.equal(signInFailuresPerAddress({ TSUNAGU_SIGNIN_FAILURES_PER_IP_PER_15MIN: "x" }), 30);
  });
});

describe("the 429 of a throttled sign-in on Auth.js's route", () => {
  const url = "http://localhost:3000/api/auth/callback/credentials";
  test("Auth.js's refusal with code=throttled (redirect or JSON) is recognised; other refusals are not", async () => {
    const redirect = (code: string) => new Response(null, { status: 302, headers: { location: `http://localhost:3000/login?error=CredentialsSignin&code=${code}` } });
    assert.equal(await isThrottledRefusal(redirect("throttled"), url), true);
    assert.equal(await isThrottledRefusal(redirect("invalid"), url), false);
    assert.equal(await isThrottledRefusal(redirect("locked"), url), false);
    assert.equal(await isThrottledRefusal(Response.json({ url: "/login?error=CredentialsSignin&code=throttled" }), url), true);
    assert.equal(await isThrottledRefusal(Response.json({ url: "/" }), url), false);
  });

  test("answers 429 with Retry-After and the message", async () => {
    const r = throttledResponse("試行回数が多すぎます");
    assert.equal(r.status, 429);
    assert.equal(r.headers.get("retry-after"), "900");
    assert.equal(await r.text(), "試行回数が多すぎます");
  });
});
