CREATE SCHEMA "kpi";
--> statement-breakpoint
CREATE TABLE "kpi"."indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"target" smallint,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"numerator_vi" text NOT NULL,
	"numerator_en" text NOT NULL,
	"denominator_vi" text NOT NULL,
	"denominator_en" text NOT NULL,
	"comparison" text NOT NULL,
	"threshold" numeric(5, 2) NOT NULL,
	"unit_levels" text[] NOT NULL,
	"period_type" text NOT NULL,
	"method" text NOT NULL,
	"source" text,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_target_ck" CHECK ("kpi"."indicators"."target" is null or "kpi"."indicators"."target" between 1 and 14),
	CONSTRAINT "indicators_threshold_ck" CHECK ("kpi"."indicators"."threshold" between 0 and 100),
	CONSTRAINT "indicators_levels_ck" CHECK (cardinality("kpi"."indicators"."unit_levels") > 0),
	CONSTRAINT "indicators_source_ck" CHECK (("kpi"."indicators"."method" = 'computed' and "kpi"."indicators"."source" is not null) or ("kpi"."indicators"."method" = 'reported' and "kpi"."indicators"."source" is null)),
	CONSTRAINT "indicators_valid_ck" CHECK ("kpi"."indicators"."valid_to" is null or "kpi"."indicators"."valid_to" >= "kpi"."indicators"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "kpi"."runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period" text NOT NULL,
	"period_type" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"as_of" date NOT NULL,
	"structure" text DEFAULT 'current' NOT NULL,
	"trigger" text NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kpi"."values" (
	"run_id" bigint NOT NULL,
	"indicator_id" uuid NOT NULL,
	"unit_code" text NOT NULL,
	"unit_level" text NOT NULL,
	"numerator" bigint,
	"denominator" bigint,
	"value" numeric(7, 3),
	"met" boolean,
	"status" text NOT NULL,
	CONSTRAINT "values_run_id_indicator_id_unit_code_pk" PRIMARY KEY("run_id","indicator_id","unit_code"),
	CONSTRAINT "values_ratio_ck" CHECK ("kpi"."values"."numerator" is null or "kpi"."values"."denominator" is null or "kpi"."values"."numerator" <= "kpi"."values"."denominator"),
	CONSTRAINT "values_ok_ck" CHECK (("kpi"."values"."status" = 'ok') = ("kpi"."values"."value" is not null))
);
--> statement-breakpoint
ALTER TABLE "kpi"."values" ADD CONSTRAINT "values_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "kpi"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi"."values" ADD CONSTRAINT "values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "kpi"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_from_uq" ON "kpi"."indicators" USING btree ("code","valid_from");--> statement-breakpoint
CREATE INDEX "runs_period_idx" ON "kpi"."runs" USING btree ("period","id");--> statement-breakpoint
-- Snapshots stay as computed (issue 15 §2): a run's values are never changed or removed, and an
-- indicator version is never rewritten — only its end date may be set, once, when a new version starts.
CREATE FUNCTION "kpi"."refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'kpi.%: rows are kept as computed (snapshots)', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER "values_frozen" BEFORE UPDATE OR DELETE ON "kpi"."values" FOR EACH ROW EXECUTE FUNCTION "kpi"."refuse_change"();
--> statement-breakpoint
CREATE FUNCTION "kpi"."indicator_closed_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.valid_to IS NOT NULL
     OR (to_jsonb(NEW) - 'valid_to') IS DISTINCT FROM (to_jsonb(OLD) - 'valid_to') THEN
    RAISE EXCEPTION 'kpi.indicators: a version is never rewritten; start a new one' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "indicators_closed_only" BEFORE UPDATE OR DELETE ON "kpi"."indicators" FOR EACH ROW EXECUTE FUNCTION "kpi"."indicator_closed_only"();
