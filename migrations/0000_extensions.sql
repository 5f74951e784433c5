-- Extensions used by name search (pg_trgm) and accent-insensitive matching (unaccent).
-- PGlite loads them as contrib modules; PostgreSQL needs the contrib package (standard in Debian's postgresql).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
