import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/communities.js";

export default {
  "communities.list.title": "Communitys",
  "communities.list.lede": "Die Open-Source-Communitys, deren Veranstaltungen hier organisiert werden.",
  "communities.list.empty": "Noch keine Communitys. Die Administration der Instanz legt sie mit dem Kommandozeilenwerkzeug an.",
  "communities.page.title": "Community",
  "communities.page.what": "Diese Community",
  "communities.page.createEvent": "Veranstaltung anlegen",
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
  "communities.form.slugFormat": "Verwenden Sie Kleinbuchstaben, Ziffern und einzelne Bindestriche.",
  "communities.form.nameRequired": "Geben Sie einen Namen ein.",
  "communities.form.unknownPerson": "Unbekannte Person.",
  "communities.errors.notFound": "Die Community „{slug}“ wurde nicht gefunden.",
  "communities.errors.slugTaken": "Die Adresse „{slug}“ ist schon vergeben.",
  "communities.errors.slugTakenField": "Diese Adresse ist schon vergeben.",
  "communities.errors.noAccount": "Zu {email} wurde kein Konto gefunden.",
  "communities.errors.organiserNotFound": "Diese Person gehört nicht zum Organisationsteam.",
} satisfies AreaTranslation<typeof en>;
