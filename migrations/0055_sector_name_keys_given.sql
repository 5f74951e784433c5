-- The registry's name keys now carry the folded given name too (linking reads both keys from here
-- instead of keying every candidate's name again). The keys are derived data: emptied here, they are
-- computed again by refreshNameKeys before the next batch is linked.
TRUNCATE "sector_data"."registry_name_keys";--> statement-breakpoint
ALTER TABLE "sector_data"."registry_name_keys" ADD COLUMN "given" text NOT NULL;
