CREATE TABLE "demo_instance" (
	"community_id" uuid PRIMARY KEY NOT NULL,
	"replay_year" integer NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "demo_instance" ADD CONSTRAINT "demo_instance_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- An instance seeded with the demo before this flag existed: the demo's community and its example.org organiser give it away.
INSERT INTO "demo_instance" ("community_id", "replay_year") SELECT "c"."id", 2014 FROM "communities" "c" WHERE "c"."slug" = 'xen-project' AND EXISTS (SELECT 1 FROM "users" "u" WHERE lower("u"."email") = 'organiser@example.org') ON CONFLICT DO NOTHING;
