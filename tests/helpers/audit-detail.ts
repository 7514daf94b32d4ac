import { readAuditDetail } from "@/lib/dal/audit";

/** An audit row's detail as the app reads it (sealed parts decrypted, ADR 0040), loosely typed like JSON.parse. */
export function detailOf(row: { detail: string | null }): ReturnType<typeof JSON.parse> {
  return readAuditDetail(row) ?? {};
}
