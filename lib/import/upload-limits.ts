import { MAX_IMPORT_BYTES } from "./file";

/** Room for the multipart framing (boundaries, part headers, the reason field) around a 10 MB file. */
export const MULTIPART_ALLOWANCE = 64 * 1024;

/**
 * Whether an upload is refused by its headers alone, before a byte of its body is read: no
 * Content-Length (411: a body whose size is not declared is not read), or one over the limit (413).
 */
export function uploadRefusal(headers: Headers): { status: 411 | 413; error: "length_required" | "too_large"; messageKey: "import.lengthRequired" | "import.tooLarge" } | null {
  const length = headers.get("content-length");
  if (length === null || !/^\d+$/.test(length.trim())) return { status: 411, error: "length_required", messageKey: "import.lengthRequired" };
  if (Number(length) > MAX_IMPORT_BYTES + MULTIPART_ALLOWANCE) return { status: 413, error: "too_large", messageKey: "import.tooLarge" };
  return null;
}
