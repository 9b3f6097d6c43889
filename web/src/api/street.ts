import { request } from './client';

/** The five powers granted to streets (赋权街道), in the order the speech lists them. */
export const STREET_POWERS = [
  'disposal',
  'recommendation',
  'participation',
  'supervision',
  'personnel_recommendation',
] as const;
export type StreetPower = (typeof STREET_POWERS)[number];

/** A street's reform profile (街道体制改革). Only granted powers are listed. */
export interface StreetProfile {
  org_id: number;
  office_set_up: boolean;
  office_set_up_on: string | null;
  deputy_secretary: string;
  deputy_secretary_since: string | null;
  function_list_published: boolean;
  function_list_published_on: string | null;
  powers: { power: StreetPower; granted_on: string }[];
}

export type StreetProfileInput = Omit<StreetProfile, 'org_id'>;

/** Reform progress of every street under a city or district org. */
export interface ReformProgress {
  items: {
    org_id: number;
    name: string;
    district: string;
    office_set_up: boolean;
    deputy_secretary_appointed: boolean;
    function_list_published: boolean;
    /** Of the five powers. */
    powers_granted: number;
  }[];
  totals: {
    streets: number;
    office_set_up: number;
    deputy_secretary_appointed: number;
    function_list_published: number;
    all_powers_granted: number;
  };
}

export function getReformProgress(orgId: number): Promise<ReformProgress> {
  return request<ReformProgress>(`/orgs/${encodeURIComponent(orgId)}/reform-progress`);
}

/** 404 street_profile.not_a_street for an org that is not a street. */
export function getStreetProfile(orgId: number): Promise<StreetProfile> {
  return request<StreetProfile>(`/orgs/${encodeURIComponent(orgId)}/street-profile`);
}

export function saveStreetProfile(
  orgId: number,
  input: StreetProfileInput,
): Promise<StreetProfile> {
  return request<StreetProfile>(`/orgs/${encodeURIComponent(orgId)}/street-profile`, {
    method: 'PUT',
    body: input,
  });
}
