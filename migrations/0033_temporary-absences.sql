CREATE TABLE "population"."temporary_absences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date NOT NULL,
	"destination" text NOT NULL,
	"reason" text,
	"dossier_code" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "population"."temporary_absences" ADD CONSTRAINT "temporary_absences_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "population"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "temporary_absences_person_idx" ON "population"."temporary_absences" USING btree ("person_id","from_date");