ALTER TABLE "sector_data"."batches" ADD COLUMN "link_state" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "sector_data"."batches" ADD COLUMN "link_rows_linked" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sector_data"."batches" ADD COLUMN "link_rows_total" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sector_data"."batches" ADD COLUMN "link_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sector_data"."batches" ADD COLUMN "link_finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sector_data"."batches" ADD COLUMN "link_failure" jsonb;--> statement-breakpoint
ALTER TABLE "sector_data"."batches" ADD CONSTRAINT "batches_link_state_ck" CHECK ("sector_data"."batches"."link_state" in ('none', 'linking', 'linked', 'failed'));--> statement-breakpoint
-- Batches linked before linking ran as a job: linked, with their links' count and time.
UPDATE "sector_data"."batches" b
   SET "link_state" = 'linked', "link_rows_linked" = l.n, "link_rows_total" = l.n,
       "link_started_at" = l.started, "link_finished_at" = l.finished
  FROM (SELECT "batch_id", count(*)::integer AS n, min("linked_at") AS started, max("linked_at") AS finished
          FROM "sector_data"."links" GROUP BY "batch_id") l
 WHERE l."batch_id" = b."id";
