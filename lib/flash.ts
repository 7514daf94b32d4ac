import "server-only";
import { cookies } from "next/headers";
import { FLASH_COOKIE } from "@/components/ui/flash";
import type { MessageKey } from "@/lib/i18n/translate";

/** Leave a message for the next page the browser shows (read and cleared by the Toaster). */
export async function setFlash(key: MessageKey, tone: "success" | "error" | "info" = "success"): Promise<void> {
  (await cookies()).set(FLASH_COOKIE, `${key}|${tone}`, { path: "/", maxAge: 60, sameSite: "lax", httpOnly: false });
}
