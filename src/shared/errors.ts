/**
 * The catalogue of error codes: every `error.code` the API answers with, and its HTTP
 * status. Server and web import it, so a code the web app matches on is a code the server
 * can send (the type checker says so), and the OpenAPI document lists them. Codes are stable;
 * the human `message` beside them may change wording or language.
 */
export const ERROR_STATUS = {
  // Any request
  validation_failed: 400,
  malformed_json: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  // Accounts and sign-in
  invalid_link: 400,
  invalid_token: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  email_not_verified: 403,
  email_taken: 409,
  session_required: 403,
  insufficient_scope: 403,
  last_sign_in_method: 409,
  // Sign-in with an OpenID Connect provider
  oidc_state_invalid: 400,
  oidc_failed: 400,
  oidc_email_unverified: 403,
  identity_taken: 409,
  oidc_provider_unavailable: 503,
  // Communities and events
  slug_taken: 409,
  // Talks on the road and announcements
  talk_state: 409,
  announcement_state: 409,
  // Registration
  registration_not_set_up: 404,
  requests_not_open: 409,
  requests_closed: 409,
  request_exists: 409,
  registration_live: 409,
  not_live: 409,
  not_invited: 409,
  invitation_expired: 409,
  event_full: 409,
  capacity_below_confirmed: 409,
  budget_below_committed: 409,
  stipend_currency_locked: 409,
  not_attending: 409,
  not_confirmed: 409,
  already_checked_in: 409,
  waivers_not_allowed: 409,
  refund_too_large: 409,
  no_beneficiary: 409,
  nothing_owed: 409,
  stipends_not_offered: 409,
  stipend_exists: 409,
  stipend_state: 409,
  budget_exceeded: 409,
  // Conference schedule
  schedule_conflict: 409,
  schedule_changed: 409,
  schedule_pinned: 409,
  schedule_nothing_to_release: 409,
  schedule_import_invalid: 422,
  // Call for participation
  cfp_closed: 409,
  cfp_state: 409,
  cfp_limit: 409,
  cfp_phase: 409,
  // Unconference board
  unconference_conflict: 409,
  unconference_changed: 409,
  unconference_topic_state: 409,
  unconference_closed: 409,
  // Webhooks
  webhook_url_insecure: 422,
  webhook_url_unresolvable: 422,
  webhook_url_refused: 422,
  webhook_endpoint_disabled: 409,
  webhook_endpoints_limit: 409,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** The codes that answer 409: a request that is valid but conflicts with the current state. */
export type ConflictCode = { [K in ErrorCode]: (typeof ERROR_STATUS)[K] extends 409 ? K : never }[ErrorCode];

/** Codes the web app gives failures that never reached the API's error shape. */
export type ClientErrorCode = "network" | "unexpected";
