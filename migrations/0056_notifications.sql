CREATE SCHEMA "notifications";
--> statement-breakpoint
CREATE TABLE "notifications"."feed_cursors" (
	"name" text PRIMARY KEY NOT NULL,
	"low_id" bigint NOT NULL,
	"pending_id" bigint NOT NULL,
	"pending_since" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications"."handled_transitions" (
	"transition_id" bigint PRIMARY KEY NOT NULL,
	"event" text,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications"."inbox_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outbox_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"event" text NOT NULL,
	"dossier_id" uuid,
	"dossier_code" text,
	"subject_vi" text NOT NULL,
	"subject_en" text NOT NULL,
	"body_vi" text NOT NULL,
	"body_en" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications"."outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"event" text NOT NULL,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"account_id" uuid,
	"dossier_id" uuid,
	"dossier_code" text,
	"recipient" text,
	"template_id" uuid NOT NULL,
	"subject_vi" text NOT NULL,
	"subject_en" text NOT NULL,
	"body_vi" text NOT NULL,
	"body_en" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"skip_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	CONSTRAINT "outbox_channel_ck" CHECK ("notifications"."outbox"."channel" in ('email', 'sms', 'inbox')),
	CONSTRAINT "outbox_status_ck" CHECK ("notifications"."outbox"."status" in ('queued', 'sending', 'sent', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "notifications"."preferences" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"email_enabled" boolean NOT NULL,
	"email" text,
	"sms_enabled" boolean NOT NULL,
	"phone" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications"."sandbox_mail" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"message_id" text NOT NULL,
	"mail_from" text,
	"rcpt_to" jsonb NOT NULL,
	"subject" text,
	"raw" text NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications"."sandbox_sms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"phone" text NOT NULL,
	"text" text NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications"."templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"subject_vi" text NOT NULL,
	"subject_en" text NOT NULL,
	"body_vi" text NOT NULL,
	"body_en" text NOT NULL,
	"sms_vi" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_messages_outbox_uq" ON "notifications"."inbox_messages" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "inbox_messages_account_idx" ON "notifications"."inbox_messages" USING btree ("account_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_idempotency_uq" ON "notifications"."outbox" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "outbox_status_idx" ON "notifications"."outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "notifications"."outbox" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_mail_message_uq" ON "notifications"."sandbox_mail" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_sms_key_uq" ON "notifications"."sandbox_sms" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "templates_event_version_uq" ON "notifications"."templates" USING btree ("event","version");