/**
 * Field messages for what a schema checks without words of its own (src/shared/i18n/zod.ts
 * picks one per Zod issue). The values come from the issue: minimum, maximum, inclusive
 * ("true"/"false"), divisor, keys and values (joined), count.
 */
export default {
  "validation.required": "Fill this in.",
  "validation.invalid": "This value is not valid.",
  "validation.number": "Enter a number.",
  "validation.wholeNumber": "Enter a whole number.",
  "validation.text": "Enter text.",
  "validation.yesNo": "Choose yes or no.",
  "validation.list": "Give a list.",
  "validation.tooShort": "{minimum, plural, =1 {Fill this in.} one {Use at least # character.} other {Use at least # characters.}}",
  "validation.tooLong": "{maximum, plural, one {Use at most # character.} other {Use at most # characters.}}",
  "validation.tooSmall": "{inclusive, select, false {Use more than {minimum, number}.} other {Use {minimum, number} or more.}}",
  "validation.tooBig": "{inclusive, select, false {Use less than {maximum, number}.} other {Use {maximum, number} or less.}}",
  "validation.tooFew": "{minimum, plural, one {Give at least # item.} other {Give at least # items.}}",
  "validation.tooMany": "{maximum, plural, one {Give at most # item.} other {Give at most # items.}}",
  "validation.email": "Enter a valid email address.",
  "validation.url": "Enter a web address (http or https).",
  "validation.identifier": "This is not a valid identifier.",
  "validation.dateTime": "Enter a date and time.",
  "validation.date": "Enter a date (YYYY-MM-DD).",
  "validation.time": "Enter a time (HH:MM).",
  "validation.format": "This is not in the expected form.",
  "validation.multipleOf": "Use a multiple of {divisor, number}.",
  "validation.unknownFields": "{count, plural, one {Unknown field: {keys}.} other {Unknown fields: {keys}.}}",
  "validation.oneOf": "{count, plural, one {Enter {values}.} other {Choose one of: {values}.}}",
};
