import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/webhooks.js";

export default {
  "mail.webhooks.endpoint-disabled.subject": "Webhook-Endpunkt für {community} deaktiviert",
  "mail.webhooks.endpoint-disabled.body": "Hallo,\n\nder Webhook-Endpunkt {url} von {community} wurde deaktiviert: Zustellungen an ihn schlugen über einen Tag lang fehl. Die letzte Antwort war: {lastError}\n\nBis ein Organisator ihn wieder aktiviert, werden keine Ereignisse an ihn gesendet; die wartenden Zustellungen bleiben erhalten und gehen nach der Aktivierung in ihrer Reihenfolge hinaus.\n\n{link}",
  "mail.webhooks.endpoint-disabled.button": "Endpunkt öffnen",
} satisfies AreaTranslation<typeof en>;
