import { z } from "zod";
import type { AppContext } from "../../platform/context.js";
import type { Router } from "../../platform/http/route.js";
import { sendFeed } from "../../platform/http/feed.js";
import { requestLocale } from "../../platform/http/locale.js";
import { ATOM_CONTENT_TYPE } from "../../platform/atom.js";
import { inCommunity } from "../communities/index.js";
import { AnnouncementFeeds } from "./feeds.js";
import { getPost, listDrafts, listPosts } from "./find-posts.js";
import { publishPost, unpublishPost } from "./publish-post.js";
import * as s from "./schema.js";
import { confirmSubscription, subscribe, unsubscribe } from "./subscriptions.js";
import { createPost, deletePost, updatePost } from "./write-post.js";

const tags = ["announcements"];
const base = "/api/v1/communities/{community}/announcements";

export function announcementRoutes(r: Router, ctx: AppContext): void {
  const feeds = new AnnouncementFeeds(ctx);
  r.add(
    { method: "GET", url: base, operationId: "listAnnouncements", summary: "Published announcements, newest first, ten a page: all, one month's archive, one tag's, or one event's.", tags, access: "public", params: s.communityParams, query: s.listPostsQuery, response: s.postList, errors: [404] },
    async ({ actor, params, query, req }) => listPosts(ctx, actor, params.community, query, requestLocale(req)),
  );
  r.add(
    { method: "GET", url: `${base}/feed.atom`, operationId: "announcementsFeed", summary: "The community's announcements as an Atom feed (RFC 4287), older posts on RFC 5005 pages.", tags, access: "public", params: s.communityParams, query: s.feedQuery, response: z.string(), produces: ATOM_CONTENT_TYPE, errors: [404] },
    async ({ params, query, req, reply }) => {
      const locale = requestLocale(req);
      return sendFeed(req, reply, ATOM_CONTENT_TYPE, await feeds.get(params.community, undefined, query.page, locale), { locale });
    },
  );
  r.add(
    { method: "GET", url: `${base}/tags/{tag}/feed.atom`, operationId: "announcementsTagFeed", summary: "One tag's announcements as an Atom feed.", tags, access: "public", params: s.tagParams, query: s.feedQuery, response: z.string(), produces: ATOM_CONTENT_TYPE, errors: [404] },
    async ({ params, query, req, reply }) => {
      const locale = requestLocale(req);
      return sendFeed(req, reply, ATOM_CONTENT_TYPE, await feeds.get(params.community, params.tag, query.page, locale), { locale });
    },
  );
  r.add(
    { method: "POST", url: base, operationId: "createAnnouncement", summary: "Write an announcement; it starts as a draft.", tags, access: inCommunity("announcement.write"), params: s.communityParams, body: s.createPostBody, response: s.postView, status: 201, errors: [404, 409] },
    async ({ target, body }) => createPost(ctx, target, body),
  );
  r.add(
    { method: "GET", url: "/api/v1/communities/{community}/announcement-drafts", operationId: "listAnnouncementDrafts", summary: "Drafts and scheduled announcements.", tags, access: inCommunity("announcement.write"), params: s.communityParams, response: s.draftList, errors: [404] },
    async ({ target }) => listDrafts(ctx, target),
  );
  r.add(
    { method: "GET", url: `${base}/{post}`, operationId: "getAnnouncement", summary: "One announcement (drafts only for the community's writers).", tags, access: "public", params: s.postParams, response: s.postView, errors: [404] },
    async ({ actor, params }) => getPost(ctx, actor, params.community, params.post),
  );
  r.add(
    { method: "PATCH", url: `${base}/{post}`, operationId: "updateAnnouncement", summary: "Change an announcement.", tags, access: inCommunity("announcement.write"), params: s.postParams, body: s.updatePostBody, response: s.postView, errors: [404, 409] },
    async ({ target, params, body }) => updatePost(ctx, target, params.post, body),
  );
  r.add(
    { method: "DELETE", url: `${base}/{post}`, operationId: "deleteAnnouncement", summary: "Delete a draft or scheduled announcement.", tags, access: inCommunity("announcement.write"), params: s.postParams, response: null, errors: [404, 409] },
    async ({ target, params }) => deletePost(ctx, target, params.post),
  );
  r.add(
    { method: "POST", url: `${base}/{post}/publish`, operationId: "publishAnnouncement", summary: "Publish now, or schedule for a later time.", tags, access: inCommunity("announcement.write"), params: s.postParams, body: s.publishBody, response: s.postView, errors: [404, 409] },
    async ({ target, params, body }) => publishPost(ctx, target, params.post, body.at),
  );
  r.add(
    { method: "POST", url: `${base}/{post}/unpublish`, operationId: "unpublishAnnouncement", summary: "Take an announcement back to a draft.", tags, access: inCommunity("announcement.write"), params: s.postParams, response: s.postView, errors: [404, 409] },
    async ({ target, params }) => unpublishPost(ctx, target, params.post),
  );

  r.add(
    { method: "POST", url: "/api/v1/communities/{community}/subscriptions", operationId: "subscribeToAnnouncements", summary: "Ask for the community's announcements by mail; a confirmation link is sent first.", tags, access: "public", params: s.communityParams, body: s.subscribeBody, response: null, status: 202, errors: [404], rateLimit: { bucket: "subscribe", max: 10, windowSeconds: 3600 } },
    async ({ params, body, req }) => subscribe(ctx, params.community, body.email, body.locale ?? requestLocale(req)),
  );
  r.add(
    { method: "POST", url: "/api/v1/subscriptions/confirm", operationId: "confirmSubscription", summary: "Confirm a subscription with the link's token.", tags, access: "public", body: s.tokenBody, response: s.subscriptionView },
    async ({ body }) => confirmSubscription(ctx, body.token),
  );
  r.add(
    { method: "POST", url: "/api/v1/subscriptions/unsubscribe", operationId: "unsubscribe", summary: "Stop a subscription: the link in every mail, also as RFC 8058 one-click (a form POST).", tags, access: "public", query: s.unsubscribeQuery, body: s.oneClickBody, response: s.subscriptionView },
    async ({ query }) => unsubscribe(ctx, query.token),
  );
}
