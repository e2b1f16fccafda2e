import type { SlotView } from "../../../server/features/unconference/schema.js";
import { formatDate, formatInstant } from "../../../shared/i18n/format.js";
import { useI18n } from "../../app/i18n.js";

/** A day's grid caption and header row (work areas down, slots across), shared by the board, the projector and the plenary. */
export function GridHead({ date, slots, timeZone, classOf }: { date: string; slots: readonly SlotView[]; timeZone: string; classOf?: (slotId: string) => string | undefined }) {
  const { t, locale } = useI18n();
  return (
    <>
      <caption>{formatDate(locale, date)}</caption>
      <thead>
        <tr>
          <th scope="col">{t("unconference.page.area")}</th>
          {slots.map((s) => (
            <th key={s.id} scope="col" className={classOf?.(s.id)}>
              {formatInstant(locale, s.start, timeZone, "time", { zone: false })}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
