CREATE SCHEMA "cashless";
--> statement-breakpoint
CREATE SCHEMA "fees";
--> statement-breakpoint
CREATE SCHEMA "payment_sandbox";
--> statement-breakpoint
CREATE SCHEMA "payments";
--> statement-breakpoint
CREATE TABLE "cashless"."facilities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"type_code" text NOT NULL,
	"name" text NOT NULL,
	"commune_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "facilities_code_uq" UNIQUE("code"),
	CONSTRAINT "facilities_code_upper_ck" CHECK ("cashless"."facilities"."code" = upper("cashless"."facilities"."code"))
);
--> statement-breakpoint
CREATE TABLE "cashless"."facility_types" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "facility_types_kind_code_uq" UNIQUE("kind","code"),
	CONSTRAINT "facility_types_kind_ck" CHECK ("cashless"."facility_types"."kind" in ('school', 'health_facility'))
);
--> statement-breakpoint
CREATE TABLE "cashless"."figures" (
	"facility_id" uuid NOT NULL,
	"month" date NOT NULL,
	"revision" integer NOT NULL,
	"cashless_count" integer NOT NULL,
	"cash_count" integer NOT NULL,
	"cashless_amount" bigint NOT NULL,
	"cash_amount" bigint NOT NULL,
	"import_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	CONSTRAINT "figures_pk" PRIMARY KEY("facility_id","month","revision"),
	CONSTRAINT "figures_counts_ck" CHECK ("cashless"."figures"."cashless_count" >= 0 and "cashless"."figures"."cash_count" >= 0 and "cashless"."figures"."cashless_amount" >= 0 and "cashless"."figures"."cash_amount" >= 0),
	CONSTRAINT "figures_amounts_need_transactions_ck" CHECK (("cashless"."figures"."cashless_count" > 0 or "cashless"."figures"."cashless_amount" = 0) and ("cashless"."figures"."cash_count" > 0 or "cashless"."figures"."cash_amount" = 0)),
	CONSTRAINT "figures_revision_ck" CHECK ("cashless"."figures"."revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "cashless"."imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" uuid,
	"imported_by_name" text,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"row_count" integer NOT NULL,
	"created" integer NOT NULL,
	"replaced" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"skipped" integer NOT NULL,
	CONSTRAINT "imports_format_ck" CHECK ("cashless"."imports"."format" in ('csv', 'xlsx', 'demo'))
);
--> statement-breakpoint
CREATE TABLE "cashless"."reports" (
	"facility_id" uuid NOT NULL,
	"month" date NOT NULL,
	"current_revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reports_pk" PRIMARY KEY("facility_id","month"),
	CONSTRAINT "reports_first_day_ck" CHECK (extract(day from "cashless"."reports"."month") = 1),
	CONSTRAINT "reports_revision_ck" CHECK ("cashless"."reports"."current_revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "fees"."household_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_code" text NOT NULL,
	"household_id" uuid NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"end_source" text,
	"ended_by" uuid,
	"ended_at" timestamp with time zone,
	CONSTRAINT "household_lists_period_ck" CHECK ("fees"."household_lists"."valid_to" is null or "fees"."household_lists"."valid_to" >= "fees"."household_lists"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "fees"."lists" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"description_vi" text,
	"description_en" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lists_kind_ck" CHECK ("fees"."lists"."kind" in ('unit', 'household')),
	CONSTRAINT "lists_code_ck" CHECK ("fees"."lists"."code" ~ '^[a-z][a-z0-9_]{1,59}$')
);
--> statement-breakpoint
CREATE TABLE "fees"."unit_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_code" text NOT NULL,
	"unit_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"end_source" text,
	"ended_by" uuid,
	"ended_at" timestamp with time zone,
	CONSTRAINT "unit_lists_period_ck" CHECK ("fees"."unit_lists"."valid_to" is null or "fees"."unit_lists"."valid_to" >= "fees"."unit_lists"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "payment_sandbox"."ipn_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"transaction_id" bigint NOT NULL,
	"variant" text NOT NULL,
	"attempt" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"http_status" integer,
	"rsp_code" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "payment_sandbox"."refunds" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"transaction_id" bigint NOT NULL,
	"request_id" text NOT NULL,
	"amount" bigint NOT NULL,
	"transaction_type" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_sandbox"."transactions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tmn_code" text NOT NULL,
	"txn_ref" text NOT NULL,
	"amount" bigint NOT NULL,
	"order_info" text NOT NULL,
	"bank_code" text,
	"locale" text NOT NULL,
	"return_url" text NOT NULL,
	"create_date" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"response_code" text,
	"transaction_status" text NOT NULL,
	"pay_date" timestamp with time zone,
	"page_token" text NOT NULL,
	"ipn_options" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_transactions_state_ck" CHECK ("payment_sandbox"."transactions"."state" in ('pending', 'paid', 'declined', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "payments"."payment_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"payment_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"source" text NOT NULL,
	"actor_account_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "payments"."payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_code" text,
	"unit_code" text NOT NULL,
	"procedure_code" text NOT NULL,
	"procedure_name_vi" text NOT NULL,
	"owner_account_id" uuid,
	"created_by_account_id" uuid NOT NULL,
	"idempotency_key" text,
	"method" text NOT NULL,
	"gateway" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text DEFAULT 'VND' NOT NULL,
	"state" text NOT NULL,
	"refunded_amount" bigint DEFAULT 0 NOT NULL,
	"refund_reserved_amount" bigint DEFAULT 0 NOT NULL,
	"gateway_transaction_id" text,
	"gateway_response_code" text,
	"bank_code" text,
	"requested_bank_code" text,
	"locale" text DEFAULT 'vn' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "payments_method_ck" CHECK ("payments"."payments"."method" in ('gateway', 'vietqr')),
	CONSTRAINT "payments_state_ck" CHECK ("payments"."payments"."state" in ('created', 'pending', 'succeeded', 'failed', 'cancelled', 'expired', 'partially_refunded', 'refunded')),
	CONSTRAINT "payments_amount_ck" CHECK ("payments"."payments"."amount" > 0),
	CONSTRAINT "payments_refunds_ck" CHECK ("payments"."payments"."refunded_amount" >= 0 and "payments"."payments"."refund_reserved_amount" >= 0 and "payments"."payments"."refunded_amount" + "payments"."payments"."refund_reserved_amount" <= "payments"."payments"."amount"),
	CONSTRAINT "payments_credited_txn_ck" CHECK ("payments"."payments"."state" not in ('succeeded', 'partially_refunded', 'refunded') or "payments"."payments"."gateway_transaction_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "payments"."refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"whole_payment" boolean NOT NULL,
	"reason" text NOT NULL,
	"state" text NOT NULL,
	"request_id" text NOT NULL,
	"gateway_refund_id" text,
	"gateway_response_code" text,
	"actor_account_id" uuid NOT NULL,
	"actor_role" text NOT NULL,
	"actor_unit" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	CONSTRAINT "refunds_amount_ck" CHECK ("payments"."refunds"."amount" > 0),
	CONSTRAINT "refunds_state_ck" CHECK ("payments"."refunds"."state" in ('requested', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "payments"."security_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"payment_reference" text,
	"source_ip" text,
	"detail" jsonb
);
--> statement-breakpoint
ALTER TABLE "cashless"."facilities" ADD CONSTRAINT "facilities_type_fk" FOREIGN KEY ("kind","type_code") REFERENCES "cashless"."facility_types"("kind","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cashless"."figures" ADD CONSTRAINT "figures_report_fk" FOREIGN KEY ("facility_id","month") REFERENCES "cashless"."reports"("facility_id","month") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cashless"."figures" ADD CONSTRAINT "figures_import_fk" FOREIGN KEY ("import_id") REFERENCES "cashless"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cashless"."reports" ADD CONSTRAINT "reports_facility_fk" FOREIGN KEY ("facility_id") REFERENCES "cashless"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fees"."household_lists" ADD CONSTRAINT "household_lists_list_code_lists_code_fk" FOREIGN KEY ("list_code") REFERENCES "fees"."lists"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fees"."unit_lists" ADD CONSTRAINT "unit_lists_list_code_lists_code_fk" FOREIGN KEY ("list_code") REFERENCES "fees"."lists"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_sandbox"."ipn_deliveries" ADD CONSTRAINT "ipn_deliveries_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "payment_sandbox"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_sandbox"."refunds" ADD CONSTRAINT "refunds_transaction_id_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "payment_sandbox"."transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments"."payment_events" ADD CONSTRAINT "payment_events_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "payments"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments"."refunds" ADD CONSTRAINT "refunds_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "payments"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "facilities_commune_idx" ON "cashless"."facilities" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "figures_import_idx" ON "cashless"."figures" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "imports_imported_at_idx" ON "cashless"."imports" USING btree ("imported_at");--> statement-breakpoint
CREATE INDEX "reports_month_idx" ON "cashless"."reports" USING btree ("month");--> statement-breakpoint
CREATE INDEX "household_lists_list_household_idx" ON "fees"."household_lists" USING btree ("list_code","household_id","valid_from");--> statement-breakpoint
CREATE INDEX "unit_lists_list_unit_idx" ON "fees"."unit_lists" USING btree ("list_code","unit_code","valid_from");--> statement-breakpoint
CREATE INDEX "sandbox_ipn_deliveries_txn_idx" ON "payment_sandbox"."ipn_deliveries" USING btree ("transaction_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_refunds_request_uq" ON "payment_sandbox"."refunds" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "sandbox_refunds_created_idx" ON "payment_sandbox"."refunds" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_transactions_ref_uq" ON "payment_sandbox"."transactions" USING btree ("tmn_code","txn_ref");--> statement-breakpoint
CREATE INDEX "sandbox_transactions_pay_date_idx" ON "payment_sandbox"."transactions" USING btree ("pay_date");--> statement-breakpoint
CREATE INDEX "payment_events_payment_idx" ON "payments"."payment_events" USING btree ("payment_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_reference_uq" ON "payments"."payments" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_idempotency_uq" ON "payments"."payments" USING btree ("created_by_account_id","idempotency_key") WHERE "payments"."payments"."idempotency_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_gateway_txn_uq" ON "payments"."payments" USING btree ("gateway","gateway_transaction_id") WHERE "payments"."payments"."gateway_transaction_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_open_per_dossier_uq" ON "payments"."payments" USING btree ("dossier_id") WHERE "payments"."payments"."state" in ('created', 'pending');--> statement-breakpoint
CREATE UNIQUE INDEX "payments_one_credited_per_dossier_uq" ON "payments"."payments" USING btree ("dossier_id") WHERE "payments"."payments"."state" in ('succeeded', 'partially_refunded', 'refunded');--> statement-breakpoint
CREATE INDEX "payments_unit_created_idx" ON "payments"."payments" USING btree ("unit_code","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payments_dossier_idx" ON "payments"."payments" USING btree ("dossier_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "payments_open_expiry_idx" ON "payments"."payments" USING btree ("expires_at") WHERE "payments"."payments"."state" in ('created', 'pending');--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_request_uq" ON "payments"."refunds" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "refunds_payment_idx" ON "payments"."refunds" USING btree ("payment_id","requested_at");--> statement-breakpoint
CREATE INDEX "security_events_at_idx" ON "payments"."security_events" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "security_events_reference_idx" ON "payments"."security_events" USING btree ("payment_reference");