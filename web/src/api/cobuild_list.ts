import { request, toQuery, type Page, type Paging } from './client';

/** 需求 or 微心愿 (a light need one unit claims whole). */
export const NEED_KINDS = ['need', 'micro_wish'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];
export const NEED_STATUSES = ['open', 'matched', 'claimed', 'closed'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];
/** 资金 (fen), 场地 (capacity), 人才 (hours, with a headcount), 服务 (times). */
export const RESOURCE_KINDS = ['funds', 'venue', 'talent', 'service'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const PROJECT_STATUSES = ['active', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface Ref {
  id: number;
  name: string;
}

export interface Category {
  code: string;
  name: string;
}

export interface Need {
  id: number;
  org: Ref;
  need_kind: NeedKind;
  category: string;
  tags: string[];
  title: string;
  description: string;
  beneficiaries: string;
  beneficiary_count: number;
  wanted_by: string;
  status: NeedStatus;
  project_id: number | null;
  matched_on: string | null;
  closed_on: string | null;
  created_at: string;
}

export interface NeedDetail extends Need {
  claim: { id: number; unit: Ref; claimed_on: string; note: string } | null;
  project: Project | null;
  can_write: boolean;
  can_match: boolean;
}

export interface Resource {
  id: number;
  org: Ref;
  unit: Ref | null;
  service_centre: Ref | null;
  venue_id: number | null;
  resource_kind: ResourceKind;
  category: string;
  tags: string[];
  title: string;
  description: string;
  quantity: number;
  headcount: number;
  committed: number;
  remaining: number;
  valid_from: string;
  valid_to: string;
  served_orgs: Ref[];
  created_at: string;
}

export interface Project {
  id: number;
  org: Ref;
  unit: Ref | null;
  resource_id: number | null;
  category: string;
  tags: string[];
  title: string;
  description: string;
  /** In fen. */
  budget: number;
  owners: string;
  starts_on: string;
  ends_on: string;
  status: ProjectStatus;
  people_served: number;
  rating: number | null;
  rating_comment: string;
  rated_on: string | null;
  created_at: string;
}

export interface ProjectDelivery {
  id: number;
  delivered_on: string;
  text: string;
  people_served: number;
  recorded_by: string;
  recorded_at: string;
}

export interface ProjectDetail extends Project {
  milestones: { id: number; title: string; due_on: string }[];
  deliveries: ProjectDelivery[];
  needs: Need[];
  can_write: boolean;
}

/** A part of a suggestion's score, with its reason in Chinese. */
export interface ScorePart {
  name: 'category' | 'tags' | 'distance' | 'capacity' | 'free_slots';
  points: number;
  reason: string;
}

export interface Suggestion {
  kind: 'resource' | 'project';
  id: number;
  title: string;
  resource_kind: ResourceKind | null;
  org: Ref;
  unit: Ref | null;
  score: number;
  parts: ScorePart[];
  explanation: string;
}

export interface NeedInput {
  org_id: number;
  need_kind: NeedKind;
  category: string;
  tags: string[];
  title: string;
  description: string;
  beneficiaries: string;
  beneficiary_count: number;
  wanted_by: string;
}

export interface ResourceInput {
  org_id: number;
  unit_id?: number;
  resource_kind: Exclude<ResourceKind, 'venue'>;
  category: string;
  tags: string[];
  title: string;
  description: string;
  quantity: number;
  headcount?: number;
  valid_from: string;
  valid_to: string;
}

export interface ProjectDeliveryInput {
  delivered_on: string;
  text: string;
  people_served: number;
}

export interface ListFilters extends Paging {
  org?: number;
  status?: string;
  kind?: string;
  category?: string;
  q?: string;
}

export interface ServiceCentre {
  id: number;
  org: Ref;
  name: string;
  address: string;
  opening_hours: string;
  service_items: string[];
  venues: Venue[];
  created_at: string;
}

export interface Venue {
  id: number;
  org: Ref;
  service_centre: Ref | null;
  unit: Ref | null;
  name: string;
  capacity: number;
  opening_hours: string;
  resource_id: number | null;
  created_at: string;
}

export interface Booking {
  id: number;
  venue_id: number;
  /** null when the booking is by an org outside the reader's subtree (masked). */
  org: Ref | null;
  unit: Ref | null;
  booked_on: string;
  start_time: string;
  end_time: string;
  title: string;
  attendees: number;
  cancelled: boolean;
  masked: boolean;
}

export interface VenueDetail extends Venue {
  from: string;
  to: string;
  bookings: Booking[];
  can_book: boolean;
}

export interface BookingInput {
  booked_on: string;
  start_time: string;
  end_time: string;
  title: string;
  attendees: number;
  unit_id?: number;
}

export interface VenueInput {
  org_id: number;
  service_centre_id?: number;
  unit_id?: number;
  name: string;
  capacity: number;
  opening_hours: string;
  tags?: string[];
}

const query = (filters: ListFilters) => toQuery({ ...filters, q: filters.q?.trim() });

export function listCategories(): Promise<{ items: Category[] }> {
  return request<{ items: Category[] }>('/cobuild-categories');
}

export function listNeeds(filters: ListFilters = {}): Promise<Page<Need>> {
  return request<Page<Need>>(`/needs${query(filters)}`);
}

export function createNeed(input: NeedInput): Promise<NeedDetail> {
  return request<NeedDetail>('/needs', { method: 'POST', body: input });
}

export function getNeed(id: number): Promise<NeedDetail> {
  return request<NeedDetail>(`/needs/${id}`);
}

export function listSuggestions(id: number): Promise<{ items: Suggestion[] }> {
  return request<{ items: Suggestion[] }>(`/needs/${id}/suggestions`);
}

export function confirmMatch(
  id: number,
  match: { resource_id?: number; project_id?: number; quantity?: number },
): Promise<NeedDetail> {
  return request<NeedDetail>(`/needs/${id}/match`, { method: 'POST', body: match });
}

export function claimNeed(id: number, unitId: number, note = ''): Promise<NeedDetail> {
  return request<NeedDetail>(`/needs/${id}/claim`, {
    method: 'POST',
    body: { unit_id: unitId, note },
  });
}

export function listResources(filters: ListFilters = {}): Promise<Page<Resource>> {
  return request<Page<Resource>>(`/resources${query(filters)}`);
}

export function createResource(input: ResourceInput): Promise<Resource> {
  return request<Resource>('/resources', { method: 'POST', body: input });
}

export function listProjects(filters: ListFilters = {}): Promise<Page<Project>> {
  return request<Page<Project>>(`/projects${query(filters)}`);
}

export function getProject(id: number): Promise<ProjectDetail> {
  return request<ProjectDetail>(`/projects/${id}`);
}

export function recordProjectDelivery(
  id: number,
  input: ProjectDeliveryInput,
): Promise<ProjectDetail> {
  return request<ProjectDetail>(`/projects/${id}/deliveries`, { method: 'POST', body: input });
}

export function rateProject(id: number, rating: number, comment: string): Promise<ProjectDetail> {
  return request<ProjectDetail>(`/projects/${id}/rating`, {
    method: 'POST',
    body: { rating, comment },
  });
}

export function listServiceCentres(): Promise<{ items: ServiceCentre[] }> {
  return request<{ items: ServiceCentre[] }>('/service-centres');
}

export function listVenues(): Promise<{ items: Venue[] }> {
  return request<{ items: Venue[] }>('/venues');
}

export function createVenue(input: VenueInput): Promise<VenueDetail> {
  return request<VenueDetail>('/venues', { method: 'POST', body: input });
}

export function getVenue(id: number, from?: string, to?: string): Promise<VenueDetail> {
  return request<VenueDetail>(`/venues/${id}${toQuery({ from, to })}`);
}

export function bookVenue(id: number, input: BookingInput): Promise<Booking> {
  return request<Booking>(`/venues/${id}/bookings`, { method: 'POST', body: input });
}

export function cancelBooking(id: number): Promise<Booking> {
  return request<Booking>(`/venue-bookings/${id}/cancel`, { method: 'POST' });
}
