CREATE TABLE "attendance_month_totals" (
	"assignment_id" uuid NOT NULL,
	"month" date NOT NULL,
	"on_site" integer DEFAULT 0 NOT NULL,
	"leave" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "attendance_month_totals_assignment_id_month_pk" PRIMARY KEY("assignment_id","month")
);
--> statement-breakpoint
ALTER TABLE "attendance_month_totals" ADD CONSTRAINT "attendance_month_totals_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_month_totals_month_idx" ON "attendance_month_totals" USING btree ("month");--> statement-breakpoint
-- Existing attendance, counted once; from here on the trigger keeps the totals (DECISIONS 22).
INSERT INTO "attendance_month_totals" ("assignment_id", "month", "on_site", "leave")
SELECT "assignment_id", date_trunc('month', "date")::date,
  count(*) FILTER (WHERE "status" IN ('on_duty', 'official_business')), count(*) FILTER (WHERE "status" = 'leave')
FROM "attendance_days" GROUP BY 1, 2;
--> statement-breakpoint
CREATE FUNCTION "attendance_month_totals_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "attendance_month_totals" SET
      "on_site" = "on_site" - (OLD."status" IN ('on_duty', 'official_business'))::int,
      "leave" = "leave" - (OLD."status" = 'leave')::int
    WHERE "assignment_id" = OLD."assignment_id" AND "month" = date_trunc('month', OLD."date")::date;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "attendance_month_totals" ("assignment_id", "month", "on_site", "leave")
    VALUES (NEW."assignment_id", date_trunc('month', NEW."date")::date,
      (NEW."status" IN ('on_duty', 'official_business'))::int, (NEW."status" = 'leave')::int)
    ON CONFLICT ("assignment_id", "month") DO UPDATE SET
      "on_site" = "attendance_month_totals"."on_site" + excluded."on_site",
      "leave" = "attendance_month_totals"."leave" + excluded."leave";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "attendance_days_month_totals" AFTER INSERT OR UPDATE OR DELETE ON "attendance_days"
  FOR EACH ROW EXECUTE FUNCTION "attendance_month_totals_apply"();
