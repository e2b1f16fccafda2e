/**
 * Punctuation where a message meets a value. A message that writes a mark after an argument
 * ("{field}: {message}", "({reason}).") doubles it when the value already ends in one: a
 * label that asks a question ("What do you want to work on?: Tell us…"), a reason that is a
 * sentence ("(No live request from this address.)."). The translator marks where each text
 * value ends while it formats (`VALUE_END`), and `settleJunctions` then keeps one mark there:
 *
 * - value and message touch ("?" + ":", "." + "."): the value's end wins, the message's mark
 *   goes ("What do you want to work on? Tell us…"), except a comma after a full stop ("Acme
 *   Inc., "); a value ending in a weak mark (":", ";", ",") gives way to the message's;
 * - a bracket or quote stands between them: a full stop inside gives way to the one outside
 *   ("(No live request from this address)."), a question or exclamation mark inside makes
 *   the full stop outside unneeded ("(Why?)").
 *
 * It works the same in every locale: no language we speak doubles these marks.
 */

/** Put after each text value while formatting; never left in the output. A private-use character no text of ours contains. */
export const VALUE_END = "\uE000";

const STRONG = ".!?…";
const WEAK = ":;,";
const JUNCTION = new RegExp(`([${STRONG}${WEAK}])${VALUE_END}([)\\]"'”’»“„«]*)([.!?:;,])`, "gu");

export function settleJunctions(formatted: string): string {
  return formatted
    .replace(JUNCTION, (_all, end: string, closers: string, mark: string) => {
      if (WEAK.includes(end)) return closers + mark;
      // "Acme Inc., …": an abbreviation's full stop takes a comma after it.
      if (!closers) return mark === "," && (end === "." || end === "…") ? end + mark : end;
      if (mark !== ".") return end + closers + mark;
      return end === "." ? closers + mark : end + closers;
    })
    .replaceAll(VALUE_END, "");
}

/**
 * Two marks where one belongs: adjacent marks ("?:", ".."; a comma after a full stop or an
 * ellipsis is an abbreviation's, "Inc., "), or a full stop after a bracket or quote that
 * closes on a mark ("….)."). An ellipsis written as the character "…" is one mark; "..." is
 * not used in our catalogues.
 */
export const DOUBLED_PUNCTUATION = /[.!?…:;,][.!?:;]|[!?:;,],|[.!?…][)\]"'”’»“]+\./u;
