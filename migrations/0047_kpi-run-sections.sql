CREATE TABLE "kpi"."run_sections" (
	"run_id" bigint PRIMARY KEY NOT NULL,
	"reported" jsonb NOT NULL,
	"pilots" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi"."run_sections" ADD CONSTRAINT "run_sections_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "kpi"."runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A run's report sections are a snapshot, as its values are: never changed.
CREATE TRIGGER "run_sections_frozen" BEFORE UPDATE OR DELETE ON "kpi"."run_sections" FOR EACH ROW EXECUTE FUNCTION "kpi"."refuse_change"();
