CREATE SCHEMA "portal_sync";
--> statement-breakpoint
CREATE TABLE "portal_sync"."feed_cursor" (
	"name" text PRIMARY KEY NOT NULL,
	"low_id" bigint NOT NULL,
	"pending_id" bigint NOT NULL,
	"pending_since" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_sync"."handled_transitions" (
	"transition_id" bigint PRIMARY KEY NOT NULL,
	"pushed" boolean NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_sync"."pushes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transition_id" bigint NOT NULL,
	"dossier_id" uuid NOT NULL,
	"dossier_code" text NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pushes_state_ck" CHECK ("portal_sync"."pushes"."state" in ('pending', 'sent', 'dead')),
	CONSTRAINT "pushes_seq_ck" CHECK ("portal_sync"."pushes"."seq" >= 1)
);
--> statement-breakpoint
CREATE TABLE "portal_sync"."sandbox_received" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dossier_code" text NOT NULL,
	"seq" integer NOT NULL,
	"status" text NOT NULL,
	"payload" jsonb NOT NULL,
	"out_of_order" boolean DEFAULT false NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portal_sync"."sandbox_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"failing" boolean DEFAULT false NOT NULL,
	"delay_ms" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sandbox_settings_one_ck" CHECK ("portal_sync"."sandbox_settings"."id" = 1),
	CONSTRAINT "sandbox_settings_delay_ck" CHECK ("portal_sync"."sandbox_settings"."delay_ms" between 0 and 60000)
);
--> statement-breakpoint
CREATE TABLE "portal_sync"."streams" (
	"dossier_id" uuid PRIMARY KEY NOT NULL,
	"dossier_code" text NOT NULL,
	"next_seq" integer DEFAULT 1 NOT NULL,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pushes_transition_uq" ON "portal_sync"."pushes" USING btree ("transition_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pushes_dossier_code_seq_uq" ON "portal_sync"."pushes" USING btree ("dossier_code","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "pushes_dossier_seq_uq" ON "portal_sync"."pushes" USING btree ("dossier_id","seq");--> statement-breakpoint
CREATE INDEX "pushes_state_idx" ON "portal_sync"."pushes" USING btree ("state","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_received_code_seq_uq" ON "portal_sync"."sandbox_received" USING btree ("dossier_code","seq");--> statement-breakpoint
CREATE INDEX "sandbox_received_at_idx" ON "portal_sync"."sandbox_received" USING btree ("received_at");