import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/communities.js";

export default {
  "communities.list.title": "Communitys",
  "communities.list.lede": "Die Open-Source-Communitys, deren Veranstaltungen hier organisiert werden.",
  "communities.list.empty": "Noch keine Communitys. Die Administration der Instanz legt sie mit dem Kommandozeilenwerkzeug an.",
  "communities.page.title": "Community",
  "communities.page.what": "Diese Community",
  "communities.page.createEvent": "Veranstaltung anlegen",
  "communities.page.noEvents": "Noch keine veröffentlichten Veranstaltungen.",
  "communities.organisers.title": "Organisationsteam",
  "communities.organisers.intro": "Das Organisationsteam der Community legt Veranstaltungen an und verwaltet alle Veranstaltungen der Community.",
  "communities.organisers.added": "{email} gehört jetzt zum Organisationsteam.",
  "communities.organisers.confirmRemoveSelf": "Sich selbst aus dem Organisationsteam entfernen? Sie verlieren dann den Zugang zu dieser Liste.",
  "communities.organisers.confirmRemove": "{name} aus dem Organisationsteam entfernen?",
  "communities.organisers.removed": "{name} gehört nicht mehr zum Organisationsteam.",
  "communities.organisers.removeButton": "Entfernen<hidden>: {name}</hidden>",
  "communities.organisers.none": "Noch niemand im Organisationsteam.",
  "communities.organisers.addLabel": "Person per E-Mail-Adresse zum Organisationsteam hinzufügen",
  "communities.organisers.add": "Hinzufügen",
} satisfies AreaTranslation<typeof en>;
