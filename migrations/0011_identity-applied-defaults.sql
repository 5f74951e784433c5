CREATE TABLE "identity"."applied_default_permissions" (
	"role_code" text NOT NULL,
	"action" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applied_default_permissions_pk" PRIMARY KEY("role_code","action")
);
