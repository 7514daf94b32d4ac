const BASE = "http://tsunagu.invalid";

/**
 * A same-site path to redirect to, or `fallback`. Resolving against a dummy origin catches
 * every trick a browser would follow off-site (`//host`, `/\host`, `https:`, tabs and
 * newlines); a path the URL parser normalised to start with `//` is collapsed back to one slash.
 */
export function safeLocalPath(input: string | null | undefined, fallback = "/"): string {
  if (!input) return fallback;
  try {
    const url = new URL(input, BASE);
    if (url.origin !== BASE) return fallback;
    return url.pathname.replace(/^\/+/, "/") + url.search + url.hash;
  } catch {
    return fallback;
  }
}
