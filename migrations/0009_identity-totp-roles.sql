CREATE TABLE "identity"."admin_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_account_id" uuid,
	"action" text NOT NULL,
	"target" text NOT NULL,
	"details" jsonb,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "identity"."accounts" ADD COLUMN "totp_last_step" integer;--> statement-breakpoint
CREATE INDEX "admin_events_at_idx" ON "identity"."admin_events" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "admin_events_target_idx" ON "identity"."admin_events" USING btree ("target","at" DESC NULLS LAST);