CREATE TABLE "assignment_progress" (
	"assignment_id" uuid PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"token" uuid NOT NULL,
	"status" text,
	"progress" jsonb,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignment_progress" ADD CONSTRAINT "assignment_progress_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_progress_as_of_status_idx" ON "assignment_progress" USING btree ("as_of","status");--> statement-breakpoint
-- A cached verdict is forgotten as soon as what it was judged from changes (DECISIONS 21).
CREATE FUNCTION "assignment_progress_forget_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'assignments' THEN
    DELETE FROM "assignment_progress" WHERE "assignment_id" = OLD."id";
  ELSIF TG_OP = 'DELETE' THEN
    DELETE FROM "assignment_progress" WHERE "assignment_id" = OLD."assignment_id";
  ELSE
    DELETE FROM "assignment_progress" WHERE "assignment_id" = NEW."assignment_id";
    IF TG_OP = 'UPDATE' AND OLD."assignment_id" <> NEW."assignment_id" THEN
      DELETE FROM "assignment_progress" WHERE "assignment_id" = OLD."assignment_id";
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "assignment_progress_forget_all"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "assignment_progress";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "attendance_days_forget_progress" AFTER INSERT OR UPDATE OR DELETE ON "attendance_days"
  FOR EACH ROW EXECUTE FUNCTION "assignment_progress_forget_row"();
--> statement-breakpoint
CREATE TRIGGER "assignments_forget_progress" AFTER UPDATE ON "assignments"
  FOR EACH ROW EXECUTE FUNCTION "assignment_progress_forget_row"();
--> statement-breakpoint
CREATE TRIGGER "policy_versions_forget_progress" AFTER INSERT OR UPDATE OR DELETE ON "policy_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION "assignment_progress_forget_all"();
--> statement-breakpoint
CREATE TRIGGER "calendar_years_forget_progress" AFTER INSERT OR UPDATE OR DELETE ON "calendar_years"
  FOR EACH STATEMENT EXECUTE FUNCTION "assignment_progress_forget_all"();
--> statement-breakpoint
CREATE TRIGGER "calendar_days_forget_progress" AFTER INSERT OR UPDATE OR DELETE ON "calendar_days"
  FOR EACH STATEMENT EXECUTE FUNCTION "assignment_progress_forget_all"();
