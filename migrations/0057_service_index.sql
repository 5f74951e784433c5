CREATE SCHEMA "service_index";
--> statement-breakpoint
CREATE TABLE "service_index"."ratings" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"dossier_code" text,
	"account_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"value" text NOT NULL,
	"comment" text,
	"via" text NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_value_ck" CHECK ("service_index"."ratings"."value" in ('satisfied', 'neutral', 'dissatisfied')),
	CONSTRAINT "ratings_via_ck" CHECK ("service_index"."ratings"."via" in ('web', 'link')),
	CONSTRAINT "ratings_comment_ck" CHECK ("service_index"."ratings"."comment" is null or char_length("service_index"."ratings"."comment") <= 500)
);
--> statement-breakpoint
CREATE INDEX "ratings_unit_rated_idx" ON "service_index"."ratings" USING btree ("unit_code","rated_at");--> statement-breakpoint
CREATE INDEX "ratings_rated_idx" ON "service_index"."ratings" USING btree ("rated_at");