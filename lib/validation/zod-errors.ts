import { z } from "zod";

/*
 * The safety net under every schema in lib/validation: an issue a schema did not word itself
 * (a raw "Invalid input: expected number, received NaN", a missing field) becomes the catalog's
 * generic `validation.invalid` instead of zod's English. Schemas still give their own keys; this
 * applies only where they did not (zod uses a schema's own message first). Imported by
 * fields.ts and dates.ts, which every schema module imports, so it is in force in the browser
 * and on the server alike; tests/validation/catalog-messages.test.ts checks no raw message is left.
 */
export const GENERIC_INVALID = "validation.invalid";

z.config({ customError: () => GENERIC_INVALID });
