CREATE TABLE `hospitals` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`name` text NOT NULL,
	`municipality_code` text,
	`psych_beds` integer,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hospitals_psych_beds" CHECK("hospitals"."psych_beds" IS NULL OR "hospitals"."psych_beds" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `hospitals_prefecture_name_idx` ON `hospitals` (`prefecture_code`,`name`);--> statement-breakpoint
CREATE INDEX `hospitals_municipality_idx` ON `hospitals` (`municipality_code`);--> statement-breakpoint
CREATE TABLE `care_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`plan_type` text NOT NULL,
	`status` text NOT NULL,
	`created_date` text NOT NULL,
	`review_due_date` text,
	`period_end_date` text,
	`consent_date` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "care_plans_type" CHECK("care_plans"."plan_type" IN ('chiiki_iko', 'service_use', 'hospital_discharge', 'post_discharge_gl')),
	CONSTRAINT "care_plans_status" CHECK("care_plans"."status" IN ('drafting', 'active', 'extended', 'ended', 'consent_withdrawn', 'moved_out')),
	CONSTRAINT "care_plans_dates" CHECK("care_plans"."period_end_date" IS NULL OR "care_plans"."created_date" <= "care_plans"."period_end_date")
);
--> statement-breakpoint
CREATE INDEX `care_plans_case_idx` ON `care_plans` (`case_id`);--> statement-breakpoint
CREATE INDEX `care_plans_review_idx` ON `care_plans` (`review_due_date`);--> statement-breakpoint
CREATE TABLE `case_activities` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`date` text NOT NULL,
	`activity_type` text NOT NULL,
	`minutes` integer,
	`staff_user_id` text,
	`with_peer` integer DEFAULT false NOT NULL,
	`summary` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "case_activities_type" CHECK("case_activities"."activity_type" IN ('ward_visit', 'inhospital_care_meeting', 'individual_support_meeting', 'outing_accompany', 'housing_viewing', 'trial_use_accompany', 'office_procedure_accompany', 'phone', 'family_interview', 'discharge_committee', 'other')),
	CONSTRAINT "case_activities_minutes" CHECK("case_activities"."minutes" IS NULL OR "case_activities"."minutes" BETWEEN 0 AND 1440)
);
--> statement-breakpoint
CREATE INDEX `case_activities_case_idx` ON `case_activities` (`case_id`,`date`);--> statement-breakpoint
CREATE INDEX `case_activities_staff_idx` ON `case_activities` (`staff_user_id`);--> statement-breakpoint
CREATE TABLE `case_number_sequences` (
	`office_id` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`last_seq` integer NOT NULL,
	PRIMARY KEY(`office_id`, `fiscal_year`),
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_phase_events` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`from_phase` text,
	`phase` text NOT NULL,
	`date` text NOT NULL,
	`note` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "case_phase_events_phase" CHECK("case_phase_events"."phase" IN ('identified', 'assessment', 'engagement', 'preparation', 'discharged', 'settling', 'closed', 'suspended')),
	CONSTRAINT "case_phase_events_from_phase" CHECK("case_phase_events"."from_phase" IS NULL OR "case_phase_events"."from_phase" IN ('identified', 'assessment', 'engagement', 'preparation', 'discharged', 'settling', 'closed', 'suspended'))
);
--> statement-breakpoint
CREATE INDEX `case_phase_events_case_idx` ON `case_phase_events` (`case_id`,`date`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`case_no` text NOT NULL,
	`person_id` text NOT NULL,
	`prefecture_code` text NOT NULL,
	`office_id` text NOT NULL,
	`coordinator_user_id` text NOT NULL,
	`phase` text NOT NULL,
	`referral_date` text NOT NULL,
	`referral_source` text NOT NULL,
	`hospital_id` text NOT NULL,
	`ward_type` text,
	`index_admission_date` text NOT NULL,
	`admission_date_precision` text NOT NULL,
	`admission_type` text,
	`diagnosis_group` text,
	`techo_grade` text,
	`support_category` text,
	`consent_date` text,
	`consent_scope` text,
	`support_start_date` text NOT NULL,
	`planned_discharge_date` text,
	`discharge_date` text,
	`discharge_destination` text,
	`living_arrangement_after` text,
	`end_date` text,
	`end_reason` text,
	`last_activity_date` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coordinator_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hospital_id`) REFERENCES `hospitals`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "cases_phase" CHECK("cases"."phase" IN ('identified', 'assessment', 'engagement', 'preparation', 'discharged', 'settling', 'closed', 'suspended')),
	CONSTRAINT "cases_referral_source" CHECK("cases"."referral_source" IN ('hospital_psw', 'self', 'family', 'municipality', 'health_center', 'mhwc', 'soudan_office', 'welfare_office_cw', 'peer', 'hospital_survey', 'forensic', 'other')),
	CONSTRAINT "cases_ward_type" CHECK("cases"."ward_type" IS NULL OR "cases"."ward_type" IN ('psych_acute', 'psych_general', 'psych_recuperation', 'dementia', 'community_transition', 'psych_community_care', 'other')),
	CONSTRAINT "cases_admission_precision" CHECK("cases"."admission_date_precision" IN ('day', 'month', 'year')),
	CONSTRAINT "cases_admission_type" CHECK("cases"."admission_type" IS NULL OR "cases"."admission_type" IN ('voluntary', 'medical_protection', 'involuntary_measures', 'emergency_measures', 'urgent', 'forensic', 'unknown')),
	CONSTRAINT "cases_diagnosis_group" CHECK("cases"."diagnosis_group" IS NULL OR "cases"."diagnosis_group" IN ('F0', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'G40', 'unknown')),
	CONSTRAINT "cases_techo_grade" CHECK("cases"."techo_grade" IS NULL OR "cases"."techo_grade" IN ('grade1', 'grade2', 'grade3', 'none', 'applying', 'unknown')),
	CONSTRAINT "cases_support_category" CHECK("cases"."support_category" IS NULL OR "cases"."support_category" IN ('not_applicable', 'level1', 'level2', 'level3', 'level4', 'level5', 'level6', 'not_applied')),
	CONSTRAINT "cases_consent_scope" CHECK("cases"."consent_scope" IS NULL OR "cases"."consent_scope" IN ('support_and_sharing', 'support_only', 'verbal')),
	CONSTRAINT "cases_discharge_destination" CHECK("cases"."discharge_destination" IS NULL OR "cases"."discharge_destination" IN ('home_alone', 'home_family', 'rental_apartment', 'public_housing', 'group_home', 'residential_training', 'disability_facility', 'elderly_facility_ltc', 'elderly_housing', 'relief_facility', 'transfer_psych', 'transfer_other', 'death', 'other')),
	CONSTRAINT "cases_living_arrangement" CHECK("cases"."living_arrangement_after" IS NULL OR "cases"."living_arrangement_after" IN ('alone', 'with_family', 'group_home', 'facility', 'other')),
	CONSTRAINT "cases_end_reason" CHECK("cases"."end_reason" IS NULL OR "cases"."end_reason" IN ('settled', 'handed_over', 'withdrew', 'condition_worsened', 'long_term_care', 'transferred_out', 'death', 'other')),
	CONSTRAINT "cases_dates_order" CHECK("cases"."index_admission_date" <= "cases"."referral_date" AND "cases"."referral_date" <= "cases"."support_start_date"
      AND ("cases"."discharge_date" IS NULL OR "cases"."support_start_date" <= "cases"."discharge_date")
      AND ("cases"."end_date" IS NULL OR "cases"."end_date" >= coalesce("cases"."discharge_date", "cases"."support_start_date"))),
	CONSTRAINT "cases_discharge_complete" CHECK(("cases"."discharge_date" IS NULL) = ("cases"."discharge_destination" IS NULL)),
	CONSTRAINT "cases_closed_complete" CHECK(("cases"."phase" = 'closed') = ("cases"."end_date" IS NOT NULL AND "cases"."end_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_case_no_unique` ON `cases` (`case_no`);--> statement-breakpoint
CREATE INDEX `cases_office_phase_idx` ON `cases` (`office_id`,`phase`);--> statement-breakpoint
CREATE INDEX `cases_coordinator_idx` ON `cases` (`coordinator_user_id`);--> statement-breakpoint
CREATE INDEX `cases_person_idx` ON `cases` (`person_id`);--> statement-breakpoint
CREATE INDEX `cases_hospital_idx` ON `cases` (`hospital_id`);--> statement-breakpoint
CREATE INDEX `cases_prefecture_idx` ON `cases` (`prefecture_code`);--> statement-breakpoint
CREATE INDEX `cases_support_start_idx` ON `cases` (`support_start_date`);--> statement-breakpoint
CREATE INDEX `cases_end_date_idx` ON `cases` (`end_date`);--> statement-breakpoint
CREATE INDEX `cases_last_activity_idx` ON `cases` (`last_activity_date`);--> statement-breakpoint
CREATE TABLE `follow_up_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`offset_months` integer NOT NULL,
	`due_date` text NOT NULL,
	`checked_date` text,
	`status` text,
	`note` text,
	`updated_by` text,
	`updated_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "follow_up_checks_offset" CHECK("follow_up_checks"."offset_months" IN (1, 3, 6, 12)),
	CONSTRAINT "follow_up_checks_status" CHECK("follow_up_checks"."status" IS NULL OR "follow_up_checks"."status" IN ('living_in_community', 'readmitted', 'deceased', 'moved', 'unreachable')),
	CONSTRAINT "follow_up_checks_recorded" CHECK(("follow_up_checks"."checked_date" IS NULL) = ("follow_up_checks"."status" IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_up_checks_case_offset_idx` ON `follow_up_checks` (`case_id`,`offset_months`);--> statement-breakpoint
CREATE INDEX `follow_up_checks_due_idx` ON `follow_up_checks` (`due_date`);--> statement-breakpoint
CREATE TABLE `hospitalizations` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`hospital_id` text NOT NULL,
	`admission_date` text NOT NULL,
	`discharge_date` text,
	`admission_type` text,
	`is_index` integer DEFAULT false NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hospital_id`) REFERENCES `hospitals`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hospitalizations_admission_type" CHECK("hospitalizations"."admission_type" IS NULL OR "hospitalizations"."admission_type" IN ('voluntary', 'medical_protection', 'involuntary_measures', 'emergency_measures', 'urgent', 'forensic', 'unknown')),
	CONSTRAINT "hospitalizations_dates" CHECK("hospitalizations"."discharge_date" IS NULL OR "hospitalizations"."admission_date" <= "hospitalizations"."discharge_date")
);
--> statement-breakpoint
CREATE INDEX `hospitalizations_case_idx` ON `hospitalizations` (`case_id`,`admission_date`);--> statement-breakpoint
CREATE INDEX `hospitalizations_hospital_idx` ON `hospitalizations` (`hospital_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `hospitalizations_one_index_per_case` ON `hospitalizations` (`case_id`) WHERE "hospitalizations"."is_index" = 1;--> statement-breakpoint
CREATE TABLE `person_identities` (
	`person_id` text PRIMARY KEY NOT NULL,
	`family_name` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name_kana` text NOT NULL,
	`given_name_kana` text NOT NULL,
	`kana_key` text NOT NULL,
	`date_of_birth` text,
	`phone` text,
	`address` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "person_identities_dob" CHECK("person_identities"."date_of_birth" IS NULL OR "person_identities"."date_of_birth" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE INDEX `person_identities_kana_idx` ON `person_identities` (`kana_key`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`office_id` text NOT NULL,
	`birth_year_month` text NOT NULL,
	`sex` text NOT NULL,
	`municipality_code` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "persons_sex" CHECK("persons"."sex" IN ('male', 'female', 'other', 'unknown')),
	CONSTRAINT "persons_birth_year_month" CHECK("persons"."birth_year_month" GLOB '[12][0-9][0-9][0-9]-[01][0-9]')
);
--> statement-breakpoint
CREATE INDEX `persons_office_idx` ON `persons` (`office_id`);--> statement-breakpoint
CREATE INDEX `persons_prefecture_idx` ON `persons` (`prefecture_code`);--> statement-breakpoint
CREATE INDEX `persons_municipality_idx` ON `persons` (`municipality_code`);--> statement-breakpoint
CREATE TABLE `trial_stays` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`place_type` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`outcome` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "trial_stays_kind" CHECK("trial_stays"."kind" IN ('experience_stay', 'trial_leave', 'experience_use')),
	CONSTRAINT "trial_stays_place" CHECK("trial_stays"."place_type" IN ('group_home', 'trial_room', 'hostel', 'home', 'residential_training', 'other')),
	CONSTRAINT "trial_stays_outcome" CHECK("trial_stays"."outcome" IS NULL OR "trial_stays"."outcome" IN ('as_planned', 'returned_early', 'cancelled')),
	CONSTRAINT "trial_stays_dates" CHECK("trial_stays"."start_date" <= "trial_stays"."end_date")
);
--> statement-breakpoint
CREATE INDEX `trial_stays_case_idx` ON `trial_stays` (`case_id`,`start_date`);--> statement-breakpoint
ALTER TABLE `health_centers` ADD `case_prefix` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Databases created before case numbers existed: give their offices the prefixes of org-units.json.
UPDATE `health_centers` SET `case_prefix` = 'BZ' WHERE `id` = '33-bizen';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'TB' WHERE `id` = '33-tobi';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'BC' WHERE `id` = '33-bitchu';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'IK' WHERE `id` = '33-ikasa';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'BH' WHERE `id` = '33-bihoku';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'NM' WHERE `id` = '33-niimi';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'MN' WHERE `id` = '33-maniwa';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'MS' WHERE `id` = '33-mimasaka';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'SE' WHERE `id` = '33-shoei';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'OC' WHERE `id` = '33-okayama-city';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'KC' WHERE `id` = '33-kurashiki-city';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'IW' WHERE `id` = '35-iwakuni';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'YN' WHERE `id` = '35-yanai';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'SN' WHERE `id` = '35-shunan';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'YG' WHERE `id` = '35-yamaguchi';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'HF' WHERE `id` = '35-hofu';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'UB' WHERE `id` = '35-ube';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'NG' WHERE `id` = '35-nagato';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'HG' WHERE `id` = '35-hagi';--> statement-breakpoint
UPDATE `health_centers` SET `case_prefix` = 'SM' WHERE `id` = '35-shimonoseki-city';--> statement-breakpoint
CREATE UNIQUE INDEX `health_centers_prefecture_case_prefix_idx` ON `health_centers` (`prefecture_code`,`case_prefix`);