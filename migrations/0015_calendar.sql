CREATE SCHEMA "calendar";
--> statement-breakpoint
CREATE TABLE "calendar"."days" (
	"day" date PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "days_kind_ck" CHECK ("calendar"."days"."kind" in ('holiday', 'compensatory', 'swapped', 'working_saturday')),
	CONSTRAINT "days_year_matches_ck" CHECK (extract(year from "calendar"."days"."day") = "calendar"."days"."year")
);
--> statement-breakpoint
CREATE TABLE "calendar"."years" (
	"year" integer PRIMARY KEY NOT NULL,
	"provisional" boolean NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "years_year_ck" CHECK ("calendar"."years"."year" between 1990 and 2199)
);
--> statement-breakpoint
ALTER TABLE "calendar"."days" ADD CONSTRAINT "days_year_years_year_fk" FOREIGN KEY ("year") REFERENCES "calendar"."years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "days_year_idx" ON "calendar"."days" USING btree ("year");