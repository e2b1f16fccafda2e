/** Webhooks: endpoint settings, delivery log and their mails. */
export default {};
