import { lazy, type ComponentType, type ReactElement } from "react";
import { createBrowserRouter, type RouteObject } from "react-router-dom";
import { PAGES, type PagePath } from "../../shared/pages.js";
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
const cfpSpeakers = () => import("../features/cfp/SpeakerPages.js");
const cfpCommittee = () => import("../features/cfp/CommitteePages.js");
const schedule = () => import("../features/schedule/SchedulePages.js");
const scheduleEditor = () => import("../features/schedule/EditorPage.js");
const scheduleSetup = () => import("../features/schedule/SetupPages.js");
const scheduleAvailability = () => import("../features/schedule/AvailabilityPage.js");
const unconference = () => import("../features/unconference/BoardPages.js");
const unconferencePlenary = () => import("../features/unconference/PlenaryPage.js");
const unconferenceStructure = () => import("../features/unconference/StructurePage.js");
const unconferenceEvening = () => import("../features/unconference/EveningPage.js");

const mailbox = page(mail, (m) => m.MailboxPage);

/** One page per path of the shared list: the type makes every path have a page and nothing else. */
const pages: Record<PagePath, ReactElement> = {
  "/": page(events, (m) => m.HomePage),
  "/communities": page(communities, (m) => m.CommunitiesPage),
  "/communities/:community": page(communities, (m) => m.CommunityPage),
  "/communities/:community/new-event": page(settings, (m) => m.NewEventPage),
  "/communities/:community/events/:event": page(eventPage, (m) => m.EventPage),
  "/communities/:community/events/:event/settings": page(settings, (m) => m.EventSettingsPage),
  "/communities/:community/events/:event/request-invitation": page(applicant, (m) => m.RequestInvitationPage),
  "/communities/:community/events/:event/registration": page(regQueue, (m) => m.RegistrationDashboardPage),
  "/communities/:community/events/:event/registration/queue": page(regQueue, (m) => m.RegistrationQueuePage),
  "/communities/:community/events/:event/registration/queue/:requestId": page(regQueue, (m) => m.RegistrationRequestPage),
  "/communities/:community/events/:event/registration/settings": page(regSettings, (m) => m.RegistrationSettingsPage),
  "/communities/:community/events/:event/registration/templates": page(regSettings, (m) => m.RegistrationTemplatesPage),
  "/communities/:community/events/:event/registration/fees": page(regMoney, (m) => m.RegistrationFeesPage),
  "/communities/:community/events/:event/registration/stipends": page(regMoney, (m) => m.RegistrationStipendsPage),
  "/communities/:community/events/:event/registration/attendees": page(regCheckin, (m) => m.RegistrationAttendeesPage),
  "/communities/:community/events/:event/registration/check-in": page(regCheckin, (m) => m.RegistrationCheckinPage),
  "/communities/:community/events/:event/cfp": page(cfpSpeakers, (m) => m.CallPage),
  "/communities/:community/events/:event/cfp/mine": page(cfpSpeakers, (m) => m.MyProposalsPage),
  "/communities/:community/events/:event/cfp/settings": page(cfpCommittee, (m) => m.CallSettingsPage),
  "/communities/:community/events/:event/cfp/proposals/:proposal": page(cfpSpeakers, (m) => m.ProposalFormPage),
  "/communities/:community/events/:event/cfp/committee": page(cfpCommittee, (m) => m.CommitteePage),
  "/communities/:community/events/:event/cfp/committee/proposals/:proposal": page(cfpCommittee, (m) => m.CommitteeProposalPage),
  "/communities/:community/events/:event/cfp/committee/assignment": page(cfpCommittee, (m) => m.AssignmentPage),
  "/communities/:community/events/:event/cfp/committee/conflicts": page(cfpCommittee, (m) => m.ConflictsPage),
  "/cfp/invitations": page(cfpSpeakers, (m) => m.InvitationsPage),
  "/cfp/profile": page(cfpSpeakers, (m) => m.ProfilePage),
  "/communities/:community/events/:event/schedule": page(schedule, (m) => m.SchedulePage),
  "/communities/:community/events/:event/schedule/sessions/:number": page(schedule, (m) => m.SessionPage),
  "/communities/:community/events/:event/schedule/speakers/:speaker": page(schedule, (m) => m.SpeakerPage),
  "/communities/:community/events/:event/schedule/changes": page(schedule, (m) => m.ChangesPage),
  "/communities/:community/events/:event/schedule/edit": page(scheduleEditor, (m) => m.EditorPage),
  "/communities/:community/events/:event/schedule/availability": page(scheduleAvailability, (m) => m.AvailabilityPage),
  "/communities/:community/events/:event/schedule/setup": page(scheduleSetup, (m) => m.SetupPage),
  "/communities/:community/schedule-import": page(scheduleSetup, (m) => m.ImportPage),
  "/communities/:community/events/:event/unconference": page(unconference, (m) => m.BoardPage),
  "/communities/:community/events/:event/unconference/plenary": page(unconferencePlenary, (m) => m.PlenaryPage),
  "/communities/:community/events/:event/unconference/structure": page(unconferenceStructure, (m) => m.StructurePage),
  "/communities/:community/events/:event/unconference/projector": page(unconference, (m) => m.ProjectorPage),
  "/communities/:community/events/:event/unconference/agenda": page(unconference, (m) => m.AgendaPage),
  "/communities/:community/events/:event/unconference/evening": page(unconferenceEvening, (m) => m.EveningPage),
  "/registration": page(applicant, (m) => m.MyRequestsPage),
  "/registration/verify": page(applicant, (m) => m.RegistrationVerifyPage),
  "/registration/:requestId": page(applicant, (m) => m.RequestStatusPage),
  "/sign-up": page(signUp, (m) => m.SignUpPage),
  "/sign-up/check-your-mail": page(signUp, (m) => m.CheckMailPage),
  "/verify": page(tokens, (m) => m.VerifyPage),
  "/sign-in": page(signIn, (m) => m.SignInPage),
  "/sign-in/link": page(tokens, (m) => m.LinkConsumePage),
  "/forgot-password": page(passwords, (m) => m.ForgotPasswordPage),
  "/reset-password": page(passwords, (m) => m.ResetPasswordPage),
  "/account": page(account, (m) => m.AccountPage),
  "/dev/mail": mailbox,
  "/dev/mail/:id": mailbox,
  "/communities/:community/webhooks": page(webhooks, (m) => m.WebhooksPage),
  "/communities/:community/webhooks/:endpointId": page(webhooks, (m) => m.WebhookEndpointPage),
  "/communities/:community/road": page(road, (m) => m.RoadPage),
  "/communities/:community/road/propose": page(roadPropose, (m) => m.ProposeTalkPage),
  "/communities/:community/road/review": page(roadTalk, (m) => () => <m.RoadListPage which="review" />),
  "/communities/:community/road/wanted": page(roadTalk, (m) => () => <m.RoadListPage which="wanted" />),
  "/communities/:community/road/talks/:talk": page(roadTalk, (m) => m.TalkPage),
  "/communities/:community/announcements": page(news, (m) => m.AnnouncementsPage),
  "/communities/:community/announcements/new": page(news, (m) => m.EditAnnouncementPage),
  "/communities/:community/announcements/:post": page(news, (m) => m.AnnouncementPage),
  "/communities/:community/announcements/:post/edit": page(news, (m) => m.EditAnnouncementPage),
  "/communities/:community/announcement-drafts": page(news, (m) => m.DraftsPage),
  "/subscriptions/confirm": page(news, (m) => () => <m.SubscriptionPage action="confirm" />),
  "/subscriptions/unsubscribe": page(news, (m) => () => <m.SubscriptionPage action="unsubscribe" />),
  "/auth/oidc/:provider/callback": page(providers, (m) => m.ProviderCallbackPage),
};

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [...PAGES.map((path) => ({ path, element: pages[path] })), { path: "*", element: <NotFound /> }],
  },
];

export const router = createBrowserRouter(routes);
