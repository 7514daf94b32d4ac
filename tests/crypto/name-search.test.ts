import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { getDb } from "@/db/client";
import { personIdentities, peerIdentities } from "@/db/schema";
import { listCasesForActor } from "@/lib/dal/case-list";
import { listOutreachCasesForActor } from "@/lib/dal/outreach-list";
import { listPeersForActor } from "@/lib/dal/peers";
import { normalizeKana } from "@/lib/domain/kana";
import { actorFor, seededDb } from "../helpers/test-db";

/*
 * Search and sort over encrypted names (ADR 0040): kana by prefix of the family, given or whole
 * name (HMAC tokens), in any kana form; not by an inner substring; sorting by kana in the
 * application, across pages, both directions.
 */

const page = { page: 1, pageSize: 100, sort: "caseNo", dir: "asc" } as const;
const key = (kana: string) => normalizeKana(kana);

before(async () => {
  await seededDb();
});

describe("kana search by prefix", () => {
  test("family, given and whole name, in hiragana, katakana and half-width; an inner substring finds nothing", () => {
    const sup = actorFor("bizen.sup");
    const { rows: [c] } = listCasesForActor(sup, { ...page, pageSize: 1 }, {});
    const all = listCasesForActor(sup, { ...page, pageSize: 10_000 }, {});
    const target = all.rows.find((r) => r.id === c!.id)!;
    const [family, given] = target.kana.split(" ") as [string, string];
    const hiragana = (v: string) => v.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
    const halfWidth = (v: string) => v.normalize("NFKC"); // katakana stays full-width here; the search normalises any form
    const finds = (q: string) => listCasesForActor(sup, { ...page, pageSize: 10_000 }, { q }).rows.some((r) => r.id === target.id);
    for (const q of [family, given, family + given, `${family}　${given}`, hiragana(given), hiragana(family).slice(0, 2), halfWidth(given.slice(0, 2))]) assert.ok(finds(q), q);
    // Every row found by a prefix of a given name has a name part (or the whole) beginning with it.
    const q = given.slice(0, 2);
    const found = listCasesForActor(sup, { ...page, pageSize: 10_000 }, { q }).rows;
    for (const r of found) {
      const [f, g] = r.kana.split(" ") as [string, string];
      assert.ok([key(f), key(g), key(f + g)].some((k) => k.startsWith(key(q))) || r.caseNo.includes(q), r.kana);
    }
    // An inner part of a long name that begins no name part of anyone in reach is not a match.
    const inner = [...key(family + given)].slice(1, 4).join("");
    const begins = all.rows.some((r) => r.kana.split(" ").concat(r.kana.replace(" ", "")).some((part) => key(part).startsWith(inner)));
    if (!begins) assert.equal(finds(inner), false, inner);
  });

  test("outreach and the peer registry search the same way", () => {
    const identity = getDb().select().from(personIdentities).all();
    assert.ok(identity.length > 0);
    const coord = actorFor("bizen.coord");
    const out = listOutreachCasesForActor(coord, { ...page, pageSize: 1000 }, {});
    if (out.rows.length > 0) {
      const given = out.rows[0]!.kana.split(" ")[1]!;
      assert.ok(listOutreachCasesForActor(coord, { ...page, pageSize: 1000 }, { q: given }).rows.some((r) => r.id === out.rows[0]!.id));
    }
    const peers = listPeersForActor(coord, { page: 1, pageSize: 1000, sort: "displayCode", dir: "asc" }, {});
    assert.ok(peers.rows.length > 0);
    const peer = peers.rows[0]!;
    const peerGiven = peer.kana.split(" ")[1]!;
    assert.ok(listPeersForActor(coord, { page: 1, pageSize: 1000, sort: "displayCode", dir: "asc" }, { q: peerGiven }).rows.some((r) => r.id === peer.id));
    assert.ok(getDb().select().from(peerIdentities).all().length >= peers.rows.length);
  });
});

describe("sorting by kana in the application", () => {
  test("ascending and descending, the pages continuing one another, ties by number", () => {
    const sup = actorFor("bizen.sup");
    const whole = listCasesForActor(sup, { page: 1, pageSize: 10_000, sort: "kana", dir: "asc" }, {});
    assert.ok(whole.rows.length > 20);
    const keys = whole.rows.map((r) => key(r.kana));
    for (let i = 1; i < keys.length; i++) {
      assert.ok(keys[i - 1]! < keys[i]! || (keys[i - 1] === keys[i] && whole.rows[i - 1]!.caseNo < whole.rows[i]!.caseNo), `${keys[i - 1]} / ${keys[i]}`);
    }
    const first = listCasesForActor(sup, { page: 1, pageSize: 10, sort: "kana", dir: "asc" }, {});
    const second = listCasesForActor(sup, { page: 2, pageSize: 10, sort: "kana", dir: "asc" }, {});
    assert.deepEqual([...first.rows, ...second.rows].map((r) => r.id), whole.rows.slice(0, 20).map((r) => r.id));
    assert.equal(first.total, whole.total);
    const desc = listCasesForActor(sup, { page: 1, pageSize: 10_000, sort: "kana", dir: "desc" }, {});
    const descKeys = desc.rows.map((r) => key(r.kana));
    assert.deepEqual(descKeys, [...keys].sort().reverse());
    // Past the last page: nothing, not an error.
    assert.deepEqual(listCasesForActor(sup, { page: 9999, pageSize: 10, sort: "kana", dir: "asc" }, {}).rows, []);
  });

  test("the peer registry and the outreach list too", () => {
    const coord = actorFor("bizen.coord");
    const peers = listPeersForActor(coord, { page: 1, pageSize: 1000, sort: "kana", dir: "asc" }, {}).rows.map((r) => key(r.kana));
    assert.deepEqual(peers, [...peers].sort());
    const out = listOutreachCasesForActor(actorFor("bizen.sup"), { page: 1, pageSize: 1000, sort: "kana", dir: "desc" }, {}).rows.map((r) => key(r.kana));
    assert.deepEqual(out, [...out].sort().reverse());
  });
});
