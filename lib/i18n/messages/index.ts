import type { Locale } from "@/lib/domain/codes";
import type { Messages } from "../translate";
import { en } from "./en";
import { ja } from "./ja";

export const catalogs: Record<Locale, Messages> = { ja, en };
