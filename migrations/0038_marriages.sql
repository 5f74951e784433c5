CREATE TABLE "population"."marriages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"spouse_person_id" uuid,
	"spouse_name" text NOT NULL,
	"spouse_number" text,
	"registered_on" date NOT NULL,
	"unit_code" text NOT NULL,
	"dossier_code" text NOT NULL,
	"ended_on" date
);
--> statement-breakpoint
CREATE INDEX "marriages_person_idx" ON "population"."marriages" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "marriages_spouse_idx" ON "population"."marriages" USING btree ("spouse_person_id");