CREATE TABLE `restatements` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`office_id` text,
	`fiscal_year` integer NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`changes` text NOT NULL,
	`reason` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "restatements_action" CHECK("restatements"."action" IN ('create', 'update', 'delete')),
	CONSTRAINT "restatements_reason" CHECK(length(trim("restatements"."reason")) > 0),
	CONSTRAINT "restatements_fiscal_year" CHECK("restatements"."fiscal_year" BETWEEN 2000 AND 2099)
);
--> statement-breakpoint
CREATE INDEX `restatements_prefecture_year_idx` ON `restatements` (`prefecture_code`,`fiscal_year`);--> statement-breakpoint
CREATE INDEX `restatements_office_idx` ON `restatements` (`office_id`);--> statement-breakpoint
CREATE INDEX `restatements_entity_idx` ON `restatements` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE TABLE `year_lock_events` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`action` text NOT NULL,
	`reason` text,
	`acted_by` text NOT NULL,
	`acted_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "year_lock_events_action" CHECK("year_lock_events"."action" IN ('lock', 'unlock')),
	CONSTRAINT "year_lock_events_reason" CHECK("year_lock_events"."action" = 'lock' OR length(trim(coalesce("year_lock_events"."reason", ''))) > 0),
	CONSTRAINT "year_lock_events_fiscal_year" CHECK("year_lock_events"."fiscal_year" BETWEEN 2000 AND 2099)
);
--> statement-breakpoint
CREATE INDEX `year_lock_events_prefecture_year_idx` ON `year_lock_events` (`prefecture_code`,`fiscal_year`);--> statement-breakpoint
CREATE TABLE `year_locks` (
	`prefecture_code` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`locked` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`prefecture_code`, `fiscal_year`),
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "year_locks_fiscal_year" CHECK("year_locks"."fiscal_year" BETWEEN 2000 AND 2099)
);
--> statement-breakpoint
CREATE TABLE `year_signoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`office_id` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`note` text,
	`signed_by` text NOT NULL,
	`signed_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`office_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "year_signoffs_fiscal_year" CHECK("year_signoffs"."fiscal_year" BETWEEN 2000 AND 2099)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `year_signoffs_office_year_idx` ON `year_signoffs` (`office_id`,`fiscal_year`);--> statement-breakpoint
CREATE INDEX `year_signoffs_prefecture_year_idx` ON `year_signoffs` (`prefecture_code`,`fiscal_year`);--> statement-breakpoint
-- Written by hand (drizzle-kit does not model triggers): restatements and the lock history are
-- append-only, like audit_logs (0001). An unlock adds a row; it never erases what the locked year
-- recorded (ADR 0025).
CREATE TRIGGER restatements_no_update BEFORE UPDATE ON restatements
BEGIN
  SELECT RAISE(ABORT, 'restatements is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER restatements_no_delete BEFORE DELETE ON restatements
BEGIN
  SELECT RAISE(ABORT, 'restatements is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER year_lock_events_no_update BEFORE UPDATE ON year_lock_events
BEGIN
  SELECT RAISE(ABORT, 'year_lock_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER year_lock_events_no_delete BEFORE DELETE ON year_lock_events
BEGIN
  SELECT RAISE(ABORT, 'year_lock_events is append-only');
END;
