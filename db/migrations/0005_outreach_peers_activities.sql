CREATE TABLE `peer_registrations` (
	`peer_id` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`registered_on` text NOT NULL,
	`expires_on` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`peer_id`, `fiscal_year`),
	FOREIGN KEY (`peer_id`) REFERENCES `peer_supporters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "peer_registrations_dates" CHECK("peer_registrations"."registered_on" <= "peer_registrations"."expires_on")
);
--> statement-breakpoint
CREATE INDEX `peer_registrations_fy_idx` ON `peer_registrations` (`fiscal_year`);--> statement-breakpoint
CREATE TABLE `outreach_case_targets` (
	`outreach_case_id` text NOT NULL,
	`target` text NOT NULL,
	PRIMARY KEY(`outreach_case_id`, `target`),
	FOREIGN KEY (`outreach_case_id`) REFERENCES `outreach_cases`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "outreach_case_targets_target" CHECK("outreach_case_targets"."target" IN ('untreated', 'treatment_interrupted', 'post_long_stay', 'revolving_door', 'hikikomori', 'other_selected'))
);
--> statement-breakpoint
CREATE TABLE `outreach_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`case_no` text NOT NULL,
	`person_id` text NOT NULL,
	`prefecture_code` text NOT NULL,
	`office_id` text NOT NULL,
	`coordinator_user_id` text NOT NULL,
	`status` text NOT NULL,
	`primary_target` text NOT NULL,
	`team_kind` text NOT NULL,
	`team_name` text NOT NULL,
	`referral_date` text NOT NULL,
	`referral_source` text NOT NULL,
	`diagnosis_group` text,
	`diagnosis_suspected` integer DEFAULT false NOT NULL,
	`selection_conference_date` text,
	`start_date` text,
	`end_date` text,
	`end_reason` text,
	`gaf_start` integer,
	`gaf_end` integer,
	`last_contact_date` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coordinator_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outreach_cases_status" CHECK("outreach_cases"."status" IN ('referred', 'active', 'closed')),
	CONSTRAINT "outreach_cases_primary_target" CHECK("outreach_cases"."primary_target" IN ('untreated', 'treatment_interrupted', 'post_long_stay', 'revolving_door', 'hikikomori', 'other_selected')),
	CONSTRAINT "outreach_cases_team_kind" CHECK("outreach_cases"."team_kind" IN ('mhwc', 'contracted_hospital', 'health_center', 'other')),
	CONSTRAINT "outreach_cases_referral_source" CHECK("outreach_cases"."referral_source" IN ('hospital_psw', 'self', 'family', 'municipality', 'health_center', 'mhwc', 'soudan_office', 'welfare_office_cw', 'peer', 'hospital_survey', 'forensic', 'other')),
	CONSTRAINT "outreach_cases_diagnosis_group" CHECK("outreach_cases"."diagnosis_group" IS NULL OR "outreach_cases"."diagnosis_group" IN ('F0', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'G40', 'unknown')),
	CONSTRAINT "outreach_cases_end_reason" CHECK("outreach_cases"."end_reason" IS NULL OR "outreach_cases"."end_reason" IN ('goal_met', 'handed_over', 'refused', 'moved', 'admitted_long', 'death', 'other')),
	CONSTRAINT "outreach_cases_gaf" CHECK(("outreach_cases"."gaf_start" IS NULL OR "outreach_cases"."gaf_start" BETWEEN 1 AND 100) AND ("outreach_cases"."gaf_end" IS NULL OR "outreach_cases"."gaf_end" BETWEEN 1 AND 100)),
	CONSTRAINT "outreach_cases_dates_order" CHECK(("outreach_cases"."selection_conference_date" IS NULL OR "outreach_cases"."referral_date" <= "outreach_cases"."selection_conference_date")
      AND ("outreach_cases"."start_date" IS NULL OR "outreach_cases"."referral_date" <= "outreach_cases"."start_date")
      AND ("outreach_cases"."end_date" IS NULL OR "outreach_cases"."referral_date" <= "outreach_cases"."end_date")
      AND ("outreach_cases"."end_date" IS NULL OR "outreach_cases"."start_date" IS NULL OR "outreach_cases"."start_date" <= "outreach_cases"."end_date")),
	CONSTRAINT "outreach_cases_active_started" CHECK("outreach_cases"."status" <> 'active' OR "outreach_cases"."start_date" IS NOT NULL),
	CONSTRAINT "outreach_cases_closed_complete" CHECK(("outreach_cases"."status" = 'closed') = ("outreach_cases"."end_date" IS NOT NULL AND "outreach_cases"."end_reason" IS NOT NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outreach_cases_case_no_unique` ON `outreach_cases` (`case_no`);--> statement-breakpoint
CREATE INDEX `outreach_cases_office_status_idx` ON `outreach_cases` (`office_id`,`status`);--> statement-breakpoint
CREATE INDEX `outreach_cases_person_idx` ON `outreach_cases` (`person_id`);--> statement-breakpoint
CREATE INDEX `outreach_cases_coordinator_idx` ON `outreach_cases` (`coordinator_user_id`);--> statement-breakpoint
CREATE INDEX `outreach_cases_prefecture_idx` ON `outreach_cases` (`prefecture_code`);--> statement-breakpoint
CREATE INDEX `outreach_cases_referral_idx` ON `outreach_cases` (`referral_date`);--> statement-breakpoint
CREATE INDEX `outreach_cases_end_idx` ON `outreach_cases` (`end_date`);--> statement-breakpoint
CREATE TABLE `outreach_contact_professions` (
	`contact_id` text NOT NULL,
	`profession` text NOT NULL,
	PRIMARY KEY(`contact_id`, `profession`),
	FOREIGN KEY (`contact_id`) REFERENCES `outreach_contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "outreach_contact_professions_profession" CHECK("outreach_contact_professions"."profession" IN ('psychiatrist', 'nurse', 'phn', 'psw', 'ot', 'cp', 'peer', 'other'))
);
--> statement-breakpoint
CREATE TABLE `outreach_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`outreach_case_id` text NOT NULL,
	`date` text NOT NULL,
	`contact_type` text NOT NULL,
	`place` text,
	`minutes` integer,
	`met_person` integer NOT NULL,
	`summary` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`outreach_case_id`) REFERENCES `outreach_cases`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "outreach_contacts_type" CHECK("outreach_contacts"."contact_type" IN ('home_visit', 'accompany_clinic', 'family_interview', 'phone_mail', 'case_conference', 'liaison')),
	CONSTRAINT "outreach_contacts_minutes" CHECK("outreach_contacts"."minutes" IS NULL OR "outreach_contacts"."minutes" BETWEEN 0 AND 1440)
);
--> statement-breakpoint
CREATE INDEX `outreach_contacts_case_idx` ON `outreach_contacts` (`outreach_case_id`,`date`);--> statement-breakpoint
CREATE INDEX `outreach_contacts_date_idx` ON `outreach_contacts` (`date`);--> statement-breakpoint
CREATE TABLE `outreach_number_sequences` (
	`office_id` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`last_seq` integer NOT NULL,
	PRIMARY KEY(`office_id`, `fiscal_year`),
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `outreach_outcomes` (
	`id` text PRIMARY KEY NOT NULL,
	`outreach_case_id` text NOT NULL,
	`outcome` text NOT NULL,
	`date` text NOT NULL,
	`note` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`outreach_case_id`) REFERENCES `outreach_cases`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "outreach_outcomes_outcome" CHECK("outreach_outcomes"."outcome" IN ('engaged', 'linked_to_care', 'treatment_continued', 'service_started', 'handed_to_local', 'admitted_voluntary', 'admitted_involuntary', 'crisis_avoided', 'no_change'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outreach_outcomes_case_outcome_date_idx` ON `outreach_outcomes` (`outreach_case_id`,`outcome`,`date`);--> statement-breakpoint
CREATE TABLE `community_events` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`office_id` text,
	`kind` text NOT NULL,
	`subtype` text NOT NULL,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`venue` text,
	`participants` integer NOT NULL,
	`families` integer,
	`with_peers` integer DEFAULT false NOT NULL,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "community_events_kind" CHECK("community_events"."kind" IN ('awareness', 'family_support')),
	CONSTRAINT "community_events_subtype" CHECK("community_events"."subtype" IN ('seminar', 'lecture', 'forum', 'exchange', 'campaign', 'study_session', 'family_class', 'family_group_support', 'family_consultation')),
	CONSTRAINT "community_events_counts" CHECK("community_events"."participants" >= 0 AND ("community_events"."families" IS NULL OR "community_events"."families" >= 0))
);
--> statement-breakpoint
CREATE INDEX `community_events_prefecture_date_idx` ON `community_events` (`prefecture_code`,`date`);--> statement-breakpoint
CREATE INDEX `community_events_office_date_idx` ON `community_events` (`office_id`,`date`);--> statement-breakpoint
CREATE TABLE `hostel_months` (
	`prefecture_code` text NOT NULL,
	`month` text NOT NULL,
	`rooms` integer DEFAULT 2 NOT NULL,
	`unique_users` integer NOT NULL,
	`stays` integer NOT NULL,
	`nights_rest` integer DEFAULT 0 NOT NULL,
	`nights_refuge` integer DEFAULT 0 NOT NULL,
	`nights_trial_stay` integer DEFAULT 0 NOT NULL,
	`new_registrations` integer DEFAULT 0 NOT NULL,
	`consultations` integer DEFAULT 0 NOT NULL,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`prefecture_code`, `month`),
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "hostel_months_month" CHECK("hostel_months"."month" GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
	CONSTRAINT "hostel_months_counts" CHECK("hostel_months"."rooms" >= 1 AND "hostel_months"."unique_users" >= 0 AND "hostel_months"."unique_users" <= "hostel_months"."stays")
);
--> statement-breakpoint
CREATE TABLE `kyogi_bodies` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`level` text NOT NULL,
	`region_id` text,
	`municipality_code` text,
	`office_id` text,
	`name` text NOT NULL,
	`established_on` text,
	`active` integer DEFAULT true NOT NULL,
	`ended_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "kyogi_bodies_level" CHECK("kyogi_bodies"."level" IN ('prefecture', 'region', 'municipality')),
	CONSTRAINT "kyogi_bodies_ended" CHECK(("kyogi_bodies"."active" = 1 AND "kyogi_bodies"."ended_on" IS NULL) OR ("kyogi_bodies"."active" = 0 AND "kyogi_bodies"."ended_on" IS NOT NULL)),
	CONSTRAINT "kyogi_bodies_dates" CHECK("kyogi_bodies"."ended_on" IS NULL OR "kyogi_bodies"."established_on" IS NULL OR "kyogi_bodies"."established_on" <= "kyogi_bodies"."ended_on"),
	CONSTRAINT "kyogi_bodies_level_scope" CHECK(("kyogi_bodies"."level" = 'prefecture' AND "kyogi_bodies"."region_id" IS NULL AND "kyogi_bodies"."municipality_code" IS NULL)
        OR ("kyogi_bodies"."level" = 'region' AND "kyogi_bodies"."region_id" IS NOT NULL AND "kyogi_bodies"."municipality_code" IS NULL)
        OR ("kyogi_bodies"."level" = 'municipality' AND "kyogi_bodies"."municipality_code" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `kyogi_bodies_prefecture_idx` ON `kyogi_bodies` (`prefecture_code`,`level`);--> statement-breakpoint
CREATE INDEX `kyogi_bodies_region_idx` ON `kyogi_bodies` (`region_id`);--> statement-breakpoint
CREATE INDEX `kyogi_bodies_municipality_idx` ON `kyogi_bodies` (`municipality_code`);--> statement-breakpoint
CREATE INDEX `kyogi_bodies_office_idx` ON `kyogi_bodies` (`office_id`);--> statement-breakpoint
CREATE TABLE `meeting_attendance` (
	`meeting_id` text NOT NULL,
	`sector` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `sector`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "meeting_attendance_sector" CHECK("meeting_attendance"."sector" IN ('health', 'medical_psych', 'medical_other', 'welfare', 'care', 'person', 'peer', 'family', 'housing', 'government', 'other')),
	CONSTRAINT "meeting_attendance_count" CHECK("meeting_attendance"."count" > 0)
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`office_id` text,
	`kind` text NOT NULL,
	`kyogi_body_id` text,
	`region_id` text,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`venue` text,
	`agenda` text,
	`targets_reviewed` integer DEFAULT false NOT NULL,
	`cases_reviewed` integer,
	`advisor_dispatched` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`kyogi_body_id`) REFERENCES `kyogi_bodies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "meetings_kind" CHECK("meetings"."kind" IN ('kyogi', 'chiiki_ikou_suishin', 'ken_suishin_kaigi', 'region_liaison', 'core_member', 'hc_staff_liaison', 'case_review', 'outreach_case_review', 'outreach_liaison', 'outreach_evaluation', 'jiritsu_council', 'jiritsu_mh_subcommittee', 'other')),
	CONSTRAINT "meetings_cases_reviewed" CHECK("meetings"."cases_reviewed" IS NULL OR "meetings"."cases_reviewed" >= 0)
);
--> statement-breakpoint
CREATE INDEX `meetings_prefecture_date_idx` ON `meetings` (`prefecture_code`,`date`);--> statement-breakpoint
CREATE INDEX `meetings_office_date_idx` ON `meetings` (`office_id`,`date`);--> statement-breakpoint
CREATE INDEX `meetings_kind_idx` ON `meetings` (`kind`);--> statement-breakpoint
CREATE INDEX `meetings_kyogi_body_idx` ON `meetings` (`kyogi_body_id`);--> statement-breakpoint
CREATE INDEX `meetings_region_idx` ON `meetings` (`region_id`);--> statement-breakpoint
CREATE TABLE `municipal_kyogi_status` (
	`municipality_code` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`prefecture_code` text NOT NULL,
	`exists` integer NOT NULL,
	`established_on` text,
	`form` text,
	`meetings_held` integer,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`municipality_code`, `fiscal_year`),
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "municipal_kyogi_status_form" CHECK("municipal_kyogi_status"."form" IS NULL OR "municipal_kyogi_status"."form" IN ('single', 'joint', 'jiritsu_subcommittee', 'other')),
	CONSTRAINT "municipal_kyogi_status_consistent" CHECK("municipal_kyogi_status"."exists" = 1 OR ("municipal_kyogi_status"."form" IS NULL AND "municipal_kyogi_status"."established_on" IS NULL)),
	CONSTRAINT "municipal_kyogi_status_meetings" CHECK("municipal_kyogi_status"."meetings_held" IS NULL OR "municipal_kyogi_status"."meetings_held" >= 0)
);
--> statement-breakpoint
CREATE INDEX `municipal_kyogi_status_prefecture_fy_idx` ON `municipal_kyogi_status` (`prefecture_code`,`fiscal_year`);--> statement-breakpoint
CREATE TABLE `phone_line_months` (
	`prefecture_code` text NOT NULL,
	`month` text NOT NULL,
	`calls_total` integer NOT NULL,
	`unique_callers` integer,
	`band_day` integer DEFAULT 0 NOT NULL,
	`band_night` integer DEFAULT 0 NOT NULL,
	`band_late_night` integer DEFAULT 0 NOT NULL,
	`caller_self` integer DEFAULT 0 NOT NULL,
	`caller_family` integer DEFAULT 0 NOT NULL,
	`caller_agency` integer DEFAULT 0 NOT NULL,
	`topic_symptoms` integer DEFAULT 0 NOT NULL,
	`topic_medication` integer DEFAULT 0 NOT NULL,
	`topic_daily_life` integer DEFAULT 0 NOT NULL,
	`topic_relationships` integer DEFAULT 0 NOT NULL,
	`topic_anxiety` integer DEFAULT 0 NOT NULL,
	`topic_systems` integer DEFAULT 0 NOT NULL,
	`topic_other` integer DEFAULT 0 NOT NULL,
	`response_advice` integer DEFAULT 0 NOT NULL,
	`response_referral` integer DEFAULT 0 NOT NULL,
	`response_emergency` integer DEFAULT 0 NOT NULL,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`prefecture_code`, `month`),
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "phone_line_months_month" CHECK("phone_line_months"."month" GLOB '[12][0-9][0-9][0-9]-[01][0-9]'),
	CONSTRAINT "phone_line_months_unique" CHECK("phone_line_months"."calls_total" >= 0 AND ("phone_line_months"."unique_callers" IS NULL OR "phone_line_months"."unique_callers" <= "phone_line_months"."calls_total"))
);
--> statement-breakpoint
CREATE TABLE `training_attendance` (
	`training_event_id` text NOT NULL,
	`profession` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`training_event_id`, `profession`),
	FOREIGN KEY (`training_event_id`) REFERENCES `training_events`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "training_attendance_profession" CHECK("training_attendance"."profession" IN ('doctor', 'nurse', 'phn', 'psw', 'ot', 'cp', 'soudan', 'care_manager', 'municipal', 'peer', 'other')),
	CONSTRAINT "training_attendance_count" CHECK("training_attendance"."count" > 0)
);
--> statement-breakpoint
CREATE TABLE `training_event_cohosts` (
	`training_event_id` text NOT NULL,
	`office_id` text NOT NULL,
	PRIMARY KEY(`training_event_id`, `office_id`),
	FOREIGN KEY (`training_event_id`) REFERENCES `training_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_event_cohosts_office_idx` ON `training_event_cohosts` (`office_id`);--> statement-breakpoint
CREATE TABLE `training_events` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`office_id` text,
	`kind` text NOT NULL,
	`scope` text NOT NULL,
	`region_id` text,
	`date` text NOT NULL,
	`title` text NOT NULL,
	`venue` text,
	`sessions` integer DEFAULT 1 NOT NULL,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "training_events_kind" CHECK("training_events"."kind" IN ('jinzai_ikusei', 'chiiki_ikou_teichaku', 'central', 'peer_yousei', 'other')),
	CONSTRAINT "training_events_scope" CHECK("training_events"."scope" IN ('prefecture', 'region', 'office')),
	CONSTRAINT "training_events_sessions" CHECK("training_events"."sessions" >= 1),
	CONSTRAINT "training_events_region_scope" CHECK("training_events"."scope" <> 'region' OR "training_events"."region_id" IS NOT NULL),
	CONSTRAINT "training_events_office_scope" CHECK("training_events"."scope" <> 'office' OR "training_events"."office_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE INDEX `training_events_prefecture_date_idx` ON `training_events` (`prefecture_code`,`date`);--> statement-breakpoint
CREATE INDEX `training_events_office_date_idx` ON `training_events` (`office_id`,`date`);--> statement-breakpoint
CREATE INDEX `training_events_region_idx` ON `training_events` (`region_id`);--> statement-breakpoint
ALTER TABLE `peer_identities` ADD `kana_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `peer_identities_kana_idx` ON `peer_identities` (`kana_key`);