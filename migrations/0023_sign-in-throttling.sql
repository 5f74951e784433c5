CREATE TABLE "identity"."rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"blocked_until" timestamp with time zone,
	"refused" boolean DEFAULT false NOT NULL,
	"succeeded_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."sign_in_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"address" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity"."sign_in_failures" ADD CONSTRAINT "sign_in_failures_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "identity"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rate_limits_updated_idx" ON "identity"."rate_limits" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "sign_in_failures_account_idx" ON "identity"."sign_in_failures" USING btree ("account_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "sign_in_failures_at_idx" ON "identity"."sign_in_failures" USING btree ("at");--> statement-breakpoint
ALTER TABLE "identity"."accounts" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "identity"."accounts" DROP COLUMN "locked_until";