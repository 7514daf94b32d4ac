import type { StatisticMethod, StatisticTopic } from "@/lib/domain/statistic-codes";

/** The method a new set of a topic starts with (the usual source of such figures); the user may change it. */
export const DEFAULT_METHOD: Readonly<Record<StatisticTopic, StatisticMethod>> = {
  population: "population_estimate",
  psych_hospitals: "prefecture_record",
  psych_beds: "medical_facility_survey",
  inpatients_630: "survey_630",
  discharge_rates: "ndb_fy_cohort",
  soudan_offices: "prefecture_record",
  community_days: "ndb_fy_cohort",
};

/** The source label a new set of a topic starts with, where the sheets print a fixed one. */
export const DEFAULT_SOURCE: Readonly<Partial<Record<StatisticTopic, string>>> = {
  inpatients_630: "630調査",
};
