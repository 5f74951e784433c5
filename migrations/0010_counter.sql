CREATE SCHEMA "counter";
--> statement-breakpoint
CREATE TABLE "counter"."visit_revisions" (
	"visit_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"citizen_name" text NOT NULL,
	"procedure_code" text,
	"guided_online" boolean NOT NULL,
	"typed_by" text,
	"outcome" text NOT NULL,
	"dossier_code" text,
	"note" text,
	"reason" text,
	"recorded_by_account_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_revisions_pk" PRIMARY KEY("visit_id","revision"),
	CONSTRAINT "visit_revisions_revision_positive" CHECK ("counter"."visit_revisions"."revision" >= 1),
	CONSTRAINT "visit_revisions_typed_by_known" CHECK ("counter"."visit_revisions"."typed_by" is null or "counter"."visit_revisions"."typed_by" in ('citizen_alone', 'citizen_helped', 'officer_on_behalf')),
	CONSTRAINT "visit_revisions_outcome_known" CHECK ("counter"."visit_revisions"."outcome" in ('filed_online', 'filed_paper', 'information_only', 'referred', 'incomplete_documents'))
);
--> statement-breakpoint
CREATE TABLE "counter"."visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"counter_label" text NOT NULL,
	"officer_account_id" uuid NOT NULL,
	"officer_role" text NOT NULL,
	"officer_name" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"visit_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"current_revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "visits_current_revision_positive" CHECK ("counter"."visits"."current_revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "counter"."visit_revisions" ADD CONSTRAINT "visit_revisions_visit_fk" FOREIGN KEY ("visit_id") REFERENCES "counter"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visits_unit_date_counter_idx" ON "counter"."visits" USING btree ("unit_code","visit_date","counter_label","visited_at");--> statement-breakpoint
CREATE INDEX "visits_date_idx" ON "counter"."visits" USING btree ("visit_date");