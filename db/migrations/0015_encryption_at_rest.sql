CREATE TABLE `person_name_tokens` (
	`person_id` text NOT NULL,
	`token` text NOT NULL,
	PRIMARY KEY(`person_id`, `token`),
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `person_name_tokens_token_idx` ON `person_name_tokens` (`token`);--> statement-breakpoint
CREATE TABLE `peer_name_tokens` (
	`peer_id` text NOT NULL,
	`token` text NOT NULL,
	PRIMARY KEY(`peer_id`, `token`),
	FOREIGN KEY (`peer_id`) REFERENCES `peer_supporters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `peer_name_tokens_token_idx` ON `peer_name_tokens` (`token`);--> statement-breakpoint
CREATE TABLE `data_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`state` text NOT NULL,
	`wrapped` text,
	`created_at` text NOT NULL,
	`retired_at` text,
	CONSTRAINT "data_keys_state" CHECK("data_keys"."state" IN ('current', 'retired') AND ("data_keys"."state" = 'current') = ("data_keys"."wrapped" IS NULL))
);
--> statement-breakpoint
-- reviewed (ADR 0018): children kept. person_identities has no child table (nothing references it), so the rebuild loses nothing.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_person_identities` (
	`person_id` text PRIMARY KEY NOT NULL,
	`family_name` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name_kana` text NOT NULL,
	`given_name_kana` text NOT NULL,
	`kana_key` text NOT NULL,
	`family_name_key` text DEFAULT '' NOT NULL,
	`name_key` text DEFAULT '' NOT NULL,
	`date_of_birth` text,
	`phone` text,
	`address` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_person_identities`("person_id", "family_name", "given_name", "family_name_kana", "given_name_kana", "kana_key", "family_name_key", "name_key", "date_of_birth", "phone", "address", "updated_at") SELECT "person_id", "family_name", "given_name", "family_name_kana", "given_name_kana", "kana_key", "family_name_key", "name_key", "date_of_birth", "phone", "address", "updated_at" FROM `person_identities`;--> statement-breakpoint
DROP TABLE `person_identities`;--> statement-breakpoint
ALTER TABLE `__new_person_identities` RENAME TO `person_identities`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `person_identities_kana_idx` ON `person_identities` (`kana_key`);--> statement-breakpoint
CREATE INDEX `person_identities_family_name_key_idx` ON `person_identities` (`family_name_key`);--> statement-breakpoint
CREATE INDEX `person_identities_name_key_idx` ON `person_identities` (`name_key`);--> statement-breakpoint
-- The rebuild above drops the date-of-birth CHECK (the value is now an envelope); person_identities has
-- no child tables, so the DROP loses nothing (ADR 0018). A person's corrections stay append-only, except
-- that their `changes` may be rewritten as an envelope (the start-up encryption and keys:rotate, ADR 0040).
DROP TRIGGER person_identity_history_no_update;--> statement-breakpoint
CREATE TRIGGER person_identity_history_no_update BEFORE UPDATE ON person_identity_history
WHEN NOT (NEW.changes LIKE 'v1:%' AND NEW.id = OLD.id AND NEW.person_id = OLD.person_id AND NEW.at = OLD.at AND NEW.changed_by = OLD.changed_by
  AND NEW.from_entity_type = OLD.from_entity_type AND NEW.from_entity_id = OLD.from_entity_id)
BEGIN
  SELECT RAISE(ABORT, 'person_identity_history is append-only');
END;
