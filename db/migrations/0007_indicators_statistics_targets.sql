CREATE TABLE `external_statistic_values` (
	`statistic_id` text NOT NULL,
	`metric` text NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`statistic_id`, `metric`),
	FOREIGN KEY (`statistic_id`) REFERENCES `external_statistics`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "external_statistic_values_metric" CHECK("external_statistic_values"."metric" IN ('population', 'psych_hospital_count', 'psych_bed_count', 'inpatients_total', 'inpatients_lt3m', 'inpatients_3to12m', 'inpatients_ge1y', 'inpatients_ge1y_u65', 'inpatients_ge1y_65plus', 'discharge_rate_3m', 'discharge_rate_6m', 'discharge_rate_12m', 'kikan_soudan_center_count', 'ippan_soudan_office_count', 'tokutei_soudan_office_count', 'community_days_avg')),
	CONSTRAINT "external_statistic_values_value" CHECK("external_statistic_values"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE `external_statistics` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`topic` text NOT NULL,
	`as_of` text,
	`cohort_year` integer,
	`method` text NOT NULL,
	`source_label` text NOT NULL,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "external_statistics_topic" CHECK("external_statistics"."topic" IN ('population', 'psych_hospitals', 'psych_beds', 'inpatients_630', 'discharge_rates', 'soudan_offices', 'community_days')),
	CONSTRAINT "external_statistics_method" CHECK("external_statistics"."method" IN ('survey_630', 'ndb_fy_cohort', 'june_cohort_630', 'medical_facility_survey', 'population_estimate', 'resident_register', 'prefecture_record', 'other')),
	CONSTRAINT "external_statistics_as_of" CHECK("external_statistics"."as_of" IS NULL OR "external_statistics"."as_of" GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	CONSTRAINT "external_statistics_reference" CHECK(("external_statistics"."as_of" IS NULL) <> ("external_statistics"."cohort_year" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `external_statistics_unique_idx` ON `external_statistics` (`prefecture_code`,`topic`,coalesce(`as_of`, ''),coalesce(`cohort_year`, 0));--> statement-breakpoint
CREATE INDEX `external_statistics_prefecture_idx` ON `external_statistics` (`prefecture_code`,`topic`);--> statement-breakpoint
CREATE TABLE `indicator_narratives` (
	`prefecture_code` text NOT NULL,
	`indicator_code` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`text` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`prefecture_code`, `indicator_code`, `fiscal_year`),
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `indicator_targets` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`indicator_code` text NOT NULL,
	`scope_level` text NOT NULL,
	`region_id` text,
	`office_id` text,
	`plan_period_id` text,
	`fiscal_year` integer NOT NULL,
	`comparator` text NOT NULL,
	`value` real,
	`text` text,
	`baseline_value` real,
	`baseline_fiscal_year` integer,
	`source` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_period_id`) REFERENCES `plan_periods`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "indicator_targets_scope_level" CHECK("indicator_targets"."scope_level" IN ('prefecture', 'region', 'office')),
	CONSTRAINT "indicator_targets_comparator" CHECK("indicator_targets"."comparator" IN ('gte', 'lte', 'eq', 'increase', 'decrease', 'qualitative')),
	CONSTRAINT "indicator_targets_scope" CHECK(("indicator_targets"."scope_level" = 'prefecture' AND "indicator_targets"."region_id" IS NULL AND "indicator_targets"."office_id" IS NULL)
        OR ("indicator_targets"."scope_level" = 'region' AND "indicator_targets"."region_id" IS NOT NULL AND "indicator_targets"."office_id" IS NULL)
        OR ("indicator_targets"."scope_level" = 'office' AND "indicator_targets"."office_id" IS NOT NULL AND "indicator_targets"."region_id" IS NULL)),
	CONSTRAINT "indicator_targets_value" CHECK(("indicator_targets"."comparator" = 'qualitative' AND "indicator_targets"."text" IS NOT NULL)
        OR ("indicator_targets"."comparator" IN ('gte','lte','eq') AND "indicator_targets"."value" IS NOT NULL)
        OR ("indicator_targets"."comparator" IN ('increase','decrease') AND "indicator_targets"."baseline_value" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_targets_unique_idx` ON `indicator_targets` (`prefecture_code`,`indicator_code`,`scope_level`,coalesce(`region_id`, `office_id`, ''),`fiscal_year`);--> statement-breakpoint
CREATE INDEX `indicator_targets_lookup_idx` ON `indicator_targets` (`prefecture_code`,`indicator_code`,`fiscal_year`);--> statement-breakpoint
CREATE INDEX `indicator_targets_region_idx` ON `indicator_targets` (`region_id`);--> statement-breakpoint
CREATE INDEX `indicator_targets_office_idx` ON `indicator_targets` (`office_id`);--> statement-breakpoint
CREATE INDEX `indicator_targets_period_idx` ON `indicator_targets` (`plan_period_id`);--> statement-breakpoint
CREATE TABLE `plan_periods` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`ordinal` integer NOT NULL,
	`start_fiscal_year` integer NOT NULL,
	`end_fiscal_year` integer NOT NULL,
	`label_ja` text NOT NULL,
	`label_en` text NOT NULL,
	CONSTRAINT "plan_periods_kind" CHECK("plan_periods"."kind" IN ('shogai_fukushi', 'iryo')),
	CONSTRAINT "plan_periods_years" CHECK("plan_periods"."start_fiscal_year" <= "plan_periods"."end_fiscal_year")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_periods_kind_ordinal_idx` ON `plan_periods` (`kind`,`ordinal`);--> statement-breakpoint
CREATE TABLE `prefecture_year_facts` (
	`prefecture_code` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`jiritsu_mh_subcommittee` integer,
	`hostel_unique_users` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`prefecture_code`, `fiscal_year`),
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "prefecture_year_facts_hostel" CHECK("prefecture_year_facts"."hostel_unique_users" IS NULL OR "prefecture_year_facts"."hostel_unique_users" >= 0)
);
--> statement-breakpoint
CREATE TABLE `sheet_indicators` (
	`prefecture_code` text NOT NULL,
	`indicator_code` text NOT NULL,
	`sort` integer NOT NULL,
	`heading` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`prefecture_code`, `indicator_code`),
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- reviewed (ADR 0018): children kept. care_plans is rebuilt to widen its status CHECK (提案中,
-- 同意拒否 for indicator C11); no table references care_plans, so the DROP cascades nothing.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_care_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`plan_type` text NOT NULL,
	`status` text NOT NULL,
	`created_date` text NOT NULL,
	`review_due_date` text,
	`period_end_date` text,
	`consent_date` text,
	`ended_on` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "care_plans_type" CHECK("__new_care_plans"."plan_type" IN ('chiiki_iko', 'service_use', 'hospital_discharge', 'post_discharge_gl')),
	CONSTRAINT "care_plans_status" CHECK("__new_care_plans"."status" IN ('proposed', 'consent_refused', 'drafting', 'active', 'extended', 'ended', 'consent_withdrawn', 'moved_out')),
	CONSTRAINT "care_plans_dates" CHECK("__new_care_plans"."period_end_date" IS NULL OR "__new_care_plans"."created_date" <= "__new_care_plans"."period_end_date")
);
--> statement-breakpoint
INSERT INTO `__new_care_plans`("id", "case_id", "plan_type", "status", "created_date", "review_due_date", "period_end_date", "consent_date", "ended_on", "created_by", "created_at") SELECT "id", "case_id", "plan_type", "status", "created_date", "review_due_date", "period_end_date", "consent_date", NULL, "created_by", "created_at" FROM `care_plans`;--> statement-breakpoint
DROP TABLE `care_plans`;--> statement-breakpoint
ALTER TABLE `__new_care_plans` RENAME TO `care_plans`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `care_plans_case_idx` ON `care_plans` (`case_id`);--> statement-breakpoint
CREATE INDEX `care_plans_review_idx` ON `care_plans` (`review_due_date`);--> statement-breakpoint
ALTER TABLE `peer_supporters` ADD `status_changed_on` text;--> statement-breakpoint
-- A withdrawal or pause recorded before this column existed is dated by the JST day of the
-- record's last change (updated_at is UTC); nothing changes a withdrawn record afterwards.
UPDATE `peer_supporters` SET `status_changed_on` = date(`updated_at`, '+9 hours') WHERE `status` IN ('withdrawn', 'paused');
