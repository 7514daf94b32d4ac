import crypto from "node:crypto";
import type { Rng } from "@/db/seed/random";
import { DEMO_GIVEN_NAMES_FEMALE, DEMO_GIVEN_NAMES_MALE } from "@/db/seed/demo-cases";
import { HASH_LABELS, kanaPrefixes } from "@/lib/crypto/search-keys";
import { ENVELOPE_PREFIX, type Keyring } from "@/lib/crypto/keyring";
import { daysInMonth } from "@/lib/domain/iso-date";
import { normalizeKana } from "@/lib/domain/kana";
import { nameKeys } from "@/lib/domain/name-key";
import type { RowSink } from "./writer";

/*
 * Persons and their identities (ADR 0024, ADR 0040). Names are invented and announce themselves as
 * such (見本, 仮名, 架空 … as the demo's), combined from a first and a second part so that a kana
 * search at national scale finds tens of people in an office, not thousands. Identities are
 * written as the app writes them: every name part an AES-GCM envelope under the data key, the kana
 * and kanji search keys and every kana prefix as HMACs (lib/crypto/search-keys.ts). The hashes of
 * a name depend only on the key and the text, so they are computed once per distinct text.
 */

const FIRST = [["見本", "ミホン"], ["仮名", "カメイ"], ["架空", "カクウ"], ["例示", "レイジ"], ["試作", "シサク"], ["模擬", "モギ"], ["想定", "ソウテイ"], ["仮置", "カリオキ"], ["空", "ソラ"], ["夢", "ユメ"]] as const;
const SECOND = [["野", "ノ"], ["山", "ヤマ"], ["川", "カワ"], ["田", "タ"], ["原", "ハラ"], ["木", "キ"], ["沢", "サワ"], ["谷", "タニ"]] as const;

export const FAMILY_NAMES: readonly (readonly [string, string])[] = FIRST.flatMap(([a, ak]) => SECOND.map(([b, bk]) => [a + b, ak + bk] as const));

export type Sex = "male" | "female" | "other" | "unknown";

export type PersonDraft = {
  sex: Sex;
  birthYear: number;
  birthMonth: number;
  birthDay: number;
  familyName: string;
  familyKana: string;
  givenName: string;
  givenKana: string;
};

export function drawPerson(rng: Rng, minYear: number, maxYear: number, sexWeights: Partial<Record<Sex, number>> = { male: 54, female: 45, other: 0.5, unknown: 0.5 }): PersonDraft {
  const sex = rng.weighted<Sex>(sexWeights);
  const birthYear = Math.round((rng.int(minYear, maxYear) + rng.int(minYear, maxYear)) / 2);
  const birthMonth = rng.int(1, 12);
  const [familyName, familyKana] = rng.pick(FAMILY_NAMES);
  const givenNames: readonly (readonly [string, string])[] = sex === "female" ? DEMO_GIVEN_NAMES_FEMALE : DEMO_GIVEN_NAMES_MALE;
  const [givenName, givenKana] = rng.pick(givenNames);
  return { sex, birthYear, birthMonth, birthDay: rng.int(1, daysInMonth(birthYear, birthMonth)), familyName, familyKana, givenName, givenKana };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Writes persons, identities and name tokens, encrypting and hashing as the app does. */
export class PersonWriter {
  private readonly hashes = new Map<string, string>();
  private readonly tokenLists = new Map<string, string[]>();
  private readonly person;
  private readonly identity;
  private readonly personToken;
  private readonly peerIdentity;
  private readonly peerToken;

  constructor(
    w: RowSink,
    private readonly ring: Keyring,
  ) {
    this.person = w.table("persons", ["id", "prefecture_code", "office_id", "birth_year_month", "sex", "municipality_code", "created_at", "updated_at", "version"]);
    this.identity = w.table("person_identities", [
      "person_id",
      "family_name",
      "given_name",
      "family_name_kana",
      "given_name_kana",
      "kana_key",
      "family_name_key",
      "name_key",
      "date_of_birth",
      "phone",
      "address",
      "updated_at",
    ]);
    this.personToken = w.table("person_name_tokens", ["person_id", "token"]);
    this.peerIdentity = w.table("peer_identities", ["peer_id", "family_name", "given_name", "family_name_kana", "given_name_kana", "kana_key", "phone", "email", "updated_at"]);
    this.peerToken = w.table("peer_name_tokens", ["peer_id", "token"]);
  }

  /** The keyed hash of a search key (memoised: names repeat). */
  hash(label: string, text: string): string {
    const key = `${label}|${text}`;
    let h = this.hashes.get(key);
    if (h === undefined) {
      h = this.ring.hash(label, text);
      this.hashes.set(key, h);
    }
    return h;
  }

  /** The hashed prefix tokens of a name (memoised by the reading). */
  private tokens(familyKana: string, givenKana: string): string[] {
    const key = `${familyKana}|${givenKana}`;
    let list = this.tokenLists.get(key);
    if (!list) {
      list = kanaPrefixes({ familyNameKana: familyKana, givenNameKana: givenKana }).map((t) => this.hash(HASH_LABELS.prefix, t));
      this.tokenLists.set(key, list);
    }
    return list;
  }

  /**
   * An envelope exactly as Keyring.encrypt writes it (`v1:<keyId>:base64(iv | tag | ciphertext)`,
   * AES-256-GCM under the current key, so the app's keyring opens it), but with the IV made of a
   * random 4-byte prefix drawn once and an 8-byte counter (NIST SP 800-38D's deterministic
   * construction: unique per key, which is what GCM needs) instead of 12 random bytes per value:
   * millions of calls to the system's randomness cost more than the encryption itself.
   */
  encrypt(text: string): string;
  encrypt(text: string | null): string | null;
  encrypt(text: string | null): string | null {
    if (text === null) return null;
    this.iv.writeBigUInt64BE(++this.counter, 4);
    const cipher = crypto.createCipheriv("aes-256-gcm", this.ring.current.enc, this.iv);
    const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
    return `${ENVELOPE_PREFIX}${this.ring.current.id}:${Buffer.concat([this.iv, cipher.getAuthTag(), body]).toString("base64")}`;
  }

  private readonly iv = Buffer.concat([crypto.randomBytes(4), Buffer.alloc(8)]);
  private counter = 0n;

  writePerson(
    id: string,
    p: PersonDraft,
    where: { prefectureCode: string; officeId: string; municipality: { code: string; name: string } | null },
    contact: { phone: string | null; address: string | null },
    createdAt: string,
  ): void {
    const birthYearMonth = `${p.birthYear}-${pad2(p.birthMonth)}`;
    this.person(id, where.prefectureCode, where.officeId, birthYearMonth, p.sex, where.municipality?.code ?? null, createdAt, createdAt, 1);
    const keys = nameKeys({ familyName: p.familyName, givenName: p.givenName });
    this.identity(
      id,
      this.encrypt(p.familyName),
      this.encrypt(p.givenName),
      this.encrypt(p.familyKana),
      this.encrypt(p.givenKana),
      this.hash(HASH_LABELS.kana, normalizeKana(p.familyKana + p.givenKana)),
      this.hash(HASH_LABELS.name, keys.familyNameKey),
      this.hash(HASH_LABELS.name, keys.nameKey),
      this.encrypt(`${birthYearMonth}-${pad2(p.birthDay)}`),
      this.encrypt(contact.phone),
      this.encrypt(contact.address),
      createdAt,
    );
    for (const t of this.tokens(p.familyKana, p.givenKana)) this.personToken(id, t);
  }

  writePeerIdentity(peerId: string, p: PersonDraft, phone: string | null, updatedAt: string): void {
    this.peerIdentity(
      peerId,
      this.encrypt(p.familyName),
      this.encrypt(p.givenName),
      this.encrypt(p.familyKana),
      this.encrypt(p.givenKana),
      this.hash(HASH_LABELS.kana, normalizeKana(p.familyKana + p.givenKana)),
      this.encrypt(phone),
      null,
      updatedAt,
    );
    for (const t of this.tokens(p.familyKana, p.givenKana)) this.peerToken(peerId, t);
  }
}
