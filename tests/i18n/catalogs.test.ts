import { test } from "node:test";
import assert from "node:assert/strict";
import { en } from "@/lib/i18n/messages/en";
import { ja } from "@/lib/i18n/messages/ja";
import { makeTranslate } from "@/lib/i18n/translate";

function keys(node: unknown, prefix = ""): string[] {
  if (typeof node === "string") return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

test("the English catalog has exactly the Japanese catalog's keys", () => {
  assert.deepEqual(keys(en).sort(), keys(ja).sort());
});

test("placeholders match between languages", () => {
  const jaT = makeTranslate(ja);
  for (const key of keys(ja)) {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const enText = keys(en).includes(key) ? makeTranslate(en)(key as never) : "";
    assert.deepEqual(names(enText), names(jaT(key as never)), key);
  }
});

test("translate fills placeholders and falls back to the key", () => {
  const t = makeTranslate(ja);
  assert.equal(t("home.welcome", { name: "備前" }), "備前 さん、こんにちは");
  assert.equal(t("no.such.key" as never), "no.such.key");
});
