import { describe, it, test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { keepPreparedStatements, preparedOnce } from "@/db/statement-cache";

function connection(size?: number) {
  const sqlite = new Database(":memory:");
  sqlite.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES ('a'), ('b'), ('c');");
  keepPreparedStatements(sqlite, size);
  return sqlite;
}

describe("kept prepared statements (issue 14)", () => {
  it("hands back the statement compiled for the same text", () => {
    const sqlite = connection();
    const a = sqlite.prepare("SELECT v FROM t WHERE id = ?");
    assert.equal(sqlite.prepare("SELECT v FROM t WHERE id = ?"), a);
    assert.notEqual(sqlite.prepare("SELECT v FROM t WHERE id = ? "), a);
  });

  it("starts each reuse without the modes an earlier run set (raw, pluck, expand)", () => {
    const sqlite = connection();
    const sql = "SELECT id, v FROM t ORDER BY id";
    assert.deepEqual(sqlite.prepare(sql).raw().all(), [[1, "a"], [2, "b"], [3, "c"]]);
    assert.deepEqual(sqlite.prepare(sql).all()[0], { id: 1, v: "a" });
    assert.deepEqual(sqlite.prepare(sql).pluck().all(), [1, 2, 3]);
    assert.deepEqual(sqlite.prepare(sql).get(), { id: 1, v: "a" });
    assert.deepEqual(sqlite.prepare(sql).expand().get(), { t: { id: 1, v: "a" } });
    assert.deepEqual(sqlite.prepare(sql).get(), { id: 1, v: "a" });
  });

  it("keeps statements that return no data too", () => {
    const sqlite = connection();
    const insert = sqlite.prepare("INSERT INTO t (v) VALUES (?)");
    insert.run("d");
    assert.equal(sqlite.prepare("INSERT INTO t (v) VALUES (?)"), insert);
    sqlite.prepare("INSERT INTO t (v) VALUES (?)").run("e");
    assert.equal(sqlite.prepare("SELECT count(*) AS n FROM t").get()?.["n" as never], 5);
  });

  it("compiles a fresh statement while the kept one is still iterating", () => {
    const sqlite = connection();
    const sql = "SELECT v FROM t ORDER BY id";
    const seen: string[] = [];
    for (const row of sqlite.prepare(sql).iterate() as IterableIterator<{ v: string }>) {
      seen.push(row.v, ...(sqlite.prepare(sql).all() as { v: string }[]).map((r) => r.v.toUpperCase()));
      break;
    }
    assert.deepEqual(seen, ["a", "A", "B", "C"]);
  });

  it("drops the least recently used past its size", () => {
    const sqlite = connection(2);
    const one = sqlite.prepare("SELECT 1");
    const two = sqlite.prepare("SELECT 2");
    assert.equal(sqlite.prepare("SELECT 1"), one);
    sqlite.prepare("SELECT 3");
    assert.equal(sqlite.prepare("SELECT 1"), one);
    assert.notEqual(sqlite.prepare("SELECT 2"), two);
  });

  it("sees a schema change (SQLite recompiles a kept statement)", () => {
    const sqlite = connection();
    assert.deepEqual(sqlite.prepare("SELECT * FROM t WHERE id = 1").get(), { id: 1, v: "a" });
    sqlite.exec("ALTER TABLE t ADD COLUMN w TEXT DEFAULT 'x'");
    assert.deepEqual(sqlite.prepare("SELECT * FROM t WHERE id = 1").get(), { id: 1, v: "a", w: "x" });
  });
});

test("preparedOnce compiles a statement once per connection and source, on any connection", () => {
  const a = new Database(":memory:");
  const b = new Database(":memory:");
  try {
    let compiled = 0;
    const compile = a.prepare.bind(a);
    a.prepare = ((source: string) => {
      compiled++;
      return compile(source);
    }) as Database.Database["prepare"];
    const first = preparedOnce(a, "SELECT 1 AS one");
    assert.equal(preparedOnce(a, "SELECT 1 AS one"), first, "the same statement on the same connection");
    assert.equal(compiled, 1);
    assert.notEqual(preparedOnce(a, "SELECT 2 AS two"), first, "another source, another statement");
    assert.equal(compiled, 2);
    const onB = preparedOnce(b, "SELECT 1 AS one");
    assert.notEqual(onB, first, "each connection its own");
    assert.deepEqual(onB.get(), { one: 1 });
  } finally {
    a.close();
    b.close();
  }
});
