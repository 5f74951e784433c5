CREATE TABLE "sector_data"."link_staging" (
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"outcome" text NOT NULL,
	"person_id" uuid,
	"national_id" text,
	"score" real,
	"disagreements" text[] NOT NULL,
	"explanation" jsonb NOT NULL,
	"actual_person_id" uuid,
	"actual_national_id" text,
	"duplicate_of_row" integer,
	"review_id" uuid,
	CONSTRAINT "link_staging_pk" PRIMARY KEY("batch_id","row_number")
);
--> statement-breakpoint
ALTER TABLE "sector_data"."link_staging" ADD CONSTRAINT "link_staging_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "sector_data"."batches"("id") ON DELETE cascade ON UPDATE no action;