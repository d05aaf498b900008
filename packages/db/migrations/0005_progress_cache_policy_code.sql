-- A judgement depends on the policy of the assignment's programme: moving a pairing to another
-- programme, or a programme to another policy, forgets every judgement (rare office edits).
CREATE TRIGGER "programmes_forget_progress" AFTER UPDATE OF "policy_code" ON "programmes"
  FOR EACH STATEMENT EXECUTE FUNCTION "assignment_progress_forget_all"();
--> statement-breakpoint
CREATE TRIGGER "pairings_forget_progress" AFTER UPDATE OF "programme_id" ON "pairings"
  FOR EACH STATEMENT EXECUTE FUNCTION "assignment_progress_forget_all"();
