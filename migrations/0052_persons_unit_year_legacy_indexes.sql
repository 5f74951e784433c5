DROP INDEX "population"."persons_residence_unit_idx";--> statement-breakpoint
CREATE INDEX "persons_legacy_id_idx" ON "population"."persons" USING btree ("legacy_id") WHERE "population"."persons"."legacy_id" is not null;--> statement-breakpoint
CREATE INDEX "persons_residence_unit_idx" ON "population"."persons" USING btree ("residence_unit_code","birth_year");