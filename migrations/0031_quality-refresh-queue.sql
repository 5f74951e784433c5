CREATE TABLE "population"."quality_refresh_queue" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_before" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL
);
