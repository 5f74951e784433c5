CREATE TABLE "sector_data"."link_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_type" text NOT NULL,
	"sector" text NOT NULL,
	"row_key" text NOT NULL,
	"person_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"decided_by" text NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "link_reviews_pair_uq" UNIQUE("dataset_type","sector","row_key","person_id"),
	CONSTRAINT "link_reviews_decision_ck" CHECK ("sector_data"."link_reviews"."decision" in ('accept', 'reject'))
);
--> statement-breakpoint
CREATE TABLE "sector_data"."links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"outcome" text NOT NULL,
	"person_id" uuid,
	"national_id" text,
	"score" real,
	"disagreements" text[] DEFAULT '{}'::text[] NOT NULL,
	"explanation" jsonb NOT NULL,
	"actual_person_id" uuid,
	"actual_national_id" text,
	"duplicate_of_row" integer,
	"review_id" uuid,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "links_row_uq" UNIQUE("batch_id","row_number"),
	CONSTRAINT "links_outcome_ck" CHECK ("sector_data"."links"."outcome" in ('matched', 'matched_with_discrepancies', 'probable', 'not_found', 'duplicate_in_list', 'id_belongs_to_someone_else'))
);
--> statement-breakpoint
ALTER TABLE "sector_data"."links" ADD CONSTRAINT "links_row_fk" FOREIGN KEY ("batch_id","row_number") REFERENCES "sector_data"."rows"("batch_id","row_number") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "links_outcome_idx" ON "sector_data"."links" USING btree ("batch_id","outcome","row_number");