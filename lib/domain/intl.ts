/*
 * Intl formatters made once and kept (issue 14). Building an Intl.DateTimeFormat or NumberFormat
 * costs a few hundred microseconds, using one a few: a list that built one per date or per figure
 * spent milliseconds per page on it. Every formatter with options comes from here; the lint rule
 * in eslint.config.mjs forbids building one anywhere else (and `toLocaleString` with options,
 * which builds one per call).
 */

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function kept<F>(store: Map<string, F>, locale: string, options: object, make: () => F): F {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = store.get(key);
  if (!format) {
    format = make();
    store.set(key, format);
  }
  return format;
}

/** The NumberFormat of these locale and options, made at first use. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  // eslint-disable-next-line no-restricted-syntax -- the one place formatters are built
  return kept(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

/** The DateTimeFormat of these locale and options, made at first use. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  // eslint-disable-next-line no-restricted-syntax -- the one place formatters are built
  return kept(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}
