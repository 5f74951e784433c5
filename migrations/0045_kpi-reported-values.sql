CREATE TABLE "kpi"."reported_value_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"reported_value_id" uuid NOT NULL,
	"event" text NOT NULL,
	"to_state" text NOT NULL,
	"by_account" uuid,
	"by_role" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"numerator" bigint NOT NULL,
	"denominator" bigint NOT NULL,
	"comment" text
);
--> statement-breakpoint
CREATE TABLE "kpi"."reported_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_code" text NOT NULL,
	"period" text NOT NULL,
	"unit_code" text NOT NULL,
	"numerator" bigint NOT NULL,
	"denominator" bigint NOT NULL,
	"note" text,
	"state" text NOT NULL,
	"evidence_sha256" text,
	"evidence_name" text,
	"evidence_type" text,
	"evidence_size" integer,
	"entered_by" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"comment" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reported_values_ratio_ck" CHECK ("kpi"."reported_values"."numerator" >= 0 and "kpi"."reported_values"."denominator" > 0 and "kpi"."reported_values"."numerator" <= "kpi"."reported_values"."denominator"),
	CONSTRAINT "reported_values_state_ck" CHECK ("kpi"."reported_values"."state" in ('draft', 'submitted', 'approved', 'returned'))
);
--> statement-breakpoint
ALTER TABLE "kpi"."reported_value_events" ADD CONSTRAINT "reported_value_events_reported_value_id_reported_values_id_fk" FOREIGN KEY ("reported_value_id") REFERENCES "kpi"."reported_values"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reported_value_events_value_idx" ON "kpi"."reported_value_events" USING btree ("reported_value_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "reported_values_uq" ON "kpi"."reported_values" USING btree ("indicator_code","period","unit_code");--> statement-breakpoint
-- An approved value is locked (issue 15 §3, as DHIS2's data approval), and the history is append-only.
CREATE FUNCTION "kpi"."reported_value_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.state = 'approved' THEN
    RAISE EXCEPTION 'kpi.reported_values: an approved value is locked, and values are never deleted' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "reported_values_locked" BEFORE UPDATE OR DELETE ON "kpi"."reported_values" FOR EACH ROW EXECUTE FUNCTION "kpi"."reported_value_locked"();
--> statement-breakpoint
CREATE TRIGGER "reported_value_events_frozen" BEFORE UPDATE OR DELETE ON "kpi"."reported_value_events" FOR EACH ROW EXECUTE FUNCTION "kpi"."refuse_change"();
