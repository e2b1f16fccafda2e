import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/announcements.js";

export default {
  "mail.announcement.confirm.subject": "Bestätigen Sie Ihr Abonnement der Neuigkeiten von {community}",
  "mail.announcement.confirm.body": "Hallo,\n\njemand (vermutlich Sie) möchte die Neuigkeiten von {community} an diese Adresse erhalten. Bitte bestätigen Sie mit diesem Link (7 Tage gültig):\n\n{link}\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht; Sie erhalten dann nichts.",
  "mail.announcement.confirm.button": "Abonnement bestätigen",
  "mail.announcement.published.subject": "{community}: {title}",
  "mail.announcement.published.body": "{title}\n\n{summary}\n\n{link}\n\nSie erhalten diese Nachricht, weil Sie die Neuigkeiten von {community} abonniert haben. Abbestellen: {unsubscribe}",
  "mail.announcement.published.button": "Zur Neuigkeit",
} satisfies AreaTranslation<typeof en>;
