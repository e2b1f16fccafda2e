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
};
