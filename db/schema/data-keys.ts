import { sql } from "drizzle-orm";
import { check, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The data keys of encryption at rest (ADR 0040): the id of the current key (its material is
 * outside the database: TSUNAGU_DATA_KEY or data.key) and the retired keys, each `wrapped` (an
 * envelope of the key) under the current key, so data written before a rotation stays readable.
 */
export const dataKeys = sqliteTable(
  "data_keys",
  {
    id: text("id").primaryKey(),
    state: text("state", { enum: ["current", "retired"] }).notNull(),
    wrapped: text("wrapped"),
    createdAt: text("created_at").notNull(),
    retiredAt: text("retired_at"),
  },
  (t) => [check("data_keys_state", sql`${t.state} IN ('current', 'retired') AND (${t.state} = 'current') = (${t.wrapped} IS NULL)`)],
);
