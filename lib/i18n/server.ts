import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import type { Locale } from "@/lib/domain/codes";
import { LOCALE_COOKIE, toLocale } from "./locale";
import { catalogs } from "./messages";
import { makeTranslate, type Translate } from "./translate";

export const getLocale = cache(async (): Promise<Locale> => toLocale((await cookies()).get(LOCALE_COOKIE)?.value));

export const getT = cache(async (): Promise<Translate> => makeTranslate(catalogs[await getLocale()]));
