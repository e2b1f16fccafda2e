import { z } from "zod";
import { msgId } from "../../../shared/i18n/catalogue.js";

export const mailboxQuery = z.object({ to: z.string().max(254).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();
export type MailboxQuery = z.infer<typeof mailboxQuery>;
export const messageParams = z.object({ id: z.coerce.number().int().min(1, msgId("mailbox.errors.unknownMessage")) });

export const messageSummary = z.object({ id: z.number().int(), to: z.string(), from: z.string(), subject: z.string(), receivedAt: z.string() });
export const mailboxView = z.object({
  /** Shown on the page, in the caller's language: this is a development mailbox, not delivered mail. */
  notice: z.string(),
  smtpConfigured: z.boolean(),
  messages: z.array(messageSummary),
});
export const messageView = messageSummary.extend({ text: z.string(), html: z.string() });
