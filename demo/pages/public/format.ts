/** Values formatted as an en_US Lightning user sees them. */
const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatCurrency(amount: number | null): string {
  return amount === null ? '' : currency.format(amount);
}

/** `2026-05-12` → `5/12/2026`, read as a calendar date so no time zone can shift it. */
export function formatDate(value: string | null): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!match) return '';
  return `${Number(match[2])}/${Number(match[3])}/${match[1]}`;
}

export function formatDateTime(value: string | null): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleString('en-US', { dateStyle: 'short', timeStyle: 'short' });
}

export function formatPercent(value: number | null): string {
  return value === null ? '' : `${value}%`;
}
