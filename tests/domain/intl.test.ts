import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { dateTimeFormat, numberFormat } from "@/lib/domain/intl";
import { formatDate, formatDateTime } from "@/lib/domain/format";

describe("kept Intl formatters (issue 14)", () => {
  it("builds a formatter once per locale and options", () => {
    assert.equal(numberFormat("ja-JP", { maximumFractionDigits: 1 }), numberFormat("ja-JP", { maximumFractionDigits: 1 }));
    assert.notEqual(numberFormat("ja-JP", { maximumFractionDigits: 1 }), numberFormat("ja-JP", { maximumFractionDigits: 2 }));
    assert.notEqual(numberFormat("ja-JP"), numberFormat("en-GB"));
    assert.equal(dateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }), dateTimeFormat("en-GB", { month: "short", timeZone: "UTC" }));
  });

  it("formats as a new formatter would", () => {
    assert.equal(numberFormat("ja-JP", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(1234.56), "1,234.6");
    assert.equal(formatDate("2024-04-10", "en"), "10 Apr 2024");
    assert.equal(formatDate("2024-04-10", "ja"), "2024/04/10");
    assert.equal(formatDateTime("2024-04-09T15:30:00.000Z", "ja"), "2024/04/10 00:30");
  });
});
