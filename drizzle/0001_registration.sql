CREATE TABLE "registration_donations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"beneficiary_name" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"state" text NOT NULL,
	"answers" jsonb NOT NULL,
	"link_salt" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"answer_by" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"invited_at" timestamp with time zone,
	"confirm_by" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"waitlisted_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"checkin_code" text,
	"checked_in_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"request_id" uuid,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"method" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_mail_templates" (
	"event_id" uuid NOT NULL,
	"template" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registration_mail_templates_event_id_template_locale_pk" PRIMARY KEY("event_id","template","locale")
);
--> statement-breakpoint
CREATE TABLE "registration_settings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"capacity" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"response_business_days" integer DEFAULT 5 NOT NULL,
	"holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"confirmation_days" integer DEFAULT 7 NOT NULL,
	"fee_amount" bigint DEFAULT 0 NOT NULL,
	"fee_currency" text DEFAULT 'USD' NOT NULL,
	"fee_instructions" text DEFAULT '' NOT NULL,
	"beneficiary_name" text DEFAULT '' NOT NULL,
	"beneficiary_url" text,
	"waivers_allowed" boolean DEFAULT true NOT NULL,
	"stipend_budget" bigint DEFAULT 0 NOT NULL,
	"stipend_currency" text DEFAULT 'USD' NOT NULL,
	"questions" jsonb DEFAULT '{"affiliation":true,"stipend":true,"extra":[]}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_stipend_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"stipend_id" uuid NOT NULL,
	"from_side" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_stipends" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"amount_asked" bigint NOT NULL,
	"currency" text NOT NULL,
	"origin" text NOT NULL,
	"justification" text NOT NULL,
	"amount_offered" bigint,
	"amount_reimbursed" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registration_donations" ADD CONSTRAINT "registration_donations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_donations" ADD CONSTRAINT "registration_donations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_requests" ADD CONSTRAINT "registration_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_ledger" ADD CONSTRAINT "registration_ledger_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_ledger" ADD CONSTRAINT "registration_ledger_request_id_registration_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."registration_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_ledger" ADD CONSTRAINT "registration_ledger_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_mail_templates" ADD CONSTRAINT "registration_mail_templates_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_settings" ADD CONSTRAINT "registration_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_notes" ADD CONSTRAINT "registration_notes_request_id_registration_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."registration_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_notes" ADD CONSTRAINT "registration_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_stipend_messages" ADD CONSTRAINT "registration_stipend_messages_stipend_id_registration_stipends_id_fk" FOREIGN KEY ("stipend_id") REFERENCES "public"."registration_stipends"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_stipend_messages" ADD CONSTRAINT "registration_stipend_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_stipends" ADD CONSTRAINT "registration_stipends_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_stipends" ADD CONSTRAINT "registration_stipends_request_id_registration_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."registration_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_donations_event_idx" ON "registration_donations" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_requests_live_key" ON "registration_requests" USING btree ("event_id",lower("email")) WHERE "registration_requests"."state" in ('unverified', 'requested', 'invited', 'waitlisted', 'confirmed');--> statement-breakpoint
CREATE INDEX "registration_requests_queue_idx" ON "registration_requests" USING btree ("event_id","state","answer_by");--> statement-breakpoint
CREATE INDEX "registration_requests_answer_idx" ON "registration_requests" USING btree ("event_id","answer_by","id");--> statement-breakpoint
CREATE INDEX "registration_requests_confirm_by_idx" ON "registration_requests" USING btree ("state","confirm_by");--> statement-breakpoint
CREATE INDEX "registration_requests_user_idx" ON "registration_requests" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_requests_checkin_key" ON "registration_requests" USING btree ("event_id","checkin_code");--> statement-breakpoint
CREATE INDEX "registration_ledger_event_idx" ON "registration_ledger" USING btree ("event_id","recorded_at");--> statement-breakpoint
CREATE INDEX "registration_ledger_request_idx" ON "registration_ledger" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "registration_notes_request_idx" ON "registration_notes" USING btree ("request_id","created_at");--> statement-breakpoint
CREATE INDEX "registration_stipend_messages_idx" ON "registration_stipend_messages" USING btree ("stipend_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "registration_stipends_request_key" ON "registration_stipends" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "registration_stipends_event_idx" ON "registration_stipends" USING btree ("event_id","state");