/**
 * The human `message` of the API's errors that the platform raises (the `code` beside it is
 * stable: src/shared/errors.ts), and what the web app says about failures that never reached
 * the API's error shape.
 */
export default {
  "errors.unauthenticated": "Sign in to do this.",
  "errors.forbidden": "You do not have permission to do this.",
  "errors.notFound": "This was not found.",
  "errors.rateLimited": "Too many attempts. Try again in {seconds, plural, one {# second} other {# seconds}}.",
  "errors.invalidBody": "{count, plural, one {The request has an invalid field.} other {The request has invalid fields.}}",
  "errors.invalidQuery": "{count, plural, one {The query string has an invalid field.} other {The query string has invalid fields.}}",
  "errors.invalidParams": "{count, plural, one {The address has an invalid field.} other {The address has invalid fields.}}",
  "errors.malformedJson": "The request body is not valid JSON.",
  "errors.emptyJson": "The request says it carries JSON but its body is empty.",
  "errors.payloadTooLarge": "The request body is too large.",
  "errors.unsupportedMediaType": "Send JSON (Content-Type: application/json).",
  "errors.badContentLength": "The Content-Length header does not match the body.",
  "errors.badRequest": "The request is not valid.",
  "errors.noSuchAddress": "No such address: {method} {path}",
  "errors.internal": "Something went wrong on our side. It has been logged.",
  "errors.invalidToken": "The API token is not valid (revoked or mistyped).",
  "errors.csrfFailed": "This request did not carry the page's security token. Reload the page and try again.",
  "errors.client.network": "Could not reach the server. Check your connection and try again.",
  "errors.client.server": "Something went wrong on the server. Please try again.",
  "errors.client.unexpected": "The server answered {status}.",
  "errors.client.failed": "Something went wrong.",
  "errors.form.title": "There is a problem",
  "errors.form.fieldsNeedAttention": "{count, plural, one {One field needs attention.} other {# fields need attention.}}",
  "errors.form.fieldMessage": "{field}: {message}",
  "errors.form.someFields": "Some fields need attention.",
};
