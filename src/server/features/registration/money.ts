
/** Amounts in minor units of a currency. */
export const digitsCache = new Map<string, number>();

export function fractionDigits(currency: string): number {
  let d = digitsCache.get(currency);
  if (d === undefined) {
    try {
      d = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      d = 2;
    }
    if (digitsCache.size < 500) digitsCache.set(currency, d);
  }
  return d;
}

/** 1500, "USD" → "USD 15.00", by integer arithmetic. */
export function formatMoney(amount: number, currency: string): string {
  const d = fractionDigits(currency);
  if (d === 0) return `${currency} ${amount}`;
  const unit = 10 ** d;
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  return `${currency} ${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(d, "0")}`;
}
