CREATE TABLE `account_change_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`office_ids` text NOT NULL,
	`change` text,
	`password_hash` text,
	`user_version` integer NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`reason` text,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "account_change_requests_kind" CHECK("account_change_requests"."kind" IN ('account_create', 'reactivate', 'access_change', 'password_reset', 'second_factor_reset')),
	CONSTRAINT "account_change_requests_status" CHECK("account_change_requests"."status" IN ('pending', 'approved', 'rejected')),
	CONSTRAINT "account_change_requests_decided" CHECK(("account_change_requests"."status" = 'pending') = ("account_change_requests"."decided_by" IS NULL)),
	CONSTRAINT "account_change_requests_rejected_reason" CHECK("account_change_requests"."status" <> 'rejected' OR length(trim("account_change_requests"."reason")) > 0),
	CONSTRAINT "account_change_requests_secret" CHECK("account_change_requests"."password_hash" IS NULL OR ("account_change_requests"."kind" = 'password_reset' AND "account_change_requests"."status" = 'pending')),
	CONSTRAINT "account_change_requests_office_ids" CHECK(json_valid("account_change_requests"."office_ids") AND json_type("account_change_requests"."office_ids") = 'array')
);
--> statement-breakpoint
CREATE INDEX `account_change_requests_user_idx` ON `account_change_requests` (`user_id`);--> statement-breakpoint
CREATE INDEX `account_change_requests_prefecture_idx` ON `account_change_requests` (`prefecture_code`,`status`);--> statement-breakpoint
CREATE INDEX `account_change_requests_requested_by_idx` ON `account_change_requests` (`requested_by`);--> statement-breakpoint
CREATE INDEX `account_change_requests_decided_by_idx` ON `account_change_requests` (`decided_by`);--> statement-breakpoint
CREATE UNIQUE INDEX `account_change_requests_one_pending_idx` ON `account_change_requests` (`user_id`) WHERE status = 'pending';--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;