import type { FastifyError, FastifyInstance } from "fastify";
import type { ErrorCode } from "../../../shared/errors.js";
import { DomainError, RateLimitedError } from "../errors.js";

/** Codes for the 4xx that Fastify itself raises before a handler runs. */
const fastifyCodes: Record<string, [ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ["malformed_json", "The request body is not valid JSON."],
  FST_ERR_CTP_EMPTY_JSON_BODY: ["malformed_json", "The request says it carries JSON but its body is empty."],
  FST_ERR_CTP_BODY_TOO_LARGE: ["payload_too_large", "The request body is too large."],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ["unsupported_media_type", "Send JSON (Content-Type: application/json)."],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["bad_request", "The Content-Length header does not match the body."],
};

/** The one place errors become responses: `{"error": {code, message, fields?}}`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DomainError | Error, req, reply) => {
    if (err instanceof DomainError) {
      if (err instanceof RateLimitedError) reply.header("retry-after", String(err.retryAfterSeconds));
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), ...(err.details ?? {}) } });
    }
    const fe = err as FastifyError;
    const status = fe.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const [code, message] = fastifyCodes[fe.code] ?? ["bad_request", fe.message];
      return reply.code(status).send({ error: { code, message } });
    }
    req.log.error({ err }, "unhandled error");
    return reply.code(500).send({ error: { code: "internal", message: "Something went wrong on our side. It has been logged." } });
  });
}
