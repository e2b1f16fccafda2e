import type { z } from "zod";
import type * as S from "../../../server/features/registration/schema.js";

/**
 * The registration API's shapes, as types only: the server's schema file imports its tables
 * (drizzle), so the web app must not import it at run time.
 */
export type Settings = z.infer<typeof S.settingsView>;
export type Applicant = z.infer<typeof S.applicantView>;
export type CreatedRequest = z.infer<typeof S.createdRequestView>;
export type MyRequests = z.infer<typeof S.myRequestsView>;
export type QueueView = z.infer<typeof S.queueView>;
export type QueueItem = z.infer<typeof S.queueItem>;
export type RequestDetail = z.infer<typeof S.requestDetail>;
export type DecisionResult = z.infer<typeof S.decisionResult>;
export type TemplateList = z.infer<typeof S.templateList>;
export type TemplateView = z.infer<typeof S.templateView>;
export type PreviewView = z.infer<typeof S.previewView>;
export type Ledger = z.infer<typeof S.ledgerView>;
export type StipendList = z.infer<typeof S.stipendList>;
export type Stipend = z.infer<typeof S.stipendView>;
export type Budget = z.infer<typeof S.budgetView>;
export type AttendeeList = z.infer<typeof S.attendeeList>;
export type Attendee = z.infer<typeof S.attendeeView>;
export type Summary = z.infer<typeof S.summaryView>;
export type RequestState = Applicant["state"];
export type StipendState = Stipend["state"];
export type Decision = z.infer<typeof S.decisionBody>["action"];
export type TemplateName = TemplateView["template"];
