import { decode as decodeJwt, encode as encodeJwt, type JWT, type JWTDecodeParams, type JWTEncodeParams } from "next-auth/jwt";

/*
 * Auth.js's session token (an encrypted JWT) is decrypted on every request the proxy sees and,
 * because the idle timeout slides, encrypted afresh for the response (ADR 0036). Each costs a key
 * derivation (HKDF) and an AES operation: together the largest part of the proxy's cost (ADR 0050).
 *
 * - decode: the same cookie value decrypts to the same claims, so a value decrypted before is
 *   answered from memory (bounded; its expiry is checked on every use, as Auth.js checks it).
 * - encode: a token re-issued less than `reuseSeconds` ago is sent back unchanged instead of being
 *   encrypted again (Auth.js still re-sets the cookie with a fresh expiry attribute). The token's
 *   own expiry then lags by at most `reuseSeconds` (a minute, or a tenth of the idle timeout if
 *   shorter): an idle session ends up to that much earlier, never later.
 * Everything else is unchanged: our jwt() callback still checks the session against the database
 * on every request (lib/auth/session-token.ts), so a revoked session ends at once.
 */

const MAX_REMEMBERED = 10_000;

export function sessionJwt(idleSeconds: number) {
  const reuseSeconds = Math.min(60, Math.floor(idleSeconds / 10));
  // cookie value (with its salt, the cookie name) -> its claims
  const decoded = new Map<string, JWT>();
  // claims object handed to Auth.js -> the cookie value it came from
  const sourceOf = new WeakMap<object, string>();

  return {
    async decode(params: JWTDecodeParams): Promise<JWT | null> {
      if (!params.token) return null;
      const key = `${params.salt}\u0000${params.token}`;
      let claims = decoded.get(key);
      if (!claims) {
        const fresh = await decodeJwt(params);
        if (!fresh) return null;
        claims = fresh;
        if (decoded.size >= MAX_REMEMBERED) decoded.delete(decoded.keys().next().value as string);
        decoded.set(key, claims);
      }
      // Auth.js's decode refuses an expired token (15 s tolerance); so does a remembered one (none).
      if (typeof claims.exp !== "number" || claims.exp * 1000 <= Date.now()) {
        decoded.delete(key);
        return null;
      }
      const copy = { ...claims };
      sourceOf.set(copy, params.token);
      return copy;
    },

    async encode(params: JWTEncodeParams): Promise<string> {
      const token = params.token;
      const source = token ? sourceOf.get(token) : undefined;
      const maxAge = params.maxAge ?? idleSeconds;
      // exp = issued + maxAge, so "issued less than reuseSeconds ago" is exp - now > maxAge - reuseSeconds.
      if (source && typeof token?.exp === "number" && token.exp - Date.now() / 1000 > maxAge - reuseSeconds) return source;
      return encodeJwt(params);
    },
  };
}
