CREATE SCHEMA "dossiers";
--> statement-breakpoint
CREATE TABLE "dossiers"."attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_id" uuid NOT NULL,
	"document_key" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"round" integer DEFAULT 0 NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers"."code_counters" (
	"agency_code" text NOT NULL,
	"day" date NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "code_counters_agency_code_day_pk" PRIMARY KEY("agency_code","day")
);
--> statement-breakpoint
CREATE TABLE "dossiers"."dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text,
	"agency_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_version_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"state" text NOT NULL,
	"channel" text NOT NULL,
	"applicant_person_id" uuid,
	"applicant_subject" text,
	"applicant_name" text NOT NULL,
	"owner_account_id" uuid,
	"entered_by_account_id" uuid,
	"assignee_account_id" uuid,
	"form" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"time_limit_working_days" double precision NOT NULL,
	"submitted_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"paused_remaining_minutes" integer,
	"decided_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers"."transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"command" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_account_id" uuid,
	"actor_role" text NOT NULL,
	"actor_unit" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text,
	"reason" text,
	"legal_basis" text,
	"items" jsonb,
	"due_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dossiers"."attachments" ADD CONSTRAINT "attachments_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers"."transitions" ADD CONSTRAINT "transitions_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_dossier_idx" ON "dossiers"."attachments" USING btree ("dossier_id");--> statement-breakpoint
CREATE INDEX "attachments_sha_idx" ON "dossiers"."attachments" USING btree ("sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_code_uq" ON "dossiers"."dossiers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "dossiers_unit_state_idx" ON "dossiers"."dossiers" USING btree ("unit_code","state","due_at");--> statement-breakpoint
CREATE INDEX "dossiers_owner_idx" ON "dossiers"."dossiers" USING btree ("owner_account_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "dossiers_applicant_idx" ON "dossiers"."dossiers" USING btree ("applicant_person_id");--> statement-breakpoint
CREATE INDEX "dossiers_assignee_idx" ON "dossiers"."dossiers" USING btree ("assignee_account_id") WHERE "dossiers"."dossiers"."assignee_account_id" is not null;--> statement-breakpoint
CREATE INDEX "transitions_dossier_idx" ON "dossiers"."transitions" USING btree ("dossier_id","id");