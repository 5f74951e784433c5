CREATE SCHEMA "eid_sandbox";
--> statement-breakpoint
CREATE TABLE "eid_sandbox"."keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eid_sandbox"."models" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"grant_id" text,
	"user_code" text,
	"uid" text,
	"expires_at" timestamp with time zone,
	"consumed_at" timestamp with time zone,
	CONSTRAINT "models_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE INDEX "models_grant_id_idx" ON "eid_sandbox"."models" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "models_uid_idx" ON "eid_sandbox"."models" USING btree ("kind","uid");--> statement-breakpoint
CREATE INDEX "models_user_code_idx" ON "eid_sandbox"."models" USING btree ("kind","user_code");--> statement-breakpoint
CREATE INDEX "models_expires_at_idx" ON "eid_sandbox"."models" USING btree ("expires_at");