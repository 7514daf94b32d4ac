import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { jsonObject } from "@/lib/domain/json-object";
import type { MessageKey, Vars } from "@/lib/i18n/translate";
import { formValues, withoutSecrets } from "@/lib/validation/form";
import { messageWithVars, translateKey, translateMessage } from "@/lib/validation/message-vars";
import { anyString, wellFormed } from "./arbitraries";

/*
 * Property-based tests of the form plumbing every action goes through (issue 13): FormData to
 * values (lib/validation/form.ts) and messages with figures (message-vars.ts). Whatever fields a
 * request carries, each one is read as sent (CRLF as LF, a repeated field as a list), and figures
 * put into a message come out of it unchanged.
 */

const fieldName = fc.oneof(fc.constantFrom("note", "caseId", "codes", "__proto__", "constructor", "toString", "hasOwnProperty", "$ACTION_ID_1", "password"), anyString);
const entries = fc.array(fc.tuple(fieldName, anyString), { maxLength: 12 });

describe("formValues", () => {
  it("every field sent is an own value: one as text, several as a list in order, line breaks as LF", () => {
    fc.assert(
      fc.property(entries, fc.subarray(["codes", "note", "__proto__"]), (sent, multi) => {
        const data = new FormData();
        for (const [k, v] of sent) data.append(k, v);
        const values = formValues(data, multi);
        const expected = new Map<string, string[]>();
        for (const [k, v] of sent) {
          const key = wellFormed(k);
          if (key.startsWith("$ACTION")) continue;
          expected.set(key, [...(expected.get(key) ?? []), wellFormed(v).replace(/\r\n?/g, "\n")]);
        }
        for (const key of multi) if (!expected.has(key)) expected.set(key, []);
        assert.deepEqual(Object.keys(values).sort(), [...expected.keys()].sort());
        for (const [key, all] of expected) {
          assert.ok(Object.prototype.hasOwnProperty.call(values, key), `${key} is an own field`);
          assert.deepEqual(values[key], multi.includes(key) || all.length > 1 ? all : all[0]);
        }
        assert.equal(Object.getPrototypeOf(values), Object.prototype, "a field named __proto__ does not replace the prototype");
        const safe = withoutSecrets(values);
        for (const key of ["password", "confirm", "current"]) assert.ok(!(key in safe));
      }),
    );
  });
});

describe("messages with figures", () => {
  const varName = fc.stringMatching(/^[a-z][A-Za-z]{0,8}$/);
  it("figures put into a message reach the translation unchanged; a message without them is looked up as it is", () => {
    fc.assert(
      fc.property(fc.dictionary(varName, fc.oneof(anyString, fc.integer().map(String)), { maxKeys: 4 }), (vars) => {
        let got: [string, Vars | undefined] | null = null;
        const t = ((key: string, v?: Vars) => {
          got = [key, v];
          return "translated";
        }) as never;
        const key = "validation.textTooLong" as MessageKey;
        assert.equal(translateMessage(t, messageWithVars(key, vars)), "translated");
        assert.deepEqual(got, [key, Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, wellFormed(v)]))]);
        assert.equal(translateKey(t, key), "translated");
      }),
    );
  });

  it("any message: translated or returned as given, never a throw", () => {
    const t = ((key: string) => key) as never;
    fc.assert(fc.property(anyString, (message) => void translateMessage(t, message)));
  });
});

describe("a form's base values (jsonObject)", () => {
  it("any text gives an object, never a throw; an object's JSON reads back as that object", () => {
    fc.assert(
      fc.property(anyString, fc.dictionary(fc.oneof(anyString, fc.constant("__proto__")), fc.jsonValue(), { maxKeys: 5 }), (text, object) => {
        const read = jsonObject(text);
        assert.ok(read !== null && typeof read === "object" && !Array.isArray(read));
        assert.deepEqual(jsonObject(JSON.stringify(object)), JSON.parse(JSON.stringify(object)));
      }),
    );
  });
});
