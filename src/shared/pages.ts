/**
 * Every page of the web app, as a react-router path pattern. The web app's router
 * (src/web/app/routes.tsx) gives each its component, and the type makes it give one to every
 * pattern and to no other; the server answers any other path with 404, so a typo or a
 * missing file is not a "200 OK" page.
 */
export const PAGES = [
  "/",
  "/communities",
  "/communities/:community",
  "/communities/:community/new-event",
  "/communities/:community/events/:event",
  "/communities/:community/events/:event/settings",
  "/communities/:community/events/:event/request-invitation",
  "/communities/:community/events/:event/registration",
  "/communities/:community/events/:event/registration/queue",
  "/communities/:community/events/:event/registration/queue/:requestId",
  "/communities/:community/events/:event/registration/settings",
  "/communities/:community/events/:event/registration/templates",
  "/communities/:community/events/:event/registration/fees",
  "/communities/:community/events/:event/registration/stipends",
  "/communities/:community/events/:event/registration/attendees",
  "/communities/:community/events/:event/registration/check-in",
  "/communities/:community/events/:event/cfp",
  "/communities/:community/events/:event/cfp/mine",
  "/communities/:community/events/:event/cfp/settings",
  "/communities/:community/events/:event/cfp/proposals/:proposal",
  "/communities/:community/events/:event/cfp/committee",
  "/communities/:community/events/:event/cfp/committee/proposals/:proposal",
  "/communities/:community/events/:event/cfp/committee/assignment",
  "/communities/:community/events/:event/cfp/committee/conflicts",
  "/cfp/invitations",
  "/cfp/profile",
  "/communities/:community/events/:event/schedule",
  "/communities/:community/events/:event/schedule/sessions/:number",
  "/communities/:community/events/:event/schedule/speakers/:speaker",
  "/communities/:community/events/:event/schedule/changes",
  "/communities/:community/events/:event/schedule/edit",
  "/communities/:community/events/:event/schedule/availability",
  "/communities/:community/events/:event/schedule/setup",
  "/communities/:community/schedule-import",
  "/communities/:community/events/:event/unconference",
  "/communities/:community/events/:event/unconference/plenary",
  "/communities/:community/events/:event/unconference/structure",
  "/communities/:community/events/:event/unconference/projector",
  "/communities/:community/events/:event/unconference/agenda",
  "/communities/:community/events/:event/unconference/evening",
  "/registration",
  "/registration/verify",
  "/registration/:requestId",
  "/sign-up",
  "/sign-up/check-your-mail",
  "/verify",
  "/sign-in",
  "/sign-in/link",
  "/forgot-password",
  "/reset-password",
  "/account",
  "/dev/mail",
  "/dev/mail/:id",
  "/communities/:community/webhooks",
  "/communities/:community/webhooks/:endpointId",
  "/communities/:community/road",
  "/communities/:community/road/propose",
  "/communities/:community/road/review",
  "/communities/:community/road/wanted",
  "/communities/:community/road/talks/:talk",
  "/communities/:community/announcements",
  "/communities/:community/announcements/new",
  "/communities/:community/announcements/:post",
  "/communities/:community/announcements/:post/edit",
  "/communities/:community/announcement-drafts",
  "/subscriptions/confirm",
  "/subscriptions/unsubscribe",
  "/auth/oidc/:provider/callback",
] as const;

export type PagePath = (typeof PAGES)[number];

const segments = (path: string) => path.split("/").filter(Boolean);
const patterns = PAGES.map(segments);

/** Whether a request path (no query) is one of the web app's pages; a trailing slash is ignored, as by the server. */
export function isPage(pathname: string): boolean {
  const parts = segments(pathname);
  return patterns.some((p) => p.length === parts.length && p.every((seg, i) => (seg.startsWith(":") ? parts[i]!.length > 0 : seg === parts[i])));
}
