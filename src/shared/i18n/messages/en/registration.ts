/**
 * Hackathon registration. Its decision mails are also the organisers' starting point when
 * they write an event's own wording (`templateSource`), so they use only the variables
 * registration's schema lists for each (TEMPLATE_VARIABLES). Its pages' messages are in
 * registration-pages.ts.
 */
import pages from "./registration-pages.js";

export default {
  ...pages,
  "mail.registration.verify.subject": "Confirm your invitation request for {event}",
  "mail.registration.verify.body": "Hello {name},\n\nwe received a request for an invitation to {event} from this address. Please confirm it is yours by opening this link (valid for 24 hours):\n\n{link}\n\nIf you did not ask for an invitation, ignore this message and nothing happens.",
  "mail.registration.verify.button": "Confirm my request",
  "mail.registration.received.subject": "We received your invitation request for {event}",
  "mail.registration.received.body": "Hello {name},\n\nthank you for your request for an invitation to {event}. You will have our answer by {answerBy}.\n\nYou can see its status, or withdraw it, here:\n\n{link}",
  "mail.registration.received.button": "See my request",
  "mail.registration.status-link.subject": "Your invitation request for {event}",
  "mail.registration.status-link.body": "Hello {name},\n\nsomeone (probably you) tried to request an invitation to {event} again. You already have a request; its status is here:\n\n{link}",
  "mail.registration.status-link.button": "See my request",
  "mail.registration.invited.subject": "You are invited to {event}",
  "mail.registration.invited.body": "Hello {name},\n\nwe are happy to invite you to {event}. Please confirm your place by {confirmBy}; after that the place goes to the next person on the waiting list.\n\n{feeLine}\n\n{link}\n\n{message}",
  "mail.registration.invited.button": "Confirm my place",
  "mail.registration.waitlisted.subject": "You are on the waiting list for {event}",
  "mail.registration.waitlisted.body": "Hello {name},\n\n{event} is full for now, so we have put you on the waiting list. If a place frees up, you will be invited automatically and we will write to you.\n\n{link}\n\n{message}",
  "mail.registration.waitlisted.button": "See my request",
  "mail.registration.declined.subject": "Your invitation request for {event}",
  "mail.registration.declined.body": "Hello {name},\n\nthank you for your interest in {event}. We are sorry that we cannot invite you this time.\n\n{message}",
  "mail.registration.confirmed.subject": "Your place at {event} is confirmed",
  "mail.registration.confirmed.body": "Hello {name},\n\nyour place at {event} is confirmed. Your check-in code is {checkinCode}: show it at the door.\n\n{feeLine}\n\n{link}",
  "mail.registration.confirmed.button": "See my registration",
  "mail.registration.reminder.subject": "Reminder: confirm your place at {event} by {confirmBy}",
  "mail.registration.reminder.body": "Hello {name},\n\nyour invitation to {event} is waiting for your confirmation. Please confirm by {confirmBy}, or the place goes to the next person on the waiting list.\n\n{link}",
  "mail.registration.reminder.button": "Confirm my place",
  "mail.registration.expired.subject": "Your invitation to {event} has expired",
  "mail.registration.expired.body": "Hello {name},\n\nyour invitation to {event} was not confirmed by {confirmBy}, so it has expired and the place has gone to someone on the waiting list.\n\n{link}",
  "mail.registration.expired.button": "See my request",
  "mail.registration.cancelled.subject": "Your place at {event} has been cancelled",
  "mail.registration.cancelled.body": "Hello {name},\n\nthe organisers of {event} have cancelled your invitation or place.\n\n{message}\n\n{link}",
  "mail.registration.cancelled.button": "See my request",
  "mail.registration.stipend.subject": "Your travel stipend request for {event}",
  "mail.registration.stipend.body": "Hello {name},\n\n{message}\n\n{link}",
  "mail.registration.stipend.button": "See my request",
};
