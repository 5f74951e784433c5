ALTER TABLE "dossiers"."dossiers" ADD COLUMN "fee" jsonb;--> statement-breakpoint
ALTER TABLE "dossiers"."dossiers" ADD COLUMN "fee_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers"."dossiers" ADD COLUMN "fee_status" text DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers"."dossiers" ADD COLUMN "fee_paid_amount" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers"."dossiers" ADD COLUMN "fee_paid_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dossiers"."dossiers" ADD COLUMN "fee_payment_id" uuid;