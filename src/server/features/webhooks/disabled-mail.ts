import { inArray } from "drizzle-orm";
import { users } from "../../platform/auth/tables.js";
import type { AppContext } from "../../platform/context.js";
import type { Db } from "../../platform/db/index.js";
import { enqueueMail } from "../../platform/mail/outbox.js";
import type { EndpointRow } from "../../platform/webhooks/worker.js";
import { communityNames, organiserEmails } from "../communities/index.js";

/**
 * The worker's `onDisabled` hook: in the transaction that disabled an endpoint after its
 * last retry failed, each organiser of the community gets a mail naming the endpoint, the
 * last answer and a link to its page. Written to the outbox, so it exists exactly when the
 * endpoint is disabled. Each in the organiser's own language.
 */
export async function mailOrganisersOfDisabledEndpoint(ctx: AppContext, tx: Db, endpoint: EndpointRow, lastError: string): Promise<number> {
  const community = (await communityNames(tx, [endpoint.communityId])).get(endpoint.communityId);
  const emails = await organiserEmails(tx, endpoint.communityId);
  if (!community || emails.length === 0) {
    ctx.log.warn({ endpointId: endpoint.id }, "webhook endpoint disabled, and its community has no organiser to tell");
    return 0;
  }
  const link = `${ctx.config.baseUrl}/communities/${community.slug}/webhooks/${endpoint.id}`;
  const host = new URL(ctx.config.baseUrl).hostname;
  const locales = new Map((await tx.select({ email: users.email, locale: users.locale }).from(users).where(inArray(users.email, emails))).map((u) => [u.email, u.locale]));
  for (const to of emails) {
    await enqueueMail(tx, host, { to, locale: locales.get(to) ?? "en", template: "webhooks.endpoint-disabled", vars: { community: community.name, url: endpoint.url, lastError, link }, meta: { endpointId: endpoint.id } });
  }
  return emails.length;
}
