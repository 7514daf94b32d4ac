CREATE TABLE `person_identity_history` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`at` text NOT NULL,
	`changed_by` text NOT NULL,
	`from_entity_type` text NOT NULL,
	`from_entity_id` text NOT NULL,
	`changes` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "person_identity_history_from" CHECK("person_identity_history"."from_entity_type" IN ('case', 'outreach_case'))
);
--> statement-breakpoint
CREATE INDEX `person_identity_history_person_idx` ON `person_identity_history` (`person_id`);--> statement-breakpoint
CREATE INDEX `person_identity_history_changed_by_idx` ON `person_identity_history` (`changed_by`);--> statement-breakpoint
ALTER TABLE `person_identities` ADD `family_name_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `person_identities` ADD `name_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `person_identities_family_name_key_idx` ON `person_identities` (`family_name_key`);--> statement-breakpoint
CREATE INDEX `person_identities_name_key_idx` ON `person_identities` (`name_key`);--> statement-breakpoint
ALTER TABLE `persons` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- A person's corrections are append-only, like the audit trail (ADR 0028). The name keys added above
-- start empty; the start-up step (db/seed/person-name-keys.ts) fills them with the JS normaliser.
CREATE TRIGGER person_identity_history_no_update BEFORE UPDATE ON person_identity_history
BEGIN
  SELECT RAISE(ABORT, 'person_identity_history is append-only');
END;
