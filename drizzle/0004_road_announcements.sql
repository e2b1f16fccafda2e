CREATE TABLE "talk_speakers" (
	"talk_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"affiliation" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	CONSTRAINT "talk_speakers_talk_id_position_pk" PRIMARY KEY("talk_id","position")
);
--> statement-breakpoint
CREATE TABLE "announcement_subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"email" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"confirm_token_hash" text,
	"confirm_by" timestamp with time zone,
	"unsubscribe_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	CONSTRAINT "announcement_subscribers_unsubscribe_token_unique" UNIQUE("unsubscribe_token")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"author_id" uuid,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"event_id" uuid,
	"talk_id" uuid,
	"cover_image_url" text,
	"cover_image_alt" text DEFAULT '' NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"publish_at" timestamp with time zone,
	"notify_subscribers" boolean DEFAULT false NOT NULL,
	"announced_at" timestamp with time zone,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "talks" ALTER COLUMN "event_id" DROP NOT NULL;--> statement-breakpoint
UPDATE "talks" SET "starts_at" = (e."start_date"::timestamp AT TIME ZONE e."time_zone") FROM "events" e WHERE e."id" = "talks"."event_id" AND "talks"."starts_at" IS NULL;--> statement-breakpoint
ALTER TABLE "talks" ALTER COLUMN "starts_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "headers" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "community_id" uuid;--> statement-breakpoint
-- Hand-written: talks that existed before belong to their event's community, were approved, and keep their speaker as the first talk_speakers row.
UPDATE "talks" SET "community_id" = e."community_id" FROM "events" e WHERE e."id" = "talks"."event_id";--> statement-breakpoint
ALTER TABLE "talks" ALTER COLUMN "community_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "proposed_event" jsonb;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "state" text DEFAULT 'proposed' NOT NULL;--> statement-breakpoint
UPDATE "talks" SET "state" = 'approved';--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "topics" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "session_url" text;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "proposed_by" uuid;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "decision_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "talk_speakers" ADD CONSTRAINT "talk_speakers_talk_id_talks_id_fk" FOREIGN KEY ("talk_id") REFERENCES "public"."talks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talk_speakers" ADD CONSTRAINT "talk_speakers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_subscribers" ADD CONSTRAINT "announcement_subscribers_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_talk_id_talks_id_fk" FOREIGN KEY ("talk_id") REFERENCES "public"."talks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talk_speakers_user_idx" ON "talk_speakers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "announcement_subscribers_email_key" ON "announcement_subscribers" USING btree ("community_id",lower("email"));--> statement-breakpoint
CREATE INDEX "announcement_subscribers_confirm_idx" ON "announcement_subscribers" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "announcements_community_slug_key" ON "announcements" USING btree ("community_id","slug");--> statement-breakpoint
CREATE INDEX "announcements_listing_idx" ON "announcements" USING btree ("community_id","state","publish_at");--> statement-breakpoint
CREATE INDEX "announcements_due_idx" ON "announcements" USING btree ("state","publish_at");--> statement-breakpoint
ALTER TABLE "talks" ADD CONSTRAINT "talks_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talks" ADD CONSTRAINT "talks_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talks" ADD CONSTRAINT "talks_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talks_community_state_idx" ON "talks" USING btree ("community_id","state","starts_at");--> statement-breakpoint
INSERT INTO "talk_speakers" ("talk_id", "position", "name", "affiliation") SELECT "id", 0, "speaker_name", coalesce("speaker_affiliation", '') FROM "talks" WHERE coalesce("speaker_name", '') <> '';--> statement-breakpoint
ALTER TABLE "talks" DROP COLUMN "speaker_name";--> statement-breakpoint
ALTER TABLE "talks" DROP COLUMN "speaker_affiliation";