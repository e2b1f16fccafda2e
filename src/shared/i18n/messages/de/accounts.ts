import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/accounts.js";

export default {
  "mail.account.verify.subject": "Bestätigen Sie Ihre E-Mail-Adresse für {site}",
  "mail.account.verify.body": "Hallo {name},\n\nbitte bestätigen Sie diese Adresse mit folgendem Link (24 Stunden gültig):\n\n{link}\n\nWenn Sie sich nicht registriert haben, ignorieren Sie diese Nachricht.",
  "mail.account.verify.button": "Meine Adresse bestätigen",
  "mail.account.signin-link.subject": "Ihr Anmeldelink für {site}",
  "mail.account.signin-link.body": "Hallo {name},\n\nmit diesem Link melden Sie sich an (15 Minuten gültig, einmalig):\n\n{link}\n\nWenn Sie ihn nicht angefordert haben, ignorieren Sie diese Nachricht.",
  "mail.account.signin-link.button": "Anmelden",
  "mail.account.reset.subject": "Passwort für {site} zurücksetzen",
  "mail.account.reset.body": "Hallo {name},\n\nmit diesem Link wählen Sie ein neues Passwort (1 Stunde gültig, einmalig):\n\n{link}\n\nWenn Sie das nicht angefordert haben, bleibt Ihr Passwort unverändert.",
  "mail.account.reset.button": "Neues Passwort wählen",
} satisfies AreaTranslation<typeof en>;
