CREATE TABLE "payments"."receipt_counters" (
	"collecting_unit_code" text NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "receipt_counters_collecting_unit_code_year_pk" PRIMARY KEY("collecting_unit_code","year"),
	CONSTRAINT "receipt_counters_number_ck" CHECK ("payments"."receipt_counters"."last_number" between 1 and 99999999)
);
--> statement-breakpoint
CREATE TABLE "payments"."receipts" (
	"payment_id" uuid PRIMARY KEY NOT NULL,
	"collecting_unit_code" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"verification_token" text NOT NULL,
	"collecting_body_name" text,
	"tax_code" text,
	"form_symbol" text,
	"series_symbol" text,
	"demo" boolean,
	"pdf_sha256" text,
	"certificate_sha256" text,
	"signed_at" timestamp with time zone,
	CONSTRAINT "receipts_number_ck" CHECK ("payments"."receipts"."number" between 1 and 99999999)
);
--> statement-breakpoint
ALTER TABLE "payments"."receipts" ADD CONSTRAINT "receipts_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "payments"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_number_uq" ON "payments"."receipts" USING btree ("collecting_unit_code","year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_token_uq" ON "payments"."receipts" USING btree ("verification_token");