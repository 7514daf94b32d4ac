import { describe, test } from "node:test";
import assert from "node:assert/strict";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { dataKeyFile, keyringFor } from "@/lib/crypto/data-key";
import { deriveDataKey, envelopeKeyId, Keyring, parseDataKey } from "@/lib/crypto/keyring";
import { kanaPrefixes } from "@/lib/crypto/search-keys";

/* The keyring of encryption at rest (ADR 0040): envelopes, hashes, sub-keys, the key's home. */

const ring = (raw = crypto.randomBytes(32)) => new Keyring(deriveDataKey(raw));

describe("envelopes", () => {
  test("v1:<keyId>:<base64 iv|tag|ciphertext>, a random IV each time, and back", () => {
    const r = ring();
    const a = r.encrypt("山田 太郎");
    assert.match(a, new RegExp(`^v1:${r.current.id}:[A-Za-z0-9+/]+=*$`));
    assert.equal(Buffer.from(a.split(":")[2]!, "base64").length, 12 + 16 + Buffer.byteLength("山田 太郎"));
    assert.notEqual(r.encrypt("山田 太郎"), a);
    assert.equal(r.decrypt(a), "山田 太郎");
    assert.equal(r.decrypt(r.encrypt("")), "");
    assert.equal(r.decrypt("まだ平文"), "まだ平文", "a value that is no envelope reads as it is");
  });

  test("a changed byte or another key is refused, never read as something else", () => {
    const r = ring();
    const a = r.encrypt("秘密");
    const blob = Buffer.from(a.split(":")[2]!, "base64");
    blob[blob.length - 1]! ^= 1;
    assert.throws(() => r.decrypt(`v1:${r.current.id}:${blob.toString("base64")}`));
    assert.throws(() => ring().decrypt(a), /not in the keyring/);
  });

  test("a retired key still reads what it wrote", () => {
    const old = ring();
    const a = old.encrypt("古い値");
    const now = new Keyring(deriveDataKey(crypto.randomBytes(32)), [old.current]);
    assert.equal(now.decrypt(a), "古い値");
    assert.equal(envelopeKeyId(now.encrypt("新")), now.current.id);
  });
});

describe("keyed hashes", () => {
  test("HMAC under a sub-key apart from the encryption key, one per label; the empty key stays empty", () => {
    const raw = crypto.randomBytes(32);
    const k = deriveDataKey(raw);
    assert.ok(!k.mac.equals(k.enc) && !k.mac.equals(raw) && !k.enc.equals(raw));
    const r = new Keyring(k);
    assert.match(r.hash("kana", "ヤマダ"), /^[0-9a-f]{64}$/);
    assert.equal(r.hash("kana", "ヤマダ"), r.hash("kana", "ヤマダ"));
    assert.notEqual(r.hash("kana", "ヤマダ"), r.hash("name", "ヤマダ"));
    assert.notEqual(r.hash("kana", "ヤマダ"), ring().hash("kana", "ヤマダ"), "another key, another hash");
    assert.equal(r.hash("kana", ""), "");
  });

  test("prefix tokens: every prefix of the whole name and of the given name, normalised", () => {
    const p = kanaPrefixes({ familyNameKana: "やまだ", givenNameKana: "ﾀﾛｳ" });
    for (const want of ["ヤ", "ヤマダ", "ヤマダタ", "ヤマダタロウ", "タ", "タロウ"]) assert.ok(p.includes(want), want);
    assert.ok(!p.includes("マダ") && !p.includes("ロウ"), "not a substring that is no prefix");
  });

  test("a key is 64 hex digits or the base64 of 32 bytes", () => {
    const raw = crypto.randomBytes(32);
    assert.deepEqual(parseDataKey(raw.toString("hex")), raw);
    assert.deepEqual(parseDataKey(raw.toString("base64")), raw);
    assert.equal(parseDataKey("too short"), null);
  });
});

describe("the data key's home", () => {
  test("a key file beside the database (0600), and a database opened with another key is refused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-key-"));
    const saved = process.env.TSUNAGU_DATA_KEY;
    delete process.env.TSUNAGU_DATA_KEY;
    try {
      const file = path.join(dir, "t.db");
      const sqlite = new Database(file);
      sqlite.exec("CREATE TABLE data_keys (id text PRIMARY KEY, state text NOT NULL, wrapped text, created_at text NOT NULL, retired_at text)");
      const first = keyringFor(sqlite, file);
      assert.equal(fs.statSync(dataKeyFile(file)).mode & 0o777, 0o600);
      assert.equal(keyringFor(sqlite, file).current.id, first.current.id, "the same key on the next start");
      fs.writeFileSync(dataKeyFile(file), crypto.randomBytes(32).toString("hex"));
      assert.throws(() => keyringFor(sqlite, file), /encrypted under the data key/);
      sqlite.close();
    } finally {
      if (saved !== undefined) process.env.TSUNAGU_DATA_KEY = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
