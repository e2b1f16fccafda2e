CREATE TABLE "schedule_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"room_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_days" (
	"event_id" uuid NOT NULL,
	"date" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	CONSTRAINT "schedule_days_event_id_date_pk" PRIMARY KEY("event_id","date")
);
--> statement-breakpoint
CREATE TABLE "schedule_favourites" (
	"user_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "schedule_favourites_user_id_session_id_pk" PRIMARY KEY("user_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "schedule_releases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"released_at" timestamp with time zone NOT NULL,
	"released_by" uuid,
	"note" text DEFAULT '' NOT NULL,
	"programme" jsonb NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"capacity" integer,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_session_speakers" (
	"session_id" uuid NOT NULL,
	"speaker_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "schedule_session_speakers_session_id_speaker_id_pk" PRIMARY KEY("session_id","speaker_id")
);
--> statement-breakpoint
CREATE TABLE "schedule_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"source" text NOT NULL,
	"proposal_id" uuid,
	"title" text NOT NULL,
	"subtitle" text DEFAULT '' NOT NULL,
	"abstract" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" text DEFAULT 'talk' NOT NULL,
	"track" text,
	"language" text,
	"duration_minutes" integer NOT NULL,
	"expected_audience" integer,
	"room_id" uuid,
	"starts_at" timestamp with time zone,
	"pinned" boolean DEFAULT false NOT NULL,
	"sequence" integer DEFAULT -1 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_settings" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"slot_minutes" integer DEFAULT 15 NOT NULL,
	"default_language" text DEFAULT 'en' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_speakers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"affiliation" text DEFAULT '' NOT NULL,
	"biography" text DEFAULT '' NOT NULL,
	"email" text,
	"user_id" uuid,
	"source_id" text,
	"availability" jsonb
);
--> statement-breakpoint
ALTER TABLE "schedule_blocks" ADD CONSTRAINT "schedule_blocks_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_blocks" ADD CONSTRAINT "schedule_blocks_room_id_schedule_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."schedule_rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_days" ADD CONSTRAINT "schedule_days_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_favourites" ADD CONSTRAINT "schedule_favourites_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_favourites" ADD CONSTRAINT "schedule_favourites_session_id_schedule_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."schedule_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_releases" ADD CONSTRAINT "schedule_releases_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_releases" ADD CONSTRAINT "schedule_releases_released_by_users_id_fk" FOREIGN KEY ("released_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_rooms" ADD CONSTRAINT "schedule_rooms_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_session_speakers" ADD CONSTRAINT "schedule_session_speakers_session_id_schedule_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."schedule_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_session_speakers" ADD CONSTRAINT "schedule_session_speakers_speaker_id_schedule_speakers_id_fk" FOREIGN KEY ("speaker_id") REFERENCES "public"."schedule_speakers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_sessions" ADD CONSTRAINT "schedule_sessions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_sessions" ADD CONSTRAINT "schedule_sessions_room_id_schedule_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."schedule_rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_settings" ADD CONSTRAINT "schedule_settings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_speakers" ADD CONSTRAINT "schedule_speakers_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_speakers" ADD CONSTRAINT "schedule_speakers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "schedule_blocks_event_idx" ON "schedule_blocks" USING btree ("event_id","starts_at");--> statement-breakpoint
CREATE INDEX "schedule_favourites_session_idx" ON "schedule_favourites" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_releases_number_key" ON "schedule_releases" USING btree ("event_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_rooms_event_name_key" ON "schedule_rooms" USING btree ("event_id","name");--> statement-breakpoint
CREATE INDEX "schedule_rooms_event_idx" ON "schedule_rooms" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "schedule_session_speakers_speaker_idx" ON "schedule_session_speakers" USING btree ("speaker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_sessions_number_key" ON "schedule_sessions" USING btree ("event_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_sessions_proposal_key" ON "schedule_sessions" USING btree ("event_id","proposal_id");--> statement-breakpoint
CREATE INDEX "schedule_sessions_room_idx" ON "schedule_sessions" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE INDEX "schedule_speakers_event_idx" ON "schedule_speakers" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_speakers_source_key" ON "schedule_speakers" USING btree ("event_id","source_id");--> statement-breakpoint
CREATE INDEX "schedule_speakers_user_idx" ON "schedule_speakers" USING btree ("user_id");