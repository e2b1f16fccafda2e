CREATE TABLE "cfp_assignments" (
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cfp_assignments_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cfp_bids" (
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"bid" text NOT NULL,
	CONSTRAINT "cfp_bids_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cfp_conflicts" (
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cfp_conflicts_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cfp_declared_conflicts" (
	"proposal_id" uuid NOT NULL,
	"email" text NOT NULL,
	CONSTRAINT "cfp_declared_conflicts_proposal_id_email_pk" PRIMARY KEY("proposal_id","email")
);
--> statement-breakpoint
CREATE TABLE "cfp_proposal_speakers" (
	"proposal_id" uuid NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"status" text NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "cfp_proposal_speakers_proposal_id_email_pk" PRIMARY KEY("proposal_id","email")
);
--> statement-breakpoint
CREATE TABLE "cfp_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"submitted_by" uuid NOT NULL,
	"title" text NOT NULL,
	"abstract" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"session_type" text NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cfp_reviewer_topics" (
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"topics" jsonb NOT NULL,
	CONSTRAINT "cfp_reviewer_topics_event_id_user_id_pk" PRIMARY KEY("event_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cfp_reviews" (
	"proposal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"confidence" integer NOT NULL,
	"comment_for_speakers" text DEFAULT '' NOT NULL,
	"comment_for_committee" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cfp_reviews_proposal_id_user_id_pk" PRIMARY KEY("proposal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "cfp_settings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"deadline_zone" text DEFAULT 'event' NOT NULL,
	"session_types" jsonb NOT NULL,
	"tracks" jsonb NOT NULL,
	"questions" jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"max_proposals_per_speaker" integer,
	"late_access_code" text,
	"blind" boolean DEFAULT true NOT NULL,
	"page" text DEFAULT '' NOT NULL,
	"phase" text DEFAULT 'closed' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "speaker_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"affiliation" text DEFAULT '' NOT NULL,
	"biography" text DEFAULT '' NOT NULL,
	"photo_url" text,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cfp_assignments" ADD CONSTRAINT "cfp_assignments_proposal_id_cfp_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."cfp_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_assignments" ADD CONSTRAINT "cfp_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_bids" ADD CONSTRAINT "cfp_bids_proposal_id_cfp_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."cfp_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_bids" ADD CONSTRAINT "cfp_bids_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_conflicts" ADD CONSTRAINT "cfp_conflicts_proposal_id_cfp_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."cfp_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_conflicts" ADD CONSTRAINT "cfp_conflicts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_declared_conflicts" ADD CONSTRAINT "cfp_declared_conflicts_proposal_id_cfp_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."cfp_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_proposal_speakers" ADD CONSTRAINT "cfp_proposal_speakers_proposal_id_cfp_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."cfp_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_proposal_speakers" ADD CONSTRAINT "cfp_proposal_speakers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_proposals" ADD CONSTRAINT "cfp_proposals_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_proposals" ADD CONSTRAINT "cfp_proposals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_proposals" ADD CONSTRAINT "cfp_proposals_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_reviewer_topics" ADD CONSTRAINT "cfp_reviewer_topics_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_reviewer_topics" ADD CONSTRAINT "cfp_reviewer_topics_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_reviews" ADD CONSTRAINT "cfp_reviews_proposal_id_cfp_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."cfp_proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_reviews" ADD CONSTRAINT "cfp_reviews_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cfp_settings" ADD CONSTRAINT "cfp_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker_profiles" ADD CONSTRAINT "speaker_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cfp_assignments_user_idx" ON "cfp_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cfp_conflicts_user_idx" ON "cfp_conflicts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cfp_proposal_speakers_user_idx" ON "cfp_proposal_speakers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "cfp_proposal_speakers_email_idx" ON "cfp_proposal_speakers" USING btree ("email");--> statement-breakpoint
CREATE INDEX "cfp_proposals_event_idx" ON "cfp_proposals" USING btree ("event_id","state");--> statement-breakpoint
CREATE INDEX "cfp_proposals_submitter_idx" ON "cfp_proposals" USING btree ("submitted_by");--> statement-breakpoint
CREATE INDEX "cfp_reviews_user_idx" ON "cfp_reviews" USING btree ("user_id");