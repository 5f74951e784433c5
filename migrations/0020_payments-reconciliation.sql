CREATE TABLE "payments"."bank_statement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_transaction_id" text NOT NULL,
	"transaction_at" timestamp with time zone NOT NULL,
	"amount" bigint NOT NULL,
	"description" text NOT NULL,
	"reference" text,
	"payment_id" uuid,
	"outcome" text NOT NULL,
	"import_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by_account_id" uuid NOT NULL,
	CONSTRAINT "bank_statement_lines_outcome_ck" CHECK ("payments"."bank_statement_lines"."outcome" in ('matched', 'already_credited', 'wrong_amount', 'unknown_reference')),
	CONSTRAINT "bank_statement_lines_amount_ck" CHECK ("payments"."bank_statement_lines"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "payments"."settlement_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"day" date NOT NULL,
	"gateway" text NOT NULL,
	"payment_count" integer NOT NULL,
	"refund_count" integer NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by_account_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payments"."settlement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_id" uuid NOT NULL,
	"transaction_no" text NOT NULL,
	"reference" text NOT NULL,
	"type" text NOT NULL,
	"amount" bigint NOT NULL,
	"transaction_at" timestamp with time zone NOT NULL,
	"bank_code" text,
	CONSTRAINT "settlement_lines_type_ck" CHECK ("payments"."settlement_lines"."type" in ('payment', 'refund'))
);
--> statement-breakpoint
ALTER TABLE "payments"."settlement_lines" ADD CONSTRAINT "settlement_lines_file_id_settlement_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "payments"."settlement_files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bank_statement_lines_txn_uq" ON "payments"."bank_statement_lines" USING btree ("bank_transaction_id");--> statement-breakpoint
CREATE INDEX "bank_statement_lines_imported_idx" ON "payments"."bank_statement_lines" USING btree ("imported_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "bank_statement_lines_payment_idx" ON "payments"."bank_statement_lines" USING btree ("payment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_files_day_uq" ON "payments"."settlement_files" USING btree ("gateway","day");--> statement-breakpoint
CREATE UNIQUE INDEX "settlement_lines_txn_uq" ON "payments"."settlement_lines" USING btree ("file_id","type","transaction_no");--> statement-breakpoint
CREATE INDEX "settlement_lines_reference_idx" ON "payments"."settlement_lines" USING btree ("reference");