ALTER TABLE "dossiers"."dossiers" ADD COLUMN "deadline_start_at" timestamp with time zone;--> statement-breakpoint
-- Until now received_at held the deadline's effective start (issue 14 §4): keep that as the
-- deadline's start, and take the actual time of the reception from the dossier's history.
UPDATE "dossiers"."dossiers" SET "deadline_start_at" = "received_at" WHERE "received_at" IS NOT NULL;--> statement-breakpoint
UPDATE "dossiers"."dossiers" d SET "received_at" = r.at
  FROM (
    SELECT dossier_id, min(at) AS at FROM "dossiers"."transitions" WHERE command = 'receive' GROUP BY dossier_id
  ) r
  WHERE r.dossier_id = d.id AND d."received_at" IS NOT NULL;
