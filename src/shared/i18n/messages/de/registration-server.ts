import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/registration-server.js";

export default {
  "registration.errors.budgetBelowCommitted": "{committed} des Reisekostenbudgets sind schon angeboten oder angenommen; das Budget kann nicht kleiner sein.",
  "registration.errors.budgetBelowCommittedField": "Mindestens {committed}.",
  "registration.errors.currencyLocked": "{count, plural, one {Ein Reisekostenangebot in {currency} ist offen} other {# Reisekostenangebote in {currency} sind offen}}; die Währung der Reisekosten kann sich erst ändern, wenn sie abgeschlossen sind.",
  "registration.errors.currencyLockedField": "Bleibt {currency}, solange Angebote offen sind.",
  "mail.registration.fee.none": "Es gibt keine Gebühr.",
  "mail.registration.fee.amount": "Die Gebühr beträgt {amount}.",
  "mail.registration.fee.beneficiary": "Sie geht vollständig an {beneficiary}.",
  "mail.registration.fee.beneficiaryUrl": "Sie geht vollständig an {beneficiary} ({url}).",
  "mail.registration.fee.waiver": "Wenn die Gebühr Sie vom Kommen abhält, bitten Sie uns um einen Erlass.",
  "mail.registration.promoted": "Ein Platz ist frei geworden, daher laden wir Sie von der Warteliste ein.",
  "mail.registration.stipendOffered": "Wir können Ihnen einen Reisekostenzuschuss von {amount} anbieten.",
  "mail.registration.stipendOfferedAnswer": "Bitte nehmen Sie ihn auf der Seite Ihrer Anfrage an oder lehnen Sie ihn ab.",
  "mail.registration.stipendRejected": "Leider können wir Ihnen diesmal keinen Reisekostenzuschuss anbieten.",
  "registration.errors.notOpen": "Einladungsanfragen sind ab {opens} möglich; der Zeitraum ist {opens} bis {closes}.",
  "registration.errors.closed": "Einladungsanfragen waren bis {closes} möglich; der Zeitraum war {opens} bis {closes}.",
  "registration.errors.requestNotFound": "Die Anfrage wurde nicht gefunden. Öffnen Sie den Link aus Ihrer E-Mail, oder melden Sie sich als die Person an, die die Anfrage gestellt hat.",
  "registration.errors.linkNotForRequest": "Dieser Link gehört nicht zu dieser Anfrage.",
  "registration.errors.linkNotForRequestField": "Nicht für diese Anfrage.",
} satisfies AreaTranslation<typeof en>;
