/** Times are stored in UTC and shown in China Standard Time, wherever the browser is. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `2025-03-01T02:05:00Z` → `2025-03-01 10:05`; empty for no time, as given if unreadable. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = FORMAT.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in China at `now`, `YYYY-MM-DD`: what deadlines and periods are compared with. */
export function chinaDate(now: Date = new Date()): string {
  return DATE_FORMAT.format(now);
}

/** The year in China at `now`. */
export function chinaYear(now: Date = new Date()): number {
  return Number(chinaDate(now).slice(0, 4));
}
