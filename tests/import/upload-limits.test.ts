import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { MAX_IMPORT_BYTES } from "@/lib/import/file";
import { MULTIPART_ALLOWANCE, uploadRefusal } from "@/lib/import/upload-limits";

/* The size of an upload is judged from its headers alone, before a byte of the body is read (ADR 0043). */
describe("upload limits", () => {
  const headers = (length?: string) => new Headers(length === undefined ? {} : { "content-length": length });

  test("a 50 MB Content-Length is refused with 413, whatever the body", () => {
    assert.equal(uploadRefusal(headers(String(50 * 1024 * 1024)))?.status, 413);
    assert.equal(uploadRefusal(headers(String(MAX_IMPORT_BYTES + MULTIPART_ALLOWANCE + 1)))?.messageKey, "import.tooLarge");
  });

  test("a 10 MB file with its multipart framing passes", () => {
    assert.equal(uploadRefusal(headers(String(MAX_IMPORT_BYTES + 2000))), null);
  });

  test("no or a malformed Content-Length is refused with 411 (a body of unknown size is not read)", () => {
    assert.equal(uploadRefusal(headers())?.status, 411);
    assert.equal(uploadRefusal(headers("12abc"))?.status, 411);
    assert.equal(uploadRefusal(headers("-1"))?.status, 411);
  });
});
