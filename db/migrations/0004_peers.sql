CREATE TABLE `peer_activities` (
	`peer_id` text NOT NULL,
	`purpose` text NOT NULL,
	PRIMARY KEY(`peer_id`, `purpose`),
	FOREIGN KEY (`peer_id`) REFERENCES `peer_supporters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "peer_activities_purpose" CHECK("peer_activities"."purpose" IN ('inhospital_salon', 'group_work', 'testimony', 'individual_accompany', 'kyogi_member', 'training_lecturer', 'awareness_event', 'hospital_community_exchange', 'other'))
);
--> statement-breakpoint
CREATE TABLE `peer_areas` (
	`peer_id` text NOT NULL,
	`region_id` text NOT NULL,
	PRIMARY KEY(`peer_id`, `region_id`),
	FOREIGN KEY (`peer_id`) REFERENCES `peer_supporters`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `peer_areas_region_idx` ON `peer_areas` (`region_id`);--> statement-breakpoint
CREATE TABLE `peer_dispatch_members` (
	`dispatch_id` text NOT NULL,
	`peer_id` text NOT NULL,
	`hours` real,
	`honorarium_yen` integer,
	`travel_yen` integer,
	PRIMARY KEY(`dispatch_id`, `peer_id`),
	FOREIGN KEY (`dispatch_id`) REFERENCES `peer_dispatches`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`peer_id`) REFERENCES `peer_supporters`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "peer_dispatch_members_amounts" CHECK(("peer_dispatch_members"."hours" IS NULL OR "peer_dispatch_members"."hours" >= 0) AND ("peer_dispatch_members"."honorarium_yen" IS NULL OR "peer_dispatch_members"."honorarium_yen" >= 0) AND ("peer_dispatch_members"."travel_yen" IS NULL OR "peer_dispatch_members"."travel_yen" >= 0))
);
--> statement-breakpoint
CREATE INDEX `peer_dispatch_members_peer_idx` ON `peer_dispatch_members` (`peer_id`);--> statement-breakpoint
CREATE TABLE `peer_dispatches` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`office_id` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text,
	`end_time` text,
	`requesting_org` text,
	`destination_kind` text NOT NULL,
	`hospital_id` text,
	`destination_name` text,
	`purpose` text NOT NULL,
	`audience_count` integer,
	`case_id` text,
	`status` text NOT NULL,
	`report` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hospital_id`) REFERENCES `hospitals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "peer_dispatches_status" CHECK("peer_dispatches"."status" IN ('requested', 'scheduled', 'done', 'cancelled')),
	CONSTRAINT "peer_dispatches_purpose" CHECK("peer_dispatches"."purpose" IN ('inhospital_salon', 'group_work', 'testimony', 'individual_accompany', 'kyogi_member', 'training_lecturer', 'awareness_event', 'hospital_community_exchange', 'other')),
	CONSTRAINT "peer_dispatches_destination_kind" CHECK("peer_dispatches"."destination_kind" IN ('hospital', 'facility', 'venue')),
	CONSTRAINT "peer_dispatches_destination" CHECK(("peer_dispatches"."destination_kind" = 'hospital' AND "peer_dispatches"."hospital_id" IS NOT NULL) OR ("peer_dispatches"."destination_kind" <> 'hospital' AND "peer_dispatches"."destination_name" IS NOT NULL)),
	CONSTRAINT "peer_dispatches_times" CHECK("peer_dispatches"."start_time" IS NULL OR "peer_dispatches"."end_time" IS NULL OR "peer_dispatches"."start_time" <= "peer_dispatches"."end_time"),
	CONSTRAINT "peer_dispatches_audience" CHECK("peer_dispatches"."audience_count" IS NULL OR "peer_dispatches"."audience_count" >= 0)
);
--> statement-breakpoint
CREATE INDEX `peer_dispatches_office_date_idx` ON `peer_dispatches` (`office_id`,`date`);--> statement-breakpoint
CREATE INDEX `peer_dispatches_status_idx` ON `peer_dispatches` (`status`);--> statement-breakpoint
CREATE INDEX `peer_dispatches_hospital_idx` ON `peer_dispatches` (`hospital_id`);--> statement-breakpoint
CREATE INDEX `peer_dispatches_case_idx` ON `peer_dispatches` (`case_id`);--> statement-breakpoint
CREATE INDEX `peer_dispatches_prefecture_idx` ON `peer_dispatches` (`prefecture_code`);--> statement-breakpoint
CREATE TABLE `peer_identities` (
	`peer_id` text PRIMARY KEY NOT NULL,
	`family_name` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name_kana` text NOT NULL,
	`given_name_kana` text NOT NULL,
	`phone` text,
	`email` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`peer_id`) REFERENCES `peer_supporters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `peer_supporters` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`office_id` text NOT NULL,
	`display_code` text NOT NULL,
	`registered_on` text NOT NULL,
	`registration_fy` integer NOT NULL,
	`expires_on` text NOT NULL,
	`status` text NOT NULL,
	`consent_date` text,
	`volunteer_insurance_until` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "peer_supporters_status" CHECK("peer_supporters"."status" IN ('active', 'paused', 'expired', 'withdrawn')),
	CONSTRAINT "peer_supporters_dates" CHECK("peer_supporters"."registered_on" <= "peer_supporters"."expires_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `peer_supporters_office_code_idx` ON `peer_supporters` (`office_id`,`display_code`);--> statement-breakpoint
CREATE INDEX `peer_supporters_prefecture_idx` ON `peer_supporters` (`prefecture_code`);--> statement-breakpoint
CREATE INDEX `peer_supporters_status_idx` ON `peer_supporters` (`status`,`expires_on`);--> statement-breakpoint
CREATE TABLE `peer_trainings` (
	`id` text PRIMARY KEY NOT NULL,
	`peer_id` text NOT NULL,
	`kind` text NOT NULL,
	`completed_on` text NOT NULL,
	FOREIGN KEY (`peer_id`) REFERENCES `peer_supporters`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "peer_trainings_kind" CHECK("peer_trainings"."kind" IN ('peer_yousei', 'peer_followup', 'peer_support_kiso', 'peer_support_senmon'))
);
--> statement-breakpoint
CREATE INDEX `peer_trainings_peer_idx` ON `peer_trainings` (`peer_id`);