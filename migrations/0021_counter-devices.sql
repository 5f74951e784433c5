CREATE TABLE "counter"."devices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"counter_label" text NOT NULL,
	"officer_account_id" uuid NOT NULL,
	"officer_name" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_account_id" uuid,
	CONSTRAINT "devices_expires_after_start" CHECK ("counter"."devices"."expires_at" > "counter"."devices"."started_at")
);
--> statement-breakpoint
ALTER TABLE "dossiers"."dossiers" ADD COLUMN "assisted_by" jsonb;--> statement-breakpoint
CREATE INDEX "devices_unit_started_idx" ON "counter"."devices" USING btree ("unit_code","started_at");