import { lazy, type ComponentType } from "react";
import { createBrowserRouter, type RouteObject } from "react-router-dom";
import { Layout, NotFound } from "./layout.js";

/**
 * Each feature is its own chunk, loaded the first time one of its pages is opened; the
 * layout (header, footer) renders at once and shows a loading line meanwhile.
 */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType) {
  const Component = lazy(async () => ({ default: pick(await load()) }));
  return <Component />;
}
const events = () => import("../features/events/HomePage.js");
const eventPage = () => import("../features/events/EventPage.js");
const settings = () => import("../features/events/EventSettingsPage.js");
const communities = () => import("../features/communities/CommunityPage.js");
const signUp = () => import("../features/accounts/SignUpPage.js");
const signIn = () => import("../features/accounts/SignInPage.js");
const tokens = () => import("../features/accounts/TokenPages.js");
const passwords = () => import("../features/accounts/PasswordPages.js");
const account = () => import("../features/accounts/AccountPage.js");
const providers = () => import("../features/accounts/ProviderPages.js");
const mail = () => import("../features/mail/MailboxPage.js");
const applicant = () => import("../features/registration/ApplicantPages.js");
const regQueue = () => import("../features/registration/QueuePages.js");
const regSettings = () => import("../features/registration/SettingsPages.js");
const regMoney = () => import("../features/registration/MoneyPages.js");
const regCheckin = () => import("../features/registration/CheckinPages.js");
const webhooks = () => import("../features/webhooks/WebhooksPages.js");

const road = () => import("../features/road/RoadPage.js");
const roadTalk = () => import("../features/road/TalkPages.js");
const roadPropose = () => import("../features/road/ProposeTalkPage.js");
const news = () => import("../features/announcements/AnnouncementPages.js");

const mailbox = page(mail, (m) => m.MailboxPage);

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: "/", element: page(events, (m) => m.HomePage) },
      { path: "/communities", element: page(communities, (m) => m.CommunitiesPage) },
      { path: "/communities/:community", element: page(communities, (m) => m.CommunityPage) },
      { path: "/communities/:community/new-event", element: page(settings, (m) => m.NewEventPage) },
      { path: "/communities/:community/webhooks", element: page(webhooks, (m) => m.WebhooksPage) },
      { path: "/communities/:community/webhooks/:endpointId", element: page(webhooks, (m) => m.WebhookEndpointPage) },
      { path: "/communities/:community/events/:event", element: page(eventPage, (m) => m.EventPage) },
      { path: "/communities/:community/events/:event/settings", element: page(settings, (m) => m.EventSettingsPage) },
      { path: "/communities/:community/events/:event/request-invitation", element: page(applicant, (m) => m.RequestInvitationPage) },
      { path: "/communities/:community/events/:event/registration", element: page(regQueue, (m) => m.RegistrationDashboardPage) },
      { path: "/communities/:community/events/:event/registration/queue", element: page(regQueue, (m) => m.RegistrationQueuePage) },
      { path: "/communities/:community/events/:event/registration/queue/:requestId", element: page(regQueue, (m) => m.RegistrationRequestPage) },
      { path: "/communities/:community/events/:event/registration/settings", element: page(regSettings, (m) => m.RegistrationSettingsPage) },
      { path: "/communities/:community/events/:event/registration/templates", element: page(regSettings, (m) => m.RegistrationTemplatesPage) },
      { path: "/communities/:community/events/:event/registration/fees", element: page(regMoney, (m) => m.RegistrationFeesPage) },
      { path: "/communities/:community/events/:event/registration/stipends", element: page(regMoney, (m) => m.RegistrationStipendsPage) },
      { path: "/communities/:community/events/:event/registration/attendees", element: page(regCheckin, (m) => m.RegistrationAttendeesPage) },
      { path: "/communities/:community/events/:event/registration/check-in", element: page(regCheckin, (m) => m.RegistrationCheckinPage) },
      { path: "/communities/:community/road", element: page(road, (m) => m.RoadPage) },
      { path: "/communities/:community/road/propose", element: page(roadPropose, (m) => m.ProposeTalkPage) },
      { path: "/communities/:community/road/review", element: page(roadTalk, (m) => () => <m.RoadListPage which="review" />) },
      { path: "/communities/:community/road/wanted", element: page(roadTalk, (m) => () => <m.RoadListPage which="wanted" />) },
      { path: "/communities/:community/road/talks/:talk", element: page(roadTalk, (m) => m.TalkPage) },
      { path: "/communities/:community/announcements", element: page(news, (m) => m.AnnouncementsPage) },
      { path: "/communities/:community/announcements/new", element: page(news, (m) => m.EditAnnouncementPage) },
      { path: "/communities/:community/announcements/:post", element: page(news, (m) => m.AnnouncementPage) },
      { path: "/communities/:community/announcements/:post/edit", element: page(news, (m) => m.EditAnnouncementPage) },
      { path: "/communities/:community/announcement-drafts", element: page(news, (m) => m.DraftsPage) },
      { path: "/subscriptions/confirm", element: page(news, (m) => () => <m.SubscriptionPage action="confirm" />) },
      { path: "/subscriptions/unsubscribe", element: page(news, (m) => () => <m.SubscriptionPage action="unsubscribe" />) },
      { path: "/registration", element: page(applicant, (m) => m.MyRequestsPage) },
      { path: "/registration/verify", element: page(applicant, (m) => m.RegistrationVerifyPage) },
      { path: "/registration/:requestId", element: page(applicant, (m) => m.RequestStatusPage) },
      { path: "/sign-up", element: page(signUp, (m) => m.SignUpPage) },
      { path: "/sign-up/check-your-mail", element: page(signUp, (m) => m.CheckMailPage) },
      { path: "/verify", element: page(tokens, (m) => m.VerifyPage) },
      { path: "/sign-in", element: page(signIn, (m) => m.SignInPage) },
      { path: "/sign-in/link", element: page(tokens, (m) => m.LinkConsumePage) },
      { path: "/auth/oidc/:provider/callback", element: page(providers, (m) => m.ProviderCallbackPage) },
      { path: "/forgot-password", element: page(passwords, (m) => m.ForgotPasswordPage) },
      { path: "/reset-password", element: page(passwords, (m) => m.ResetPasswordPage) },
      { path: "/account", element: page(account, (m) => m.AccountPage) },
      { path: "/dev/mail", element: mailbox },
      { path: "/dev/mail/:id", element: mailbox },
      { path: "*", element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
