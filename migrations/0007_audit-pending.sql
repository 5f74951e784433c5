CREATE TABLE "audit"."access_pending" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit"."access_pending_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_account_id" uuid,
	"actor_role" text NOT NULL,
	"actor_unit" text,
	"action" text NOT NULL,
	"subject" text NOT NULL,
	"purpose" text,
	"request_id" text NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
ALTER TABLE "audit"."access_pending" ADD CONSTRAINT "access_pending_purpose_fk" FOREIGN KEY ("purpose") REFERENCES "audit"."purposes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_pending_subject_idx" ON "audit"."access_pending" USING btree ("subject");