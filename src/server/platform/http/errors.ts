import type { FastifyError, FastifyInstance } from "fastify";
import type { ErrorCode } from "../../../shared/errors.js";
import { msg, type Msg } from "../../../shared/i18n/catalogue.js";
import { translator } from "../../../shared/i18n/catalogues.js";
import { DomainError, RateLimitedError } from "../errors.js";
import { requestLocale } from "./locale.js";

/** Codes for the 4xx that Fastify itself raises before a handler runs. */
const fastifyCodes: Record<string, [ErrorCode, Msg]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ["malformed_json", msg("errors.malformedJson")],
  FST_ERR_CTP_EMPTY_JSON_BODY: ["malformed_json", msg("errors.emptyJson")],
  FST_ERR_CTP_BODY_TOO_LARGE: ["payload_too_large", msg("errors.payloadTooLarge")],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ["unsupported_media_type", msg("errors.unsupportedMediaType")],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["bad_request", msg("errors.badContentLength")],
};

/**
 * The one place errors become responses: `{"error": {code, message, fields?}}`, the message
 * and field messages in the request's locale (the code is what programs match on).
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | DomainError | Error, req, reply) => {
    const locale = requestLocale(req);
    const tr = translator(locale);
    reply.header("content-language", locale);
    if (err instanceof DomainError) {
      if (err instanceof RateLimitedError) reply.header("retry-after", String(err.retryAfterSeconds));
      const fields = err.fields ? Object.fromEntries(Object.entries(err.fields).map(([k, list]) => [k, list.map((t) => tr.text(t))])) : undefined;
      return reply.code(err.status).send({ error: { code: err.code, message: tr.text(err.text), ...(fields ? { fields } : {}), ...(err.details ?? {}) } });
    }
    const fe = err as FastifyError;
    const status = fe.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const [code, message] = fastifyCodes[fe.code] ?? ["bad_request", msg("errors.badRequest")];
      return reply.code(status).send({ error: { code, message: tr.text(message) } });
    }
    req.log.error({ err }, "unhandled error");
    return reply.code(500).send({ error: { code: "internal", message: tr.t("errors.internal") } });
  });
}
