/**
 * What registration's server says: its errors' messages and the pieces its mails are built
 * from. Kept apart from `registration.ts` (the pages) so the two sides are translated side
 * by side; the area's name is the ids' prefix.
 */
export default {
  "registration.errors.budgetBelowCommitted": "{committed} of the stipend budget is offered or accepted already; the budget cannot be lower.",
  "registration.errors.budgetBelowCommittedField": "At least {committed}.",
  "registration.errors.currencyLocked": "{count, plural, one {A stipend offer in {currency} is open} other {# stipend offers in {currency} are open}}; the stipend currency cannot change until they are settled.",
  "registration.errors.currencyLockedField": "Stays {currency} while offers are open.",
  "mail.registration.fee.none": "There is no fee.",
  "mail.registration.fee.amount": "The fee is {amount}.",
  "mail.registration.fee.beneficiary": "All of it goes to {beneficiary}.",
  "mail.registration.fee.beneficiaryUrl": "All of it goes to {beneficiary} ({url}).",
  "mail.registration.fee.waiver": "If the fee keeps you from coming, ask us for a waiver.",
  "mail.registration.promoted": "A place has become free, so you are invited from the waiting list.",
  "mail.registration.stipendOffered": "We can offer you a travel stipend of {amount}.",
  "mail.registration.stipendOfferedAnswer": "Please accept or decline it on your request's page.",
  "mail.registration.stipendRejected": "We are sorry that we cannot offer you a travel stipend this time.",
  "registration.errors.notOpen": "Invitation requests open {opens}; the window is {opens} to {closes}.",
  "registration.errors.closed": "Invitation requests closed {closes}; the window was {opens} to {closes}.",
  "registration.errors.requestNotFound": "Request was not found. Open the link from your mail, or sign in as the person who made the request.",
  "registration.errors.linkNotForRequest": "This link does not belong to this request.",
  "registration.errors.linkNotForRequestField": "Not for this request.",
};
