import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/registration-server.js";

export default {
  "registration.errors.budgetBelowCommitted": "{committed} des Reisekostenbudgets sind schon angeboten oder angenommen; das Budget kann nicht kleiner sein.",
  "registration.errors.budgetBelowCommittedField": "Mindestens {committed}.",
  "registration.errors.currencyLocked": "{count, plural, one {Ein Reisekostenangebot in {currency} ist offen} other {# Reisekostenangebote in {currency} sind offen}}; die Währung der Reisekosten kann sich erst ändern, wenn sie abgeschlossen sind.",
  "registration.errors.currencyLockedField": "Bleibt {currency}, solange Angebote offen sind.",
} satisfies AreaTranslation<typeof en>;
