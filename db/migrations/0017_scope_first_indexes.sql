-- Indexes that led with a date, a status or a year over the whole country, which SQLite chose over the scope (office, prefecture, case) at national scale (issue 14, ADR 0051): every query here reaches these tables through its scope first.
DROP INDEX `care_plans_review_idx`;--> statement-breakpoint
DROP INDEX `cases_support_start_idx`;--> statement-breakpoint
DROP INDEX `cases_end_date_idx`;--> statement-breakpoint
DROP INDEX `cases_last_activity_idx`;--> statement-breakpoint
DROP INDEX `follow_up_checks_due_idx`;--> statement-breakpoint
DROP INDEX `peer_dispatches_status_idx`;--> statement-breakpoint
DROP INDEX `peer_registrations_fy_idx`;--> statement-breakpoint
DROP INDEX `peer_supporters_status_idx`;--> statement-breakpoint
DROP INDEX `outreach_cases_referral_idx`;--> statement-breakpoint
DROP INDEX `outreach_cases_end_idx`;--> statement-breakpoint
DROP INDEX `outreach_contacts_date_idx`;--> statement-breakpoint
DROP INDEX `meetings_kind_idx`;