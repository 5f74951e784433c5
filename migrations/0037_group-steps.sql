CREATE TABLE "dossiers"."dossier_steps" (
	"dossier_id" uuid NOT NULL,
	"seq" smallint NOT NULL,
	"role" text NOT NULL,
	"sector" text,
	"unit_code" text NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_by_account_id" uuid,
	"ended_by_role" text,
	"ended_by_unit" text,
	"outcome" jsonb,
	CONSTRAINT "dossier_steps_dossier_id_seq_pk" PRIMARY KEY("dossier_id","seq")
);
--> statement-breakpoint
ALTER TABLE "dossiers"."dossier_steps" ADD CONSTRAINT "dossier_steps_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "dossiers"."dossiers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dossier_steps_current_idx" ON "dossiers"."dossier_steps" USING btree ("role","unit_code") WHERE "dossiers"."dossier_steps"."state" = 'in_processing';