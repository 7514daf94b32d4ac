CREATE TABLE `health_centers` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`region_id` text NOT NULL,
	`parent_id` text,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`sort` integer NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "health_centers_kind" CHECK("health_centers"."kind" IN ('prefectural', 'prefectural_branch', 'designated_city', 'core_city')),
	CONSTRAINT "health_centers_branch_parent" CHECK(("health_centers"."kind" = 'prefectural_branch') = ("health_centers"."parent_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `health_centers_prefecture_idx` ON `health_centers` (`prefecture_code`);--> statement-breakpoint
CREATE INDEX `health_centers_region_idx` ON `health_centers` (`region_id`);--> statement-breakpoint
CREATE INDEX `health_centers_parent_idx` ON `health_centers` (`parent_id`);--> statement-breakpoint
CREATE TABLE `municipalities` (
	`code` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`region_id` text NOT NULL,
	`health_center_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`sort` integer NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`health_center_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "municipalities_code_format" CHECK("municipalities"."code" GLOB '[0-9][0-9][0-9][0-9][0-9][0-9]'),
	CONSTRAINT "municipalities_kind" CHECK("municipalities"."kind" IN ('designated_city', 'core_city', 'city', 'town', 'village'))
);
--> statement-breakpoint
CREATE INDEX `municipalities_prefecture_idx` ON `municipalities` (`prefecture_code`);--> statement-breakpoint
CREATE INDEX `municipalities_region_idx` ON `municipalities` (`region_id`);--> statement-breakpoint
CREATE INDEX `municipalities_health_center_idx` ON `municipalities` (`health_center_id`);--> statement-breakpoint
CREATE TABLE `prefectures` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	CONSTRAINT "prefectures_code_format" CHECK(length("prefectures"."code") = 2)
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`id` text PRIMARY KEY NOT NULL,
	`prefecture_code` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`sort` integer NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `regions_prefecture_idx` ON `regions` (`prefecture_code`);--> statement-breakpoint
CREATE TABLE `login_throttles` (
	`username` text PRIMARY KEY NOT NULL,
	`failed_count` integer NOT NULL,
	`last_failed_at` text NOT NULL,
	`locked_until` text,
	CONSTRAINT "login_throttles_failed_count" CHECK("login_throttles"."failed_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE `user_offices` (
	`user_id` text NOT NULL,
	`health_center_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `health_center_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`health_center_id`) REFERENCES `health_centers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `user_offices_health_center_idx` ON `user_offices` (`health_center_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`prefecture_code` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`last_sign_in_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`prefecture_code`) REFERENCES `prefectures`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "users_role" CHECK("users"."role" IN ('coordinator', 'supervisor', 'prefecture', 'admin')),
	CONSTRAINT "users_username_format" CHECK("users"."username" NOT GLOB '*[^a-z0-9._-]*' AND length("users"."username") BETWEEN 3 AND 64)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE INDEX `users_prefecture_idx` ON `users` (`prefecture_code`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`);--> statement-breakpoint
CREATE TABLE `audit_logs` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`actor_user_id` text,
	`actor_username` text NOT NULL,
	`actor_role` text,
	`prefecture_code` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`detail` text,
	`ip` text,
	CONSTRAINT "audit_logs_action" CHECK("audit_logs"."action" IN ('sign_in', 'sign_in_failed', 'sign_out', 'create', 'update', 'delete', 'view', 'export'))
);
--> statement-breakpoint
CREATE INDEX `audit_logs_at_idx` ON `audit_logs` (`at`);--> statement-breakpoint
CREATE INDEX `audit_logs_actor_idx` ON `audit_logs` (`actor_user_id`);--> statement-breakpoint
CREATE INDEX `audit_logs_entity_idx` ON `audit_logs` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_logs_prefecture_idx` ON `audit_logs` (`prefecture_code`);