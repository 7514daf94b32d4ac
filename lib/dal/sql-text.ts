/** Escape `%`, `_` and `\` for a LIKE pattern written with `ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (c) => `\\${c}`);
}
