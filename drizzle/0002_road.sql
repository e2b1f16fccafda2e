CREATE TABLE "talk_speakers" (
	"talk_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"affiliation" text DEFAULT '' NOT NULL,
	"user_id" uuid,
	CONSTRAINT "talk_speakers_talk_id_position_pk" PRIMARY KEY("talk_id","position")
);
--> statement-breakpoint
ALTER TABLE "talks" ALTER COLUMN "event_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "talks" ALTER COLUMN "starts_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "community_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "proposed_event" jsonb;--> statement-breakpoint
ALTER TABLE "talks" ADD COLUMN "state" text DEFAULT 'proposed' NOT NULL;--> statement-breakpoint
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
CREATE INDEX "talk_speakers_user_idx" ON "talk_speakers" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "talks" ADD CONSTRAINT "talks_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talks" ADD CONSTRAINT "talks_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talks" ADD CONSTRAINT "talks_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "talks_community_state_idx" ON "talks" USING btree ("community_id","state","starts_at");--> statement-breakpoint
ALTER TABLE "talks" DROP COLUMN "speaker_name";--> statement-breakpoint
ALTER TABLE "talks" DROP COLUMN "speaker_affiliation";