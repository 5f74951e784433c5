-- 24/11 Vietnamese Culture Day, a paid day off from 2026 (Politburo Resolution 80-NQ/TW of 13/01/2026,
-- Government Resolution 30/NQ-CP; public copies report Resolution 28/2026/QH16, in force 1/7/2026 —
-- unconfirmed). seedCalendar stores a year of reference/calendar only when it is absent, so a database
-- that stored 2026 before this day was known never gets it from the reference file: this correction,
-- dated 2026-12-05, adds it once (a migration runs once, so an administrator who later removes the day
-- keeps their choice). A date that already has an entry is left as the administrator set it. Years
-- from 2027 stored by an administrator (derived, then edited) get the day when it is a weekday; when
-- 24/11 is a weekend there the compensatory day is theirs to add (docs/adr/0005). The year records the
-- change: its source says what was added and when, updated_at is now and updated_by null (the system).
WITH added AS (
  INSERT INTO "calendar"."days" ("day", "year", "kind", "name", "source", "updated_at", "updated_by")
  SELECT make_date(y."year", 11, 24), y."year", 'holiday', 'Ngày Văn hóa Việt Nam (24/11)',
         CASE WHEN y."year" = 2026 THEN 'Ngày Văn hóa Việt Nam (24/11), ngày nghỉ có hưởng lương từ năm 2026: Bộ Chính trị chỉ đạo tại Nghị quyết 80-NQ/TW ngày 13/01/2026, Chính phủ tại Nghị quyết 30/NQ-CP; theo các bản sao công khai, Quốc hội quy định tại Nghị quyết 28/2026/QH16 (hiệu lực 01/7/2026) — chưa đối chiếu văn bản chính thức (?)'
              ELSE 'Ngày Văn hóa Việt Nam (24/11), ngày nghỉ có hưởng lương từ năm 2026: Bộ Chính trị chỉ đạo tại Nghị quyết 80-NQ/TW ngày 13/01/2026, Chính phủ tại Nghị quyết 30/NQ-CP; theo các bản sao công khai, Quốc hội quy định tại Nghị quyết 28/2026/QH16 (hiệu lực 01/7/2026) — chưa đối chiếu văn bản chính thức (?) (tạm tính, chưa có thông báo chính thức)' END,
         now(), NULL
  FROM "calendar"."years" y
  WHERE y."year" >= 2026 AND extract(isodow FROM make_date(y."year", 11, 24)) < 6
  ON CONFLICT ("day") DO NOTHING
  RETURNING "year"
)
UPDATE "calendar"."years" y
SET "source" = y."source" || '. Bổ sung ngày 24/11/' || y."year" || ' (Ngày Văn hóa Việt Nam) khi hiệu chỉnh dữ liệu ngày 05/12/2026',
    "updated_at" = now(),
    "updated_by" = NULL
FROM added
WHERE y."year" = added."year";
