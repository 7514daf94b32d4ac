ALTER TABLE `peer_identities` ADD `kana_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `peer_identities_kana_idx` ON `peer_identities` (`kana_key`);