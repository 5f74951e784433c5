ALTER TABLE "dossiers"."dossiers" ADD COLUMN "result_delivery" text DEFAULT 'online' NOT NULL;--> statement-breakpoint
ALTER TABLE "dossiers"."dossiers" ADD COLUMN "delivery_address" text;--> statement-breakpoint
-- Until now a paper filing's result was collected at the counter and any other online (the receipt slip said so).
UPDATE "dossiers"."dossiers" SET "result_delivery" = 'counter' WHERE "channel" = 'paper';
