CREATE TABLE "population"."registry_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"effective_on" date NOT NULL,
	"dossier_code" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers"."dossiers" ADD COLUMN "registry_seen" jsonb;--> statement-breakpoint
ALTER TABLE "population"."persons" ADD COLUMN "registry_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "population"."residences" ADD COLUMN "dossier_code" text;--> statement-breakpoint
ALTER TABLE "population"."residences" ADD COLUMN "end_ground" text;--> statement-breakpoint
ALTER TABLE "population"."residences" ADD COLUMN "ended_by_dossier_code" text;--> statement-breakpoint
ALTER TABLE "procedures"."procedure_versions" ADD COLUMN "registry_effect" jsonb;--> statement-breakpoint
CREATE INDEX "registry_changes_person_idx" ON "population"."registry_changes" USING btree ("person_id","id");