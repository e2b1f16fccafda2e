import type { AppContext } from "../../platform/context.js";
import { requestLocale } from "../../platform/http/locale.js";
import type { Router } from "../../platform/http/route.js";
import * as s from "./schema.js";
import * as service from "./service.js";

const tags = ["mail"];
// Any signed-in account: the service narrows what it may read (all of it for the instance admin).
const access = "user" as const;

export function mailRoutes(r: Router, ctx: AppContext): void {
  r.add(
    { method: "GET", url: "/api/v1/dev/mail", operationId: "listLocalMailbox", summary: "The local development mailbox (used when no SMTP server is configured): all of it for the instance admin, your own mail for everyone else.", tags, access, query: s.mailboxQuery, response: s.mailboxView },
    async ({ actor, query, req }) => service.listMailbox(ctx, actor, query, requestLocale(req)),
  );
  r.add(
    { method: "GET", url: "/api/v1/dev/mail/{id}", operationId: "getLocalMessage", summary: "One message of the local mailbox.", tags, access, params: s.messageParams, response: s.messageView, errors: [404] },
    async ({ actor, params }) => service.getMessage(ctx, actor, params.id),
  );
}
