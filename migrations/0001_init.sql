CREATE SCHEMA "population";
--> statement-breakpoint
CREATE SCHEMA "units";
--> statement-breakpoint
CREATE TABLE "population"."households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"head_person_id" uuid,
	"unit_code" text NOT NULL,
	"address_line" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population"."persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"national_id" text,
	"legacy_id" text,
	"full_name" text NOT NULL,
	"name_key" text NOT NULL,
	"birth_date" date,
	"birth_year" smallint NOT NULL,
	"sex" text NOT NULL,
	"ethnicity_code" text,
	"religion_code" text,
	"nationality" text DEFAULT 'VN' NOT NULL,
	"birth_place_province_code" text,
	"birth_place_unit_code" text,
	"home_town" text,
	"household_id" uuid,
	"relation_to_head" text,
	"residence_unit_code" text,
	"id_card_kind" text,
	"id_card_number" text,
	"id_card_issued_on" date,
	"id_card_expires_on" date,
	"eid_level" smallint DEFAULT 0 NOT NULL,
	"eid_activated_on" date,
	"status" text DEFAULT 'alive' NOT NULL,
	"death_date" date,
	"phone" text,
	"email" text,
	"health_insurance_no" text,
	"tax_code" text,
	"source" text NOT NULL,
	"last_verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population"."quality_findings" (
	"run_id" integer NOT NULL,
	"person_id" uuid NOT NULL,
	"rule_code" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "population"."quality_rules" (
	"code" text PRIMARY KEY NOT NULL,
	"class" text NOT NULL,
	"severity" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population"."quality_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"persons" integer,
	"findings" integer
);
--> statement-breakpoint
CREATE TABLE "population"."quality_scores" (
	"run_id" integer NOT NULL,
	"unit_code" text NOT NULL,
	"persons" integer NOT NULL,
	"persons_with_findings" integer NOT NULL,
	"score" real NOT NULL,
	"by_class" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population"."residences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"unit_code" text NOT NULL,
	"address_line" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date
);
--> statement-breakpoint
CREATE TABLE "units"."mergers" (
	"id" serial PRIMARY KEY NOT NULL,
	"new_code" text NOT NULL,
	"old_code" text NOT NULL,
	"type" text NOT NULL,
	"effective_on" date NOT NULL,
	"province_code" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units"."units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"province_code" text NOT NULL,
	"name" text NOT NULL,
	"full_name" text NOT NULL,
	"name_en" text NOT NULL,
	"level" text NOT NULL,
	"type" text NOT NULL,
	"parent_code" text,
	"valid_from" date,
	"valid_to" date
);
--> statement-breakpoint
ALTER TABLE "population"."residences" ADD CONSTRAINT "residences_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "population"."persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "households_unit_idx" ON "population"."households" USING btree ("unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "persons_national_id_uq" ON "population"."persons" USING btree ("national_id");--> statement-breakpoint
CREATE INDEX "persons_name_key_trgm_idx" ON "population"."persons" USING gin ("name_key" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "persons_residence_unit_idx" ON "population"."persons" USING btree ("residence_unit_code");--> statement-breakpoint
CREATE INDEX "persons_household_idx" ON "population"."persons" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "persons_birth_date_idx" ON "population"."persons" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "quality_findings_run_person_idx" ON "population"."quality_findings" USING btree ("run_id","person_id");--> statement-breakpoint
CREATE INDEX "quality_findings_run_rule_idx" ON "population"."quality_findings" USING btree ("run_id","rule_code");--> statement-breakpoint
CREATE UNIQUE INDEX "quality_scores_run_unit_uq" ON "population"."quality_scores" USING btree ("run_id","unit_code");--> statement-breakpoint
CREATE INDEX "residences_person_idx" ON "population"."residences" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "residences_unit_idx" ON "population"."residences" USING btree ("unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "mergers_new_old_uq" ON "units"."mergers" USING btree ("new_code","old_code","effective_on");--> statement-breakpoint
CREATE INDEX "mergers_old_idx" ON "units"."mergers" USING btree ("old_code");--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_valid_from_uq" ON "units"."units" USING btree ("code",coalesce("valid_from", '0001-01-01'::date));--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units"."units" USING btree ("parent_code");