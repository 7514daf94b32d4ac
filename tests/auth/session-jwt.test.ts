import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { encode } from "next-auth/jwt";
import { sessionJwt } from "@/lib/auth/session-jwt";

// ADR 0050: the session token is decrypted once per cookie value and re-encrypted at most once a
// minute; an expired token is refused from memory as Auth.js refuses it, and a token's claims come
// back the same.
describe("the session token, decoded once and re-issued at most once a minute", () => {
  const secret = "a-test-secret-of-at-least-thirty-two-characters";
  const salt = "authjs.session-token";
  const idle = 30 * 60;
  const claims = { uid: "01USER", sid: "01SESSION", sessionVersion: 1, role: "coordinator" };

  test("a token decodes to its claims, again from memory, and is refused once expired", async () => {
    const jwt = sessionJwt(idle);
    const token = await encode({ token: claims, secret, salt, maxAge: idle });
    const first = await jwt.decode({ token, secret, salt });
    assert.equal(first?.uid, "01USER");
    const second = await jwt.decode({ token, secret, salt });
    assert.deepEqual(second, first);
    assert.notEqual(second, first, "each caller gets its own copy");
    // Another salt (cookie name) or a tampered value is not answered from memory.
    assert.equal(await jwt.decode({ token, secret, salt: "other" }).catch(() => null), null);
    assert.equal(await jwt.decode({ token: token.slice(0, -4) + "AAAA", secret, salt }).catch(() => null), null);
    const expired = await encode({ token: claims, secret, salt, maxAge: -60 });
    assert.equal(await jwt.decode({ token: expired, secret, salt }).catch(() => null), null);
  });

  test("a token issued under a minute ago is sent back as it is; an older one, or a new sign-in, is encrypted afresh", async () => {
    const jwt = sessionJwt(idle);
    const recent = await encode({ token: claims, secret, salt, maxAge: idle });
    const decodedRecent = await jwt.decode({ token: recent, secret, salt });
    assert.equal(await jwt.encode({ token: decodedRecent!, secret, salt, maxAge: idle }), recent);

    const older = await encode({ token: claims, secret, salt, maxAge: idle - 120 }); // issued two minutes ago
    const decodedOlder = await jwt.decode({ token: older, secret, salt });
    const reissued = await jwt.encode({ token: decodedOlder!, secret, salt, maxAge: idle });
    assert.notEqual(reissued, older);
    const reissuedClaims = await jwt.decode({ token: reissued, secret, salt });
    assert.equal(reissuedClaims?.uid, "01USER");
    assert.ok((reissuedClaims!.exp as number) > (decodedOlder!.exp as number), "the re-issued token expires later");

    // A token not decoded here (a sign-in) is always encrypted.
    const signInClaims = { ...claims, exp: Math.floor(Date.now() / 1000) + idle } as unknown as NonNullable<Parameters<typeof jwt.encode>[0]["token"]>;
    const signIn = await jwt.encode({ token: signInClaims, secret, salt, maxAge: idle });
    assert.notEqual(signIn, recent);
  });

  test("with a short idle timeout the reuse window shrinks to a tenth of it", async () => {
    const jwt = sessionJwt(60); // one minute idle: reuse for 6 s
    const tenSecondsOld = await encode({ token: claims, secret, salt, maxAge: 50 });
    const decoded = await jwt.decode({ token: tenSecondsOld, secret, salt });
    assert.notEqual(await jwt.encode({ token: decoded!, secret, salt, maxAge: 60 }), tenSecondsOld);
  });
});
