import type { FastifyReply } from "fastify";
import type { AppContext } from "../../platform/context.js";
import type { Router } from "../../platform/http/route.js";
import { inEvent } from "../events/index.js";
import * as s from "./schema.js";
import { attendees, attendeesCsv } from "./attendees.js";
import { checkIn } from "./check-in.js";
import { confirm } from "./confirm.js";
import { decide } from "./decide.js";
import { ledger, ledgerCsv } from "./ledger.js";
import { listStipends } from "./list-stipends.js";
import { listTemplates, previewTemplate, resetTemplate, saveTemplate } from "./mail-templates.js";
import { organiserStipendAction } from "./offer-stipend.js";
import { addNote, queue, requestDetail } from "./queue.js";
import { recordDonation, recordPayment } from "./record-payment.js";
import { createRequest, verifyRequest } from "./request-invitation.js";
import { applicantStipendAction, requestStipend } from "./request-stipend.js";
import { getPublicSettings, getSettings, putSettings } from "./settings.js";
import { getOwnRequest, myRequests } from "./status-page.js";
import { summary } from "./summary.js";
import { withdraw } from "./withdraw.js";

const tags = ["registration"];
const base = "/api/v1/communities/{community}/events/{event}/registration";
const mine = "/api/v1/registration/requests/{requestId}";

/** CSV exports open as a download named after the event. */
function asCsvDownload(reply: FastifyReply, filename: string, csv: string): string {
  reply.header("content-type", "text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${filename}"`);
  return csv;
}

export function registrationRoutes(r: Router, ctx: AppContext): void {
  // ---- the event's registration, public side
  r.add(
    { method: "GET", url: base, operationId: "getRegistration", summary: "Whether and when an event takes invitation requests, its fee, beneficiary and questions.", tags, access: "public", params: s.eventParams, response: s.settingsView, errors: [404] },
    async ({ actor, params }) => getPublicSettings(ctx, actor, params.community, params.event),
  );
  r.add(
    {
      method: "POST",
      url: `${base}/requests`,
      operationId: "requestInvitation",
      summary: "Request an invitation, signed in or with an email address (then a confirmation link is mailed; the account is created from the verified address).",
      tags,
      access: "public",
      params: s.eventParams,
      body: s.createRequestBody,
      response: s.createdRequestView,
      status: 201,
      errors: [400, 404, 409],
      rateLimit: { bucket: "registration-request", max: 20, windowSeconds: 600 },
    },
    async ({ actor, params, body }) => createRequest(ctx, actor, params.community, params.event, body),
  );

  // ---- the applicant
  r.add(
    { method: "POST", url: "/api/v1/registration/verify", operationId: "verifyInvitationRequest", summary: "Confirm a request made by email with the token from the mail; returns the status link.", tags, access: "public", body: s.verifyRequestBody, response: s.createdRequestView, errors: [400, 404], rateLimit: { bucket: "sign-in", max: 10, windowSeconds: 60 } },
    async ({ body }) => verifyRequest(ctx, body.requestId, body.token),
  );
  r.add(
    { method: "GET", url: "/api/v1/registration/mine", operationId: "myInvitationRequests", summary: "The signed-in person's invitation requests.", tags, access: "user", response: s.myRequestsView },
    async ({ actor }) => myRequests(ctx, actor),
  );
  r.add(
    { method: "GET", url: mine, operationId: "getMyInvitationRequest", summary: "An invitation request's status page (with ?token= from the mail, or signed in).", tags, access: "public", params: s.applicantParams, query: s.applicantQuery, response: s.applicantView, errors: [404] },
    async ({ actor, params, query }) => getOwnRequest(ctx, actor, params.requestId, query.token),
  );
  r.add(
    { method: "POST", url: `${mine}/withdraw`, operationId: "withdrawInvitationRequest", summary: "Withdraw a request, or cancel a confirmed place; a freed place goes to the waiting list.", tags, access: "public", params: s.applicantParams, query: s.applicantQuery, response: s.applicantView, errors: [404, 409] },
    async ({ actor, params, query }) => withdraw(ctx, actor, params.requestId, query.token),
  );
  r.add(
    { method: "POST", url: `${mine}/confirm`, operationId: "confirmInvitation", summary: "Confirm an invitation before its deadline; takes a place (never more than the capacity).", tags, access: "public", params: s.applicantParams, query: s.applicantQuery, response: s.applicantView, errors: [404, 409] },
    async ({ actor, params, query }) => confirm(ctx, actor, params.requestId, query.token),
  );
  r.add(
    { method: "POST", url: `${mine}/stipend`, operationId: "requestStipend", summary: "Ask for a travel stipend: amount (minor units), currency, origin, justification.", tags, access: "public", params: s.applicantParams, query: s.applicantQuery, body: s.stipendRequestBody, response: s.applicantView, status: 201, errors: [400, 404, 409] },
    async ({ actor, params, query, body }) => requestStipend(ctx, actor, params.requestId, query.token, body),
  );
  r.add(
    { method: "POST", url: `${mine}/stipend/respond`, operationId: "respondToStipend", summary: "Accept or decline an offer, withdraw the stipend request, or reply to the organisers.", tags, access: "public", params: s.applicantParams, query: s.applicantQuery, body: s.stipendApplicantBody, response: s.applicantView, errors: [400, 404, 409] },
    async ({ actor, params, query, body }) => applicantStipendAction(ctx, actor, params.requestId, query.token, body),
  );

  // ---- organisers
  r.add(
    { method: "GET", url: `${base}/settings`, operationId: "getRegistrationSettings", summary: "Registration settings, with the stipend budget.", tags, access: inEvent("registration.view"), params: s.eventParams, response: s.settingsView, errors: [404] },
    async ({ target }) => getSettings(ctx, target),
  );
  r.add(
    { method: "PUT", url: `${base}/settings`, operationId: "putRegistrationSettings", summary: "Set up registration (capacity and window required the first time) or change some settings.", tags, access: inEvent("registration.manage"), params: s.eventParams, body: s.putSettingsBody, response: s.settingsView, errors: [400, 404, 409] },
    async ({ target, body }) => putSettings(ctx, target, body),
  );
  r.add(
    { method: "GET", url: `${base}/summary`, operationId: "getRegistrationSummary", summary: "Funnel (requested → invited → confirmed → checked in), counters per state, places, stipend budget and fee totals.", tags, access: inEvent("registration.view"), params: s.eventParams, response: s.summaryView, errors: [404] },
    async ({ target }) => summary(ctx, target),
  );
  r.add(
    { method: "GET", url: `${base}/requests`, operationId: "listInvitationRequests", summary: "The queue: sorted by answer-by date, overdue flagged, counters per state, filters, search, pages.", tags, access: inEvent("registration.view"), params: s.eventParams, query: s.queueQuery, response: s.queueView, errors: [404] },
    async ({ target, query }) => queue(ctx, target, query),
  );
  r.add(
    { method: "GET", url: `${base}/requests/{requestId}`, operationId: "getInvitationRequest", summary: "One request with its answers and internal notes.", tags, access: inEvent("registration.view"), params: s.requestParams, response: s.requestDetail, errors: [404] },
    async ({ target, params }) => requestDetail(ctx, target, params.requestId),
  );
  r.add(
    { method: "POST", url: `${base}/requests/{requestId}/notes`, operationId: "addRequestNote", summary: "Add an internal note (never shown to the applicant).", tags, access: inEvent("registration.manage"), params: s.requestParams, body: s.noteBody, response: s.requestDetail, status: 201, errors: [400, 404] },
    async ({ target, params, body }) => addNote(ctx, target, params.requestId, body.body),
  );
  r.add(
    { method: "POST", url: `${base}/decisions`, operationId: "decideInvitationRequests", summary: "Invite, waitlist, decline or cancel many requests (ids or a pasted list of emails) in one transaction with their mails.", tags, access: inEvent("registration.manage"), params: s.eventParams, body: s.decisionBody, response: s.decisionResult, errors: [400, 404] },
    async ({ target, body }) => decide(ctx, target, body),
  );
  r.add(
    { method: "GET", url: `${base}/templates`, operationId: "listRegistrationTemplates", summary: "The decision mails' wording per locale (custom or built in) and their variables.", tags, access: inEvent("registration.view"), params: s.eventParams, response: s.templateList, errors: [404] },
    async ({ target }) => listTemplates(ctx, target),
  );
  r.add(
    { method: "PUT", url: `${base}/templates/{template}`, operationId: "saveRegistrationTemplate", summary: "Save this event's wording of a decision mail for a locale.", tags, access: inEvent("registration.manage"), params: s.templateParams, body: s.templateBody, response: s.templateList, errors: [400, 404] },
    async ({ target, params, body }) => saveTemplate(ctx, target, params.template, body),
  );
  r.add(
    { method: "DELETE", url: `${base}/templates/{template}`, operationId: "resetRegistrationTemplate", summary: "Go back to the built-in wording for a locale.", tags, access: inEvent("registration.manage"), params: s.templateParams, query: s.templateDeleteQuery, response: null, errors: [404] },
    async ({ target, params, query }) => resetTemplate(ctx, target, params.template, query.locale),
  );
  r.add(
    { method: "POST", url: `${base}/templates/{template}/preview`, operationId: "previewRegistrationTemplate", summary: "Render a decision mail (saved or draft wording) with sample values.", tags, access: inEvent("registration.view"), params: s.templateParams, body: s.previewBody, response: s.previewView, errors: [400, 404] },
    async ({ target, params, body }) => previewTemplate(ctx, target, params.template, body),
  );
  r.add(
    { method: "GET", url: `${base}/ledger`, operationId: "getFeeLedger", summary: "Fees: due, paid, waived, refunded, owed to the beneficiary, entries and donations (minor units).", tags, access: inEvent("registration.view"), params: s.eventParams, response: s.ledgerView, errors: [404] },
    async ({ target }) => ledger(ctx, target),
  );
  r.add(
    { method: "GET", url: `${base}/ledger.csv`, operationId: "exportFeeLedger", summary: "The ledger as CSV.", tags, access: inEvent("registration.view"), params: s.eventParams, response: s.csvResponse, errors: [404] },
    async ({ target, params, reply }) => asCsvDownload(reply, `${params.event}-ledger.csv`, await ledgerCsv(ctx, target)),
  );
  r.add(
    { method: "POST", url: `${base}/payments`, operationId: "recordFeePayment", summary: "Record a payment (bank transfer, cash), a waiver or a refund, with a reference (manual provider).", tags, access: inEvent("registration.manage"), params: s.eventParams, body: s.paymentBody, response: s.ledgerView, status: 201, errors: [400, 404, 409] },
    async ({ target, body }) => recordPayment(ctx, target, body),
  );
  r.add(
    { method: "POST", url: `${base}/donations`, operationId: "recordDonation", summary: "Record the transfer of everything owed to the beneficiary; closes the ledger.", tags, access: inEvent("registration.manage"), params: s.eventParams, body: s.donationBody, response: s.ledgerView, status: 201, errors: [400, 404, 409] },
    async ({ target, body }) => recordDonation(ctx, target, body.reference),
  );
  r.add(
    { method: "GET", url: `${base}/stipends`, operationId: "listStipends", summary: "Stipend requests with messages and internal notes, and the budget: total, offered, accepted, reimbursed, left.", tags, access: inEvent("registration.view"), params: s.eventParams, response: s.stipendList, errors: [404] },
    async ({ target }) => listStipends(ctx, target),
  );
  r.add(
    { method: "POST", url: `${base}/stipends/{stipendId}/actions`, operationId: "actOnStipend", summary: "Ask for information, offer (≤ asked, within budget), reject, mark reimbursed, or message; optional internal note.", tags, access: inEvent("registration.manage"), params: s.stipendParams, body: s.stipendOrganiserBody, response: s.stipendList, errors: [400, 404, 409] },
    async ({ target, params, body }) => organiserStipendAction(ctx, target, params.stipendId, body),
  );
  r.add(
    { method: "GET", url: `${base}/attendees`, operationId: "listAttendees", summary: "Confirmed attendees; ?q= searches names, addresses and codes (for check-in).", tags, access: inEvent("registration.checkin"), params: s.eventParams, query: s.attendeesQuery, response: s.attendeeList, errors: [404] },
    async ({ target, query }) => attendees(ctx, target, query, "registration.checkin"),
  );
  r.add(
    { method: "GET", url: `${base}/attendees.csv`, operationId: "exportAttendees", summary: "Confirmed attendees as CSV.", tags, access: inEvent("registration.view"), params: s.eventParams, response: s.csvResponse, errors: [404] },
    async ({ target, params, reply }) => asCsvDownload(reply, `${params.event}-attendees.csv`, await attendeesCsv(ctx, target)),
  );
  r.add(
    { method: "POST", url: `${base}/check-in`, operationId: "checkInAttendee", summary: "Check an attendee in by their code or by id (after a name search).", tags, access: inEvent("registration.checkin"), params: s.eventParams, body: s.checkinBody, response: s.attendeeView, errors: [400, 404, 409] },
    async ({ target, body }) => checkIn(ctx, target, body),
  );
}

