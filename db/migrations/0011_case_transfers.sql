CREATE TABLE `case_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`from_office_id` text NOT NULL,
	`to_office_id` text NOT NULL,
	`reason` text NOT NULL,
	`status` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decision_note` text,
	`effective_date` text,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "case_transfers_status" CHECK("case_transfers"."status" IN ('requested', 'accepted', 'declined', 'cancelled')),
	CONSTRAINT "case_transfers_offices_differ" CHECK("case_transfers"."from_office_id" <> "case_transfers"."to_office_id"),
	CONSTRAINT "case_transfers_accepted_dated" CHECK(("case_transfers"."status" = 'accepted') = ("case_transfers"."effective_date" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `case_transfers_case_idx` ON `case_transfers` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_transfers_from_idx` ON `case_transfers` (`from_office_id`,`status`);--> statement-breakpoint
CREATE INDEX `case_transfers_to_idx` ON `case_transfers` (`to_office_id`,`status`);--> statement-breakpoint
CREATE INDEX `case_transfers_requested_by_idx` ON `case_transfers` (`requested_by`);--> statement-breakpoint
CREATE INDEX `case_transfers_decided_by_idx` ON `case_transfers` (`decided_by`);--> statement-breakpoint
CREATE UNIQUE INDEX `case_transfers_one_open_idx` ON `case_transfers` (`case_id`) WHERE status = 'requested';