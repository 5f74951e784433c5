ALTER TABLE "documents"."stored_documents" ALTER COLUMN "attachment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "documents"."stored_documents" ADD COLUMN "source_id" text;--> statement-breakpoint
CREATE UNIQUE INDEX "stored_documents_dossier_type_source_uq" ON "documents"."stored_documents" USING btree ("dossier_id","document_type","source_id");