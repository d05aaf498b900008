CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"setting" text NOT NULL,
	"channel" text,
	"date" date NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"participant_count" integer NOT NULL,
	"content" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"size" integer NOT NULL,
	"content_base64" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"support_org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"departments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"technologies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"trainee_target" integer,
	"trainees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capability_targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"content" text,
	"drafted_by" text NOT NULL,
	"support_signed_on" date,
	"support_signed_by" text,
	"recipient_signed_on" date,
	"recipient_signed_by" text,
	"filed_on" date,
	"filed_by" text,
	"filed_copies" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"target" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisal_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"appraisal_id" uuid NOT NULL,
	"party" text NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"acted_by" text NOT NULL,
	"acted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"year" integer NOT NULL,
	"chain" jsonb NOT NULL,
	"stage" integer DEFAULT 0 NOT NULL,
	"grade" text,
	"comments" text,
	"prefill" jsonb,
	"completed_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_numbers" (
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_numbers_kind_year_pk" PRIMARY KEY("kind","year")
);
--> statement-breakpoint
CREATE TABLE "leadership_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pairing_id" uuid NOT NULL,
	"support_org_id" uuid NOT NULL,
	"date" date NOT NULL,
	"leader_name" text NOT NULL,
	"leader_post" text,
	"led_by_leadership" boolean NOT NULL,
	"participants" text,
	"content" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorship_apprentices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mentorship_id" uuid NOT NULL,
	"name" text NOT NULL,
	"specialty_title" text NOT NULL,
	"department" text,
	"learning_specialty" text NOT NULL,
	"learning_goal" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"assessment_result" text,
	"assessed_on" date,
	"assessment_comments" text,
	"assessed_by" text,
	"certificate_no" text,
	"certificate_issued_on" date
);
--> statement-breakpoint
CREATE TABLE "mentorships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"signed_on" date,
	"plan" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"technologies_introduced" integer,
	"persons_trained" integer,
	"referrals_up" integer,
	"referrals_down" integer,
	"in_county_treatment_rate" double precision,
	"capability_items_met" integer,
	"capability_items_total" integer,
	"note" text,
	"entered_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quarterly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"summary" text NOT NULL,
	"task_progress" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_on" date NOT NULL,
	"submitted_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recipient_departments" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"departments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"assignment_id" uuid NOT NULL,
	"issued_on" date NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"issued_by" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attachments" ADD CONSTRAINT "activity_attachments_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_support_org_id_organisations_id_fk" FOREIGN KEY ("support_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_tasks" ADD CONSTRAINT "annual_tasks_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_steps" ADD CONSTRAINT "appraisal_steps_appraisal_id_appraisals_id_fk" FOREIGN KEY ("appraisal_id") REFERENCES "public"."appraisals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_visits" ADD CONSTRAINT "leadership_visits_pairing_id_pairings_id_fk" FOREIGN KEY ("pairing_id") REFERENCES "public"."pairings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leadership_visits" ADD CONSTRAINT "leadership_visits_support_org_id_organisations_id_fk" FOREIGN KEY ("support_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_apprentices" ADD CONSTRAINT "mentorship_apprentices_mentorship_id_mentorships_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorships" ADD CONSTRAINT "mentorships_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_records" ADD CONSTRAINT "outcome_records_recipient_org_id_organisations_id_fk" FOREIGN KEY ("recipient_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarterly_reports" ADD CONSTRAINT "quarterly_reports_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipient_departments" ADD CONSTRAINT "recipient_departments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_certificates" ADD CONSTRAINT "service_certificates_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_certificates" ADD CONSTRAINT "service_certificates_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_assignment_date_idx" ON "activities" USING btree ("assignment_id","date");--> statement-breakpoint
CREATE INDEX "activities_date_idx" ON "activities" USING btree ("date");--> statement-breakpoint
CREATE INDEX "activities_kind_idx" ON "activities" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "activity_attachments_activity_idx" ON "activity_attachments" USING btree ("activity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_pairing_support_year_uq" ON "agreements" USING btree ("pairing_id","support_org_id","year");--> statement-breakpoint
CREATE INDEX "agreements_year_idx" ON "agreements" USING btree ("year");--> statement-breakpoint
CREATE INDEX "agreements_support_idx" ON "agreements" USING btree ("support_org_id");--> statement-breakpoint
CREATE INDEX "annual_tasks_assignment_year_idx" ON "annual_tasks" USING btree ("assignment_id","year");--> statement-breakpoint
CREATE INDEX "appraisal_steps_appraisal_idx" ON "appraisal_steps" USING btree ("appraisal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appraisals_assignment_period_uq" ON "appraisals" USING btree ("assignment_id","period_from");--> statement-breakpoint
CREATE INDEX "appraisals_year_idx" ON "appraisals" USING btree ("year");--> statement-breakpoint
CREATE INDEX "appraisals_stage_idx" ON "appraisals" USING btree ("stage");--> statement-breakpoint
CREATE INDEX "leadership_visits_pairing_date_idx" ON "leadership_visits" USING btree ("pairing_id","date");--> statement-breakpoint
CREATE INDEX "leadership_visits_support_idx" ON "leadership_visits" USING btree ("support_org_id");--> statement-breakpoint
CREATE INDEX "leadership_visits_date_idx" ON "leadership_visits" USING btree ("date");--> statement-breakpoint
CREATE INDEX "mentorship_apprentices_mentorship_idx" ON "mentorship_apprentices" USING btree ("mentorship_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorship_apprentices_certificate_uq" ON "mentorship_apprentices" USING btree ("certificate_no");--> statement-breakpoint
CREATE UNIQUE INDEX "mentorships_assignment_year_uq" ON "mentorships" USING btree ("assignment_id","year");--> statement-breakpoint
CREATE INDEX "mentorships_year_idx" ON "mentorships" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_records_recipient_period_uq" ON "outcome_records" USING btree ("recipient_org_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "quarterly_reports_assignment_quarter_uq" ON "quarterly_reports" USING btree ("assignment_id","quarter");--> statement-breakpoint
CREATE INDEX "quarterly_reports_submitted_idx" ON "quarterly_reports" USING btree ("submitted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "service_certificates_number_uq" ON "service_certificates" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "service_certificates_assignment_uq" ON "service_certificates" USING btree ("assignment_id");