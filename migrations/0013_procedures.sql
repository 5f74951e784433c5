CREATE SCHEMA "procedures";
--> statement-breakpoint
CREATE TABLE "procedures"."procedure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"search_key" text NOT NULL,
	"field" text NOT NULL,
	"agency_level" text NOT NULL,
	"handled_by_role" text NOT NULL,
	"online_level" text NOT NULL,
	"required_eid_level" smallint NOT NULL,
	"time_limit_half_days" integer NOT NULL,
	"time_limit_note_vi" text,
	"time_limit_note_en" text,
	"fees" jsonb NOT NULL,
	"documents" jsonb NOT NULL,
	"form" jsonb NOT NULL,
	"components" jsonb NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"unconfirmed" jsonb NOT NULL,
	"change_note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_versions_period_ck" CHECK ("procedures"."procedure_versions"."effective_to" is null or "procedures"."procedure_versions"."effective_to" >= "procedures"."procedure_versions"."effective_from"),
	CONSTRAINT "procedure_versions_time_limit_ck" CHECK ("procedures"."procedure_versions"."time_limit_half_days" >= 0),
	CONSTRAINT "procedure_versions_eid_level_ck" CHECK ("procedures"."procedure_versions"."required_eid_level" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "procedures"."procedures" (
	"code" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedures"."procedure_versions" ADD CONSTRAINT "procedure_versions_code_procedures_code_fk" FOREIGN KEY ("code") REFERENCES "procedures"."procedures"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_versions_code_version_uq" ON "procedures"."procedure_versions" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "procedure_versions_code_period_idx" ON "procedures"."procedure_versions" USING btree ("code","effective_from");