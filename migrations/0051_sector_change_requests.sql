CREATE TABLE "sector_data"."change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" integer GENERATED ALWAYS AS IDENTITY (sequence name "sector_data"."change_requests_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_id" uuid NOT NULL,
	"field" text NOT NULL,
	"registry_value" text,
	"proposed_value" text NOT NULL,
	"batch_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"dataset_type" text NOT NULL,
	"sector" text NOT NULL,
	"batch_unit_code" text NOT NULL,
	"unit_code" text,
	"evidence" text NOT NULL,
	"state" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" text NOT NULL,
	"proposed_role" text NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_role" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	CONSTRAINT "change_requests_seq_uq" UNIQUE("seq"),
	CONSTRAINT "change_requests_state_ck" CHECK ("sector_data"."change_requests"."state" in ('proposed', 'accepted', 'rejected', 'withdrawn')),
	CONSTRAINT "change_requests_field_ck" CHECK ("sector_data"."change_requests"."field" in ('fullName', 'birthDate', 'sex')),
	CONSTRAINT "change_requests_reason_ck" CHECK ("sector_data"."change_requests"."state" <> 'rejected' or "sector_data"."change_requests"."reason" is not null),
	CONSTRAINT "change_requests_decided_ck" CHECK (("sector_data"."change_requests"."state" = 'proposed') = ("sector_data"."change_requests"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "sector_data"."change_requests" ADD CONSTRAINT "change_requests_batch_fk" FOREIGN KEY ("batch_id") REFERENCES "sector_data"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "change_requests_open_uq" ON "sector_data"."change_requests" USING btree ("person_id","field") WHERE "sector_data"."change_requests"."state" = 'proposed';--> statement-breakpoint
CREATE INDEX "change_requests_state_idx" ON "sector_data"."change_requests" USING btree ("state","proposed_at");--> statement-breakpoint
CREATE INDEX "change_requests_person_idx" ON "sector_data"."change_requests" USING btree ("person_id");