CREATE TABLE `revoked_sessions` (
	`session_id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`revoked_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `revoked_sessions_user_idx` ON `revoked_sessions` (`user_id`);--> statement-breakpoint
CREATE INDEX `revoked_sessions_revoked_at_idx` ON `revoked_sessions` (`revoked_at`);