CREATE SCHEMA "sector_data";
--> statement-breakpoint
CREATE TABLE "sector_data"."batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_type" text NOT NULL,
	"sector" text NOT NULL,
	"unit_code" text NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"content_sha256" text NOT NULL,
	"state" text DEFAULT 'importing' NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"row_count" integer DEFAULT 0 NOT NULL,
	"valid_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"added_count" integer,
	"removed_count" integer,
	"changed_count" integer,
	"supersedes" uuid,
	"superseded_by" uuid,
	"mapping" jsonb NOT NULL,
	"mapping_name" text,
	"header" jsonb NOT NULL,
	"failure" jsonb,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "batches_state_ck" CHECK ("sector_data"."batches"."state" in ('importing', 'committed', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "sector_data"."mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sector" text NOT NULL,
	"dataset_type" text NOT NULL,
	"name" text NOT NULL,
	"columns" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mappings_name_uq" UNIQUE("sector","dataset_type","name")
);
--> statement-breakpoint
CREATE TABLE "sector_data"."rows" (
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"line" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"values" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	"row_key" text,
	CONSTRAINT "rows_pk" PRIMARY KEY("batch_id","row_number")
);
--> statement-breakpoint
ALTER TABLE "sector_data"."batches" ADD CONSTRAINT "batches_superseded_by_fk" FOREIGN KEY ("superseded_by") REFERENCES "sector_data"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sector_data"."batches" ADD CONSTRAINT "batches_supersedes_fk" FOREIGN KEY ("supersedes") REFERENCES "sector_data"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sector_data"."rows" ADD CONSTRAINT "rows_batch_fk" FOREIGN KEY ("batch_id") REFERENCES "sector_data"."batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "batches_same_file_uq" ON "sector_data"."batches" USING btree ("dataset_type","sector","unit_code","content_sha256") WHERE "sector_data"."batches"."state" = 'committed';--> statement-breakpoint
CREATE UNIQUE INDEX "batches_current_uq" ON "sector_data"."batches" USING btree ("dataset_type","sector","unit_code") WHERE "sector_data"."batches"."state" = 'committed' and "sector_data"."batches"."superseded_by" is null;--> statement-breakpoint
CREATE INDEX "batches_scope_idx" ON "sector_data"."batches" USING btree ("sector","unit_code","created_at");--> statement-breakpoint
CREATE INDEX "rows_key_idx" ON "sector_data"."rows" USING btree ("batch_id","row_key");