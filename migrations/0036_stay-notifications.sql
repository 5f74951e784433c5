CREATE TABLE "population"."stay_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"host_person_id" uuid,
	"host_name" text NOT NULL,
	"address" text NOT NULL,
	"arrival_date" date NOT NULL,
	"departure_date" date NOT NULL,
	"reason" text,
	"guests" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stay_notifications_unit_period_idx" ON "population"."stay_notifications" USING btree ("unit_code","arrival_date","departure_date");