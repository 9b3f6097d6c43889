import { chinaDate as today } from '@/models/date_time';

/** Today's China date, "YYYY-MM-DD". */
export function chinaDate(): string {
  return today();
}

/** The ISO date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(year!, month! - 1, day! + days));
  return moved.toISOString().slice(0, 10);
}
