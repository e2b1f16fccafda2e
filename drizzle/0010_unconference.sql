CREATE TABLE "unconf_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"label" text NOT NULL,
	"capacity" integer NOT NULL,
	"features" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unconf_days" (
	"event_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	CONSTRAINT "unconf_days_event_id_date_pk" PRIMARY KEY("event_id","date")
);
--> statement-breakpoint
CREATE TABLE "unconf_demos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"date" date NOT NULL,
	"position" integer NOT NULL,
	"minutes" integer NOT NULL,
	"started_at" timestamp with time zone,
	"signed_up_by" uuid
);
--> statement-breakpoint
CREATE TABLE "unconf_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"adopted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unconf_feedback_votes" (
	"feedback_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "unconf_feedback_votes_feedback_id_user_id_pk" PRIMARY KEY("feedback_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "unconf_fixed" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unconf_interest" (
	"topic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"must_attend" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unconf_interest_topic_id_user_id_pk" PRIMARY KEY("topic_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "unconf_leaders" (
	"topic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "unconf_leaders_topic_id_user_id_pk" PRIMARY KEY("topic_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "unconf_settings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"closed_dates" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unconf_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unconf_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"needs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"length" integer DEFAULT 1 NOT NULL,
	"unavailable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"merged_into" uuid,
	"proposed_by" uuid,
	"area_id" uuid,
	"slot_id" uuid,
	"pinned" boolean DEFAULT false NOT NULL,
	"sequence" integer DEFAULT -1 NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"outcomes" text DEFAULT '' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unconf_versions" (
	"event_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"board" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	CONSTRAINT "unconf_versions_event_id_number_pk" PRIMARY KEY("event_id","number")
);
--> statement-breakpoint
ALTER TABLE "unconf_areas" ADD CONSTRAINT "unconf_areas_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_days" ADD CONSTRAINT "unconf_days_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_demos" ADD CONSTRAINT "unconf_demos_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_demos" ADD CONSTRAINT "unconf_demos_topic_id_unconf_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."unconf_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_demos" ADD CONSTRAINT "unconf_demos_signed_up_by_users_id_fk" FOREIGN KEY ("signed_up_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_feedback" ADD CONSTRAINT "unconf_feedback_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_feedback" ADD CONSTRAINT "unconf_feedback_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_feedback_votes" ADD CONSTRAINT "unconf_feedback_votes_feedback_id_unconf_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."unconf_feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_feedback_votes" ADD CONSTRAINT "unconf_feedback_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_fixed" ADD CONSTRAINT "unconf_fixed_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_interest" ADD CONSTRAINT "unconf_interest_topic_id_unconf_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."unconf_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_interest" ADD CONSTRAINT "unconf_interest_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_leaders" ADD CONSTRAINT "unconf_leaders_topic_id_unconf_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."unconf_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_leaders" ADD CONSTRAINT "unconf_leaders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_settings" ADD CONSTRAINT "unconf_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_slots" ADD CONSTRAINT "unconf_slots_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_topics" ADD CONSTRAINT "unconf_topics_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_topics" ADD CONSTRAINT "unconf_topics_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_topics" ADD CONSTRAINT "unconf_topics_area_id_unconf_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."unconf_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_topics" ADD CONSTRAINT "unconf_topics_slot_id_unconf_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."unconf_slots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_versions" ADD CONSTRAINT "unconf_versions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unconf_versions" ADD CONSTRAINT "unconf_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unconf_areas_event_label_key" ON "unconf_areas" USING btree ("event_id","label");--> statement-breakpoint
CREATE UNIQUE INDEX "unconf_demos_topic_day_key" ON "unconf_demos" USING btree ("topic_id","date");--> statement-breakpoint
CREATE INDEX "unconf_demos_event_idx" ON "unconf_demos" USING btree ("event_id","date","position");--> statement-breakpoint
CREATE INDEX "unconf_feedback_event_idx" ON "unconf_feedback" USING btree ("event_id","date");--> statement-breakpoint
CREATE INDEX "unconf_fixed_event_idx" ON "unconf_fixed" USING btree ("event_id","date");--> statement-breakpoint
CREATE INDEX "unconf_interest_user_idx" ON "unconf_interest" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "unconf_leaders_user_idx" ON "unconf_leaders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "unconf_slots_event_idx" ON "unconf_slots" USING btree ("event_id","date","start_time");--> statement-breakpoint
CREATE UNIQUE INDEX "unconf_topics_number_key" ON "unconf_topics" USING btree ("event_id","number");--> statement-breakpoint
CREATE INDEX "unconf_topics_area_idx" ON "unconf_topics" USING btree ("area_id");--> statement-breakpoint
CREATE INDEX "unconf_topics_slot_idx" ON "unconf_topics" USING btree ("slot_id");