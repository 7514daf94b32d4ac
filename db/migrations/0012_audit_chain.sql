-- Tamper-evident audit (ADR 0035): each row's place in the hash chain and its HMAC. Rows that
-- exist before this migration are chained once, in insertion order, when the app first opens
-- the database (db/client.ts): the key lives outside the database, so SQL cannot do it here.
ALTER TABLE `audit_logs` ADD `chain_seq` integer;--> statement-breakpoint
ALTER TABLE `audit_logs` ADD `chain_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_logs_chain_seq_idx` ON `audit_logs` (`chain_seq`);
