import { request, toQuery, type Page, type Paging } from './client';

/** An org as the whistles' API names it: an agency's level is `agency`. */
export interface WhistleOrg {
  id: number;
  name: string;
  level: string;
}

export const WHISTLE_TYPES = ['beyond_means', 'enforcement', 'emergency'] as const;
export type WhistleType = (typeof WHISTLE_TYPES)[number];

export const WHISTLE_SOURCES = [
  'hotline',
  'grid_patrol',
  'resident_council',
  'petition',
  'city_platform',
] as const;
export type WhistleSource = (typeof WHISTLE_SOURCES)[number];

export type WhistleState = 'awaiting_sign_off' | 'dispatched' | 'closed';

/** One summoned agency's part (报到): its arrival clock, handling, completion and rating. */
export interface WhistleResponse {
  id: number;
  agency: WhistleOrg;
  arrival_due: string | null;
  arrived_at: string | null;
  arrival_text: string;
  late: boolean;
  minutes_late: number | null;
  minutes_left: number | null;
  completed_at: string | null;
  completion_text: string;
  open: boolean;
  score: number | null;
  rating_comment: string;
  rated_at: string | null;
}

/** A whistle (吹哨) of a street. */
export interface Whistle {
  id: number;
  street: WhistleOrg;
  type: WhistleType;
  type_name: string;
  source: WhistleSource;
  title: string;
  description: string;
  address: string;
  state: WhistleState;
  blown_at: string;
  blown_month: string;
  signed_off_at: string | null;
  signed_off_by: string;
  signed_after_dispatch: boolean;
  dispatched_at: string | null;
  closed_at: string | null;
  closing_text: string;
  late_parts: number;
  open_parts: number;
  responses: WhistleResponse[];
}

export interface WhistleStep {
  id: number;
  kind: string;
  org: WhistleOrg;
  user_name: string;
  target: WhistleOrg | null;
  text: string;
  at: string;
}

export interface WhistleDetail extends Whistle {
  steps: WhistleStep[];
  can_sign_off: boolean;
  can_close: boolean;
  can_rate: boolean;
  own_response_id: number | null;
}

export interface NewWhistle {
  street_org_id?: number;
  type: WhistleType;
  source: WhistleSource;
  title: string;
  description: string;
  address?: string;
  agency_ids: number[];
}

export interface WhistleFilters extends Paging {
  org?: number;
  state?: 'open' | WhistleState;
  agency?: number;
}

export interface RateBand {
  low_per_10k: number;
  high_per_10k: number;
}

export interface WhistleSettings {
  types: { code: WhistleType; name: string; arrival_minutes: number }[];
  band: RateBand;
}

export type RateBandName = 'too_low' | 'normal' | 'too_high' | 'unknown';

export interface StreetWhistleRate {
  street: WhistleOrg;
  whistles: number;
  residents: number | null;
  per_10k: number | null;
  band: RateBandName;
}

export interface WhistleRates {
  org: WhistleOrg;
  month: string;
  band: RateBand;
  whistles: number;
  streets: StreetWhistleRate[];
}

/** An agency serving a street, with its kind's name. */
export interface ServingAgency {
  id: number;
  name: string;
  kind_name: string;
}

function whistlePath(id: number, suffix = ''): string {
  return `/whistles/${encodeURIComponent(id)}${suffix}`;
}

export function listWhistles(filters: WhistleFilters): Promise<Page<Whistle>> {
  return request<Page<Whistle>>(`/whistles${toQuery({ ...filters })}`);
}

export function getWhistle(id: number): Promise<WhistleDetail> {
  return request<WhistleDetail>(whistlePath(id));
}

export function blowWhistle(input: NewWhistle): Promise<Whistle> {
  return request<Whistle>('/whistles', { method: 'POST', body: input });
}

function act(id: number, action: string, body: object = {}): Promise<Whistle> {
  return request<Whistle>(whistlePath(id, `/${action}`), { method: 'POST', body });
}

export function signOffWhistle(id: number, text: string) {
  return act(id, 'sign-off', { text });
}

export function recordArrival(id: number, text: string) {
  return act(id, 'arrival', { text });
}

export function recordHandling(id: number, text: string) {
  return act(id, 'handling', { text });
}

export function completePart(id: number, text: string) {
  return act(id, 'completion', { text });
}

export function closeWhistle(id: number, text: string) {
  return act(id, 'close', { text });
}

export function rateAgency(id: number, agencyOrgId: number, score: number, comment: string) {
  return act(id, 'ratings', { agency_org_id: agencyOrgId, score, comment });
}

export async function listServingAgencies(streetId: number): Promise<ServingAgency[]> {
  const path = `/orgs/${encodeURIComponent(streetId)}/whistle-agencies`;
  return (await request<{ items: ServingAgency[] }>(path)).items;
}

export function getWhistleRates(org?: number, month?: string): Promise<WhistleRates> {
  return request<WhistleRates>(`/whistle-rates${toQuery({ org, month })}`);
}

export function getWhistleSettings(): Promise<WhistleSettings> {
  return request<WhistleSettings>('/whistle-settings');
}

// ---- power acts (街道赋权) ----

export const POWERS = [
  'disposal',
  'recommendation',
  'participation',
  'supervision',
  'personnel_recommendation',
] as const;
export type Power = (typeof POWERS)[number];

export type PowerActState = 'awaiting_answer' | 'answered' | 'concluded';
export const OUTCOMES = ['adopted', 'partly_adopted', 'not_adopted'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface PowerAct {
  id: number;
  street: WhistleOrg;
  agency: WhistleOrg;
  power: Power;
  subject: string;
  text: string;
  evidence: string;
  state: PowerActState;
  acted_at: string;
  response_due: string;
  late: boolean;
  answered_at: string | null;
  answer: string;
  outcome: Outcome | null;
  outcome_text: string;
  concluded_at: string | null;
}

export interface PowerActDetail extends PowerAct {
  steps: {
    id: number;
    kind: string;
    org: WhistleOrg;
    user_name: string;
    text: string;
    at: string;
  }[];
  can_answer: boolean;
  can_conclude: boolean;
}

export interface NewPowerAct {
  street_org_id?: number;
  agency_org_id: number;
  power: Power;
  subject: string;
  text: string;
  evidence?: string;
  response_due: string;
}

export interface PowerActFilters extends Paging {
  org?: number;
  power?: Power;
  agency?: number;
  state?: PowerActState;
}

function actPath(id: number, suffix = ''): string {
  return `/power-acts/${encodeURIComponent(id)}${suffix}`;
}

export function listPowerActs(filters: PowerActFilters): Promise<Page<PowerAct>> {
  return request<Page<PowerAct>>(`/power-acts${toQuery({ ...filters })}`);
}

export function getPowerAct(id: number): Promise<PowerActDetail> {
  return request<PowerActDetail>(actPath(id));
}

export function createPowerAct(input: NewPowerAct): Promise<PowerAct> {
  return request<PowerAct>('/power-acts', { method: 'POST', body: input });
}

export function answerPowerAct(id: number, text: string): Promise<PowerAct> {
  return request<PowerAct>(actPath(id, '/answer'), { method: 'POST', body: { text } });
}

export function concludePowerAct(id: number, outcome: Outcome, text: string): Promise<PowerAct> {
  return request<PowerAct>(actPath(id, '/conclusion'), { method: 'POST', body: { outcome, text } });
}
