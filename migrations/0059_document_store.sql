CREATE SCHEMA "documents";
--> statement-breakpoint
CREATE TABLE "documents"."feed_cursor" (
	"name" text PRIMARY KEY NOT NULL,
	"low_id" bigint NOT NULL,
	"pending_id" bigint NOT NULL,
	"pending_since" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents"."stored_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_account_id" uuid NOT NULL,
	"document_type" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"issuing_unit" text,
	"dossier_id" uuid NOT NULL,
	"dossier_code" text,
	"procedure_code" text NOT NULL,
	"attachment_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"valid_until" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dossiers"."attachments" ADD COLUMN "reused_document_id" uuid;--> statement-breakpoint
CREATE UNIQUE INDEX "stored_documents_dossier_attachment_uq" ON "documents"."stored_documents" USING btree ("dossier_id","attachment_id");--> statement-breakpoint
CREATE INDEX "stored_documents_owner_idx" ON "documents"."stored_documents" USING btree ("owner_account_id","issued_at");