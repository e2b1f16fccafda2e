import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/common.js";

export default {
  "common.loading": "Wird geladen …",
  "common.working": "Einen Moment …",
  "common.saving": "Wird gespeichert …",
  "common.adding": "Wird hinzugefügt …",
  "common.save": "Speichern",
  "common.saveChanges": "Änderungen speichern",
  "common.add": "Hinzufügen",
  "common.remove": "Entfernen",
  "common.refresh": "Aktualisieren",
  "common.cancel": "Abbrechen",
  "common.back": "Zurück",
  "common.breadcrumb": "Brotkrumen-Navigation",
  "common.search": "Suchen",
  "common.name": "Name",
  "common.email": "E-Mail-Adresse",
  "common.actions": "Aktionen",
  "common.draft": "Entwurf",
  "common.opensInNewTab": "(öffnet in einem neuen Tab)",
  "common.errorPrefix": "Fehler:",
  "common.changesSaved": "Ihre Änderungen sind gespeichert.",
  "common.copy": "Kopieren",
  "common.copied": "Kopiert",
  "common.chars.left": "{count, plural, one {Noch # Zeichen} other {Noch # Zeichen}}",
  "common.chars.over": "Um {count, plural, one {# Zeichen} other {# Zeichen}} zu lang: Erlaubt sind höchstens {limit, number}, abgeschnitten wurde nichts.",
} satisfies AreaTranslation<typeof en>;
