CREATE TABLE "dossiers"."result_verifications" (
	"token" text PRIMARY KEY NOT NULL,
	"dossier_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" date,
	"agency_name" text NOT NULL,
	"facts" jsonb NOT NULL,
	"pdf_sha256" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedures"."procedure_versions" ADD COLUMN "result_valid_days" integer;--> statement-breakpoint
ALTER TABLE "dossiers"."result_verifications" ADD CONSTRAINT "result_verifications_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "result_verifications_dossier_idx" ON "dossiers"."result_verifications" USING btree ("dossier_id");