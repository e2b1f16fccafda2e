import type { AreaTranslation } from "../../catalogue.js";
import type en from "../en/validation.js";

export default {
  "validation.required": "Bitte füllen Sie dieses Feld aus.",
  "validation.invalid": "Dieser Wert ist ungültig.",
  "validation.number": "Geben Sie eine Zahl ein.",
  "validation.wholeNumber": "Geben Sie eine ganze Zahl ein.",
  "validation.text": "Geben Sie einen Text ein.",
  "validation.yesNo": "Wählen Sie Ja oder Nein.",
  "validation.list": "Geben Sie eine Liste an.",
  "validation.tooShort": "{minimum, plural, =1 {Bitte füllen Sie dieses Feld aus.} one {Verwenden Sie mindestens # Zeichen.} other {Verwenden Sie mindestens # Zeichen.}}",
  "validation.tooLong": "{maximum, plural, one {Verwenden Sie höchstens # Zeichen.} other {Verwenden Sie höchstens # Zeichen.}}",
  "validation.tooSmall": "{inclusive, select, false {Verwenden Sie mehr als {minimum, number}.} other {Verwenden Sie mindestens {minimum, number}.}}",
  "validation.tooBig": "{inclusive, select, false {Verwenden Sie weniger als {maximum, number}.} other {Verwenden Sie höchstens {maximum, number}.}}",
  "validation.tooFew": "{minimum, plural, one {Geben Sie mindestens # Eintrag an.} other {Geben Sie mindestens # Einträge an.}}",
  "validation.tooMany": "{maximum, plural, one {Geben Sie höchstens # Eintrag an.} other {Geben Sie höchstens # Einträge an.}}",
  "validation.email": "Geben Sie eine gültige E-Mail-Adresse ein.",
  "validation.url": "Geben Sie eine Webadresse ein (http oder https).",
  "validation.identifier": "Das ist keine gültige Kennung.",
  "validation.dateTime": "Geben Sie Datum und Uhrzeit ein.",
  "validation.date": "Geben Sie ein Datum ein (JJJJ-MM-TT).",
  "validation.time": "Geben Sie eine Uhrzeit ein (HH:MM).",
  "validation.format": "Das hat nicht die erwartete Form.",
  "validation.multipleOf": "Verwenden Sie ein Vielfaches von {divisor, number}.",
  "validation.unknownFields": "{count, plural, one {Unbekanntes Feld: {keys}.} other {Unbekannte Felder: {keys}.}}",
  "validation.oneOf": "{count, plural, one {Geben Sie {values} ein.} other {Wählen Sie eines von: {values}.}}",
} satisfies AreaTranslation<typeof en>;
