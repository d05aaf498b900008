-- A cached verdict whose records changed is no longer deleted but marked stale (its day set to
-- 1970-01-01): every reader asks for today's, so it is judged again all the same, while the
-- dashboard's recompute after an office's own write can count the last verdict of an assignment the
-- write does not name until its background refresh (DECISIONS 34). A new token makes a judgement
-- under way store nothing (it read the records before the change). Policy and calendar changes still
-- forget every verdict.
CREATE OR REPLACE FUNCTION "assignment_progress_forget_row"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'assignments' THEN
    UPDATE "assignment_progress" SET "as_of" = DATE '1970-01-01', "token" = gen_random_uuid() WHERE "assignment_id" = OLD."id";
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "assignment_progress" SET "as_of" = DATE '1970-01-01', "token" = gen_random_uuid() WHERE "assignment_id" = OLD."assignment_id";
  ELSE
    UPDATE "assignment_progress" SET "as_of" = DATE '1970-01-01', "token" = gen_random_uuid() WHERE "assignment_id" = NEW."assignment_id";
    IF TG_OP = 'UPDATE' AND OLD."assignment_id" <> NEW."assignment_id" THEN
      UPDATE "assignment_progress" SET "as_of" = DATE '1970-01-01', "token" = gen_random_uuid() WHERE "assignment_id" = OLD."assignment_id";
    END IF;
  END IF;
  RETURN NULL;
END $$;
