-- Pilot models (module `pilots`, target 14 of the plan). Transitions, files, reports, evaluations and
-- plan due dates are a permanent record (append-only); a model's state follows its last transition.
-- The first plan due date is the plan's own: "send the plan to the Standing Agency by June 2023".
-- Written for PostgreSQL 15+ and PGlite (PG 18).
CREATE SCHEMA "pilots";
--> statement-breakpoint
CREATE TABLE "pilots"."evaluations" (
	"model_id" uuid PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"rating" text NOT NULL,
	"propose_commendation" boolean NOT NULL,
	"commendation_reason" text,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"evaluated_by" uuid,
	"evaluated_by_name" text,
	CONSTRAINT "evaluations_rating_ck" CHECK ("pilots"."evaluations"."rating" in ('excellent', 'good', 'fair', 'poor')),
	CONSTRAINT "evaluations_commendation_ck" CHECK (("pilots"."evaluations"."propose_commendation" and "pilots"."evaluations"."commendation_reason" is not null) or (not "pilots"."evaluations"."propose_commendation" and "pilots"."evaluations"."commendation_reason" is null))
);
--> statement-breakpoint
CREATE TABLE "pilots"."files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"report_id" uuid,
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text,
	CONSTRAINT "files_kind_ck" CHECK (("pilots"."files"."kind" = 'plan' and "pilots"."files"."report_id" is null) or ("pilots"."files"."kind" = 'report' and "pilots"."files"."report_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "pilots"."milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date NOT NULL,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "milestones_model_position_uq" UNIQUE("model_id","position")
);
--> statement-breakpoint
CREATE TABLE "pilots"."models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"agency_name" text NOT NULL,
	"agency_code" text,
	"sector" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"targets" integer[] NOT NULL,
	"letter_number" text NOT NULL,
	"letter_date" date NOT NULL,
	"state" text DEFAULT 'registered' NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registered_by" uuid,
	"registered_by_name" text,
	CONSTRAINT "models_state_ck" CHECK ("pilots"."models"."state" in ('registered', 'planned', 'in_progress', 'completed', 'evaluated')),
	CONSTRAINT "models_sector_ck" CHECK ("pilots"."models"."sector" in ('police', 'health', 'education', 'labour_social', 'tax', 'justice', 'people_committee', 'other')),
	CONSTRAINT "models_targets_ck" CHECK (cardinality("pilots"."models"."targets") between 1 and 14 and 1 <= all("pilots"."models"."targets") and 14 >= all("pilots"."models"."targets"))
);
--> statement-breakpoint
CREATE TABLE "pilots"."plan_due_dates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"due_on" date NOT NULL,
	"effective_from" date NOT NULL,
	"note" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"set_by" uuid,
	"set_by_name" text
);
--> statement-breakpoint
CREATE TABLE "pilots"."reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"period" text NOT NULL,
	"body" text NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"created_by_name" text
);
--> statement-breakpoint
CREATE TABLE "pilots"."transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"model_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by" uuid,
	"by_name" text,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "pilots"."evaluations" ADD CONSTRAINT "evaluations_model_fk" FOREIGN KEY ("model_id") REFERENCES "pilots"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots"."files" ADD CONSTRAINT "files_model_fk" FOREIGN KEY ("model_id") REFERENCES "pilots"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots"."files" ADD CONSTRAINT "files_report_fk" FOREIGN KEY ("report_id") REFERENCES "pilots"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots"."milestones" ADD CONSTRAINT "milestones_model_fk" FOREIGN KEY ("model_id") REFERENCES "pilots"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots"."reports" ADD CONSTRAINT "reports_model_fk" FOREIGN KEY ("model_id") REFERENCES "pilots"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots"."transitions" ADD CONSTRAINT "transitions_model_fk" FOREIGN KEY ("model_id") REFERENCES "pilots"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_model_idx" ON "pilots"."files" USING btree ("model_id","kind");--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "pilots"."files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "models_unit_idx" ON "pilots"."models" USING btree ("unit_code");--> statement-breakpoint
CREATE INDEX "plan_due_dates_effective_idx" ON "pilots"."plan_due_dates" USING btree ("effective_from","set_at");--> statement-breakpoint
CREATE INDEX "reports_model_idx" ON "pilots"."reports" USING btree ("model_id","created_at");--> statement-breakpoint
CREATE INDEX "transitions_model_at_idx" ON "pilots"."transitions" USING btree ("model_id","at");;--> statement-breakpoint
CREATE FUNCTION pilots.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER transitions_append_only BEFORE UPDATE OR DELETE ON pilots.transitions
  FOR EACH ROW EXECUTE FUNCTION pilots.refuse_change();
--> statement-breakpoint
CREATE TRIGGER files_append_only BEFORE UPDATE OR DELETE ON pilots.files
  FOR EACH ROW EXECUTE FUNCTION pilots.refuse_change();
--> statement-breakpoint
CREATE TRIGGER reports_append_only BEFORE UPDATE OR DELETE ON pilots.reports
  FOR EACH ROW EXECUTE FUNCTION pilots.refuse_change();
--> statement-breakpoint
CREATE TRIGGER evaluations_append_only BEFORE UPDATE OR DELETE ON pilots.evaluations
  FOR EACH ROW EXECUTE FUNCTION pilots.refuse_change();
--> statement-breakpoint
CREATE TRIGGER plan_due_dates_append_only BEFORE UPDATE OR DELETE ON pilots.plan_due_dates
  FOR EACH ROW EXECUTE FUNCTION pilots.refuse_change();
--> statement-breakpoint
CREATE FUNCTION pilots.refuse_model_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'pilots.models are kept' USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER models_no_delete BEFORE DELETE ON pilots.models
  FOR EACH ROW EXECUTE FUNCTION pilots.refuse_model_delete();
--> statement-breakpoint
INSERT INTO pilots.plan_due_dates (due_on, effective_from, note, set_by_name) VALUES (
  '2023-06-30', '2023-03-27',
  'Kế hoạch của UBND tỉnh Lai Châu về tổ chức mô hình điểm Đề án 06: các cơ quan, đơn vị gửi kế hoạch triển khai mô hình về Công an tỉnh (Cơ quan thường trực) trong tháng 6/2023',
  'Kế hoạch của UBND tỉnh (nạp khi cài đặt)'
);