ALTER TABLE "identity"."accounts" ADD COLUMN "national_id" text;--> statement-breakpoint
CREATE INDEX "accounts_national_id_idx" ON "identity"."accounts" USING btree ("national_id");