/** Webhooks: endpoint settings, delivery log and their mails. */
export default {
  "mail.webhooks.endpoint-disabled.subject": "Webhook endpoint disabled for {community}",
  "mail.webhooks.endpoint-disabled.body": "Hello,\n\nthe webhook endpoint {url} of {community} has been disabled: deliveries to it kept failing for more than a day. The last answer was: {lastError}\n\nNo events are sent to it until an organiser enables it again; the deliveries that were waiting are kept and go out, in order, once it is enabled.\n\n{link}",
  "mail.webhooks.endpoint-disabled.button": "Open the endpoint",
};
