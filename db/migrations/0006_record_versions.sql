ALTER TABLE `case_activities` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `case_activities` ADD `updated_by` text;--> statement-breakpoint
ALTER TABLE `case_activities` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `outreach_contacts` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `outreach_contacts` ADD `updated_by` text;--> statement-breakpoint
ALTER TABLE `outreach_contacts` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `outreach_outcomes` ADD `version` integer DEFAULT 1 NOT NULL;