export { formatMonth as monthLabel } from "@/lib/domain/format";

/** Fields of a monthly table whose year total is no sum of the months (a count of rooms). */
export const NOT_SUMMED = new Set(["rooms"]);
