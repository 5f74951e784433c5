CREATE TABLE "sector_data"."registry_name_keys" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"name_key" text NOT NULL,
	"birth_year" integer NOT NULL,
	"phonetic" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "registry_name_keys_year_phonetic_idx" ON "sector_data"."registry_name_keys" USING btree ("birth_year","phonetic");