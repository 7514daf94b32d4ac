import type { Rng } from "@/db/seed/random";
import type { IdSource } from "./ids";
import type { PersonWriter } from "./people";
import type { RowSink } from "./writer";

/** What every generator of a record family shares (ADR 0048). */
export type Ctx = {
  w: RowSink;
  rng: Rng;
  ids: IdSource;
  people: PersonWriter;
  /**
   * Today (the app's, JST) as a day number, and the latest time stamp a row gets: the start of
   * today in JST, so that the rows are a function of the seed and the day, not of the minute.
   */
  today: number;
  nowIso: string;
  /** The ten fiscal years, oldest first, ending with the current one. */
  fiscalYears: number[];
  /** Activities per case: at most this many, one every [lo, hi] days of the case's life. */
  maxActivities: number;
  activityGap: [number, number];
  /** The share of activities (after the first) with a written summary. */
  summaryShare: number;
};

export type Office = {
  id: string;
  code: string;
  name: string;
  kind: string;
  prefectureCode: string;
  regionId: string;
  casePrefix: string;
  municipalities: { code: string; name: string }[];
  coordinatorIds: string[];
  nearHospitals: string[];
  prefectureHospitals: string[];
};
