import { z } from "zod";
import { msgId } from "../../../shared/i18n/catalogue.js";
import { LOCALES } from "../../../shared/i18n/locales.js";
import { slug } from "../communities/schema.js";
import { POST_STATES } from "./rules.js";

/** Announcements: a community's news, in Markdown, with monthly archives, tag pages and Atom feeds. */
export const LIMITS = { titleMax: 200, bodyMax: 100_000, summaryMax: 600, tagsMax: 10, tagMax: 40, altMax: 300, urlMax: 500, emailMax: 254, pageSize: 10, feedSize: 20 } as const;

const httpUrl = z.url({ protocol: /^https?$/ }).max(LIMITS.urlMax);

/** Tags are address parts ("xen-4-4"), so a tag page and its feed have a plain URL. */
export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(LIMITS.tagMax)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, msgId("announcements.form.tagFormat"));
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, msgId("events.form.monthFormat"));

const postFields = z.object({
  title: z.string().trim().min(1, msgId("announcements.form.titleRequired")).max(LIMITS.titleMax),
  /** Markdown; rendered and sanitised on the server. */
  body: z.string().max(LIMITS.bodyMax),
  /** Shown in lists and feeds; taken from the first paragraph when empty. */
  summary: z.string().trim().max(LIMITS.summaryMax),
  tags: z.array(tag).max(LIMITS.tagsMax, msgId("announcements.form.tooManyTags")),
  eventSlug: slug.nullable(),
  talkId: z.uuid(msgId("road.form.unknownTalk")).nullable(),
  coverImageUrl: httpUrl.nullable(),
  coverImageAlt: z.string().trim().max(LIMITS.altMax),
  /** Mail the community's subscribers when the post is first published. */
  notifySubscribers: z.boolean(),
});

export const createPostBody = postFields
  .extend({
    slug: slug.optional(),
    body: postFields.shape.body.default(""),
    summary: postFields.shape.summary.default(""),
    tags: postFields.shape.tags.default([]),
    eventSlug: postFields.shape.eventSlug.default(null),
    talkId: postFields.shape.talkId.default(null),
    coverImageUrl: postFields.shape.coverImageUrl.default(null),
    coverImageAlt: postFields.shape.coverImageAlt.default(""),
    notifySubscribers: postFields.shape.notifySubscribers.default(false),
  })
  .strict()
  .refine((p) => !p.coverImageUrl || p.coverImageAlt !== "", { message: msgId("announcements.form.coverAltRequired"), path: ["coverImageAlt"] });
export type CreatePostBody = z.infer<typeof createPostBody>;

export const updatePostBody = postFields.partial().strict();
export type UpdatePostBody = z.infer<typeof updatePostBody>;

/** Publish now (no `at`, or `at` not in the future) or schedule for `at`. */
export const publishBody = z.object({ at: z.iso.datetime({ offset: true }).nullable().default(null) }).strict();

export const communityParams = z.object({ community: slug });
export const postParams = z.object({ community: slug, post: slug });
export const tagParams = z.object({ community: slug, tag });

export const listPostsQuery = z
  .object({
    month: month.optional(),
    tag: tag.optional(),
    event: slug.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .strict();
export type ListPostsQuery = z.infer<typeof listPostsQuery>;
export const feedQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).strict();

export const postView = z.object({
  id: z.uuid(),
  slug: z.string(),
  communitySlug: z.string(),
  title: z.string(),
  /** Markdown source: only for those who may edit it. */
  body: z.string().nullable(),
  bodyHtml: z.string(),
  /** The author's summary as written: empty when lists and feeds take the first paragraph. */
  summary: z.string(),
  /** What lists and feeds show: the summary, or the first paragraph as plain text. */
  excerpt: z.string(),
  authorName: z.string().nullable(),
  tags: z.array(z.string()),
  event: z.object({ slug: z.string(), name: z.string() }).nullable(),
  talk: z.object({ id: z.string(), title: z.string() }).nullable(),
  coverImageUrl: z.string().nullable(),
  coverImageAlt: z.string(),
  state: z.enum(POST_STATES),
  publishAt: z.string().nullable(),
  notifySubscribers: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean(), publish: z.boolean(), unpublish: z.boolean(), delete: z.boolean() }),
});
export type PostView = z.infer<typeof postView>;

const count = z.object({ value: z.string(), count: z.number().int() });
export const postList = z.object({
  /** "Monthly Archives: March 2014", "Tag: xen-4-4", "Announcements". */
  heading: z.string(),
  posts: z.array(postView),
  total: z.number().int(),
  page: z.number().int(),
  pages: z.number().int(),
  archives: z.array(count),
  tags: z.array(count),
  feed: z.string(),
  can: z.object({ write: z.boolean() }),
});
export type PostList = z.infer<typeof postList>;
export const draftList = z.object({ posts: z.array(postView) });

/** `locale`: the language of the mails; when left out, the language of the request. */
export const subscribeBody = z.object({ email: z.email().max(LIMITS.emailMax), locale: z.enum(LOCALES).optional() }).strict();
export const tokenBody = z.object({ token: z.string().min(20).max(200) }).strict();
export const unsubscribeQuery = z.object({ token: z.string().min(20).max(200) }).strict();
/** RFC 8058 one-click: mail programs POST `List-Unsubscribe=One-Click` as a form. */
export const oneClickBody = z.object({ "List-Unsubscribe": z.string().optional() }).passthrough();
export const subscriptionView = z.object({ community: z.object({ slug: z.string(), name: z.string() }), email: z.string(), state: z.enum(["pending", "confirmed", "unsubscribed"]) });
