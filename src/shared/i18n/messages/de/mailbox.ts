import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/mailbox.js";

export default {
  "mailbox.title": "Lokales Entwicklungspostfach",
  "mailbox.titleWithSubject": "{subject} — Lokales Postfach",
  "mailbox.loading": "Postfach wird geöffnet …",
  "mailbox.notFoundWhat": "Das Postfach",
  "mailbox.banner": "Lokales Entwicklungspostfach — nicht zugestellt",
  "mailbox.notice": "Es ist kein SMTP-Server eingerichtet, daher wird die Post, die Plenary verschicken würde, hier aufbewahrt statt zugestellt. Setzen Sie SMTP_URL, um echte Post zu verschicken.",
  "mailbox.smtpNow": "SMTP ist jetzt eingerichtet: Neue Post wird wirklich zugestellt und erscheint nicht hier.",
  "mailbox.heading": "Lokales Postfach",
  "mailbox.messages": "Nachrichten",
  "mailbox.empty": "Noch keine Post. Registrieren Sie sich oder fordern Sie einen Anmeldelink an, dann landet er hier.",
  "mailbox.to": "An {address}",
  "mailbox.message": "Nachricht",
  "mailbox.choose": "Wählen Sie eine Nachricht, um sie zu lesen.",
  "mailbox.from": "Von",
  "mailbox.toLabel": "An",
  "mailbox.received": "Empfangen",
  "mailbox.htmlPart": "HTML-Teil",
  "mailbox.htmlTitle": "HTML von „{subject}“",
  "mailbox.textPart": "Textteil",
  "mailbox.errors.unknownMessage": "Unbekannte Nachricht.",
  "mailbox.errors.messageNotFound": "Diese Nachricht gibt es in Ihrem Postfach nicht.",
} satisfies AreaTranslation<typeof en>;
