import { chinaDate } from '@/models/date_time';
import type { Agency, RequestCategory, RequestOrg, ResidentRequest } from '@/api/request';

/** The fewest characters a category search needs: any two characters of a full name. */
export const CATEGORY_QUERY_MIN = 2;

function compact(text: string): string {
  return text.replace(/\s+/g, '').replace(/\//g, '');
}

/**
 * The live leaves whose full name (every level, top down) holds the query: as one piece first
 * ("邻里噪声"), then those holding each of its characters ("噪邻" finds 邻里噪声 too), each group
 * in catalogue order. Spaces separate words that must all appear. Fewer than two characters find
 * nothing: a single character matches half the catalogue.
 */
export function searchCategories(
  categories: readonly RequestCategory[],
  query: string,
  limit = 50,
): RequestCategory[] {
  const words = query.trim().split(/\s+/).filter(Boolean).map(compact);
  if (words.join('').length < CATEGORY_QUERY_MIN) return [];
  const leaves = categories.filter((category) => category.leaf && !category.archived);
  const whole: RequestCategory[] = [];
  const scattered: RequestCategory[] = [];
  for (const leaf of leaves) {
    const name = compact(leaf.full_name);
    if (words.every((word) => name.includes(word))) whole.push(leaf);
    else if (words.every((word) => [...word].every((character) => name.includes(character)))) {
      scattered.push(leaf);
    }
  }
  return [...whole, ...scattered].slice(0, limit);
}

/** "2 小时", "7 天", "30 分钟": a span of minutes in the largest whole unit. */
export function minutesText(
  minutes: number,
  units: { day: string; hour: string; minute: string },
): string {
  if (minutes > 0 && minutes % 1440 === 0) return `${minutes / 1440} ${units.day}`;
  if (minutes > 0 && minutes % 60 === 0) return `${minutes / 60} ${units.hour}`;
  return `${minutes} ${units.minute}`;
}

/** The street of a territory (a street or a community), from its path. */
export function streetOf(path: readonly { id: number; name: string; level: string }[]) {
  return path.find((step) => step.level === 'street') ?? null;
}

/** Where the server will route a request of this leaf in this territory (request_service Create). */
export type RoutePreview =
  | { kind: 'community'; owner: RequestOrg }
  | { kind: 'street'; owner: RequestOrg }
  | { kind: 'agency'; owner: RequestOrg }
  /** No agency of the leaf's kind serves the street: the street has it first. */
  | { kind: 'no_agency'; owner: RequestOrg };

export function previewRoute(
  category: Pick<RequestCategory, 'owner_kind' | 'agency_kind'>,
  territory: RequestOrg,
  street: RequestOrg,
  agencies: readonly Agency[],
): RoutePreview | null {
  switch (category.owner_kind) {
    case 'community':
      return territory.level === 'community'
        ? { kind: 'community', owner: territory }
        : { kind: 'street', owner: street };
    case 'street':
      return { kind: 'street', owner: street };
    case 'agency': {
      const agency = agencies.find(
        (candidate) =>
          candidate.kind === category.agency_kind &&
          candidate.streets.some((served) => served.id === street.id),
      );
      return agency ? { kind: 'agency', owner: agency.org } : { kind: 'no_agency', owner: street };
    }
    default:
      return null;
  }
}

/** Whether any clock of the request has run out. */
export function isLate(request: Pick<ResidentRequest, 'late'>): boolean {
  return request.late.sign_for || request.late.contact || request.late.resolution;
}

/** The current month in China, YYYY-MM. */
export function chinaMonth(now: Date = new Date()): string {
  return chinaDate(now).slice(0, 7);
}
