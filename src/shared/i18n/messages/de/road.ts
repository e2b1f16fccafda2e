import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/road.js";

export default {
  "mail.road.approved.subject": "Ihr Vortrag „{title}“ steht im Kalender von {community}",
  "mail.road.approved.body": "Hallo {name},\n\ndas Organisationsteam von {community} hat Ihren Vortrag „{title}“ bei {event} angenommen: Er steht jetzt im Kalender der Vorträge unterwegs.\n\n{note}\n\n{link}\n\nNach dem Vortrag können Sie auf derselben Seite die Links zu Folien und Video eintragen.",
  "mail.road.approved.button": "Zum Vortrag",
  "mail.road.rejected.subject": "Ihr Vortrag „{title}“ wurde nicht in den Kalender von {community} aufgenommen",
  "mail.road.rejected.body": "Hallo {name},\n\ndas Organisationsteam von {community} hat Ihren Vortrag „{title}“ bei {event} nicht in den Kalender aufgenommen.\n\n{note}\n\n{link}",
  "mail.road.rejected.button": "Zum Vortrag",
} satisfies AreaTranslation<typeof en>;
