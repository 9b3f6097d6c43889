import {
  request,
  requestFile,
  toQuery,
  type DownloadedFile,
  type ImportResult,
  type Page,
  type Paging,
} from './client';
import type { NamedRef } from './org';

export type Gender = 'male' | 'female';
export const MEMBER_STATUSES = ['full', 'probationary'] as const;
/** 正式党员 / 预备党员. */
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** A Party member as the server sends it: ID number and phone always masked. */
export interface Member {
  id: number;
  name: string;
  gender: Gender;
  /** The birth year only: the masked ID number hides the birth date, and nothing shows more. */
  birth_year: string;
  /** Masked by the server, e.g. `110101********0759`; shown exactly as sent. */
  id_number: string;
  /** Masked by the server, e.g. `138****5678`, or empty. */
  phone: string;
  education: string;
  joined_on: string | null;
  full_member_on: string | null;
  status: MemberStatus;
  /** 党籍 state: `normal` and the others the server knows. */
  standing: string;
  in_service: boolean;
  employer_unit: NamedRef | null;
  home_community: NamedRef | null;
  org: NamedRef;
}

export interface MemberFilters extends Paging {
  /** The org whose subtree is listed. */
  org?: number;
  q?: string;
  /** An exact, full ID number. */
  id_number?: string;
  status?: MemberStatus;
  in_service?: boolean;
}

/** The unmasked identifiers; each look is recorded on the server. */
export interface MemberIdentifiers {
  id_number: string;
  phone: string;
}

/** The fields of a new member (and of an import row); PATCH takes any subset. */
export interface MemberInput {
  org_id: number;
  name: string;
  gender: Gender;
  id_number: string;
  phone: string;
  education: string;
  joined_on: string | null;
  full_member_on: string | null;
  status: MemberStatus;
  in_service: boolean;
  employer_unit_id: number | null;
  home_community_id: number | null;
}

export type MemberPatch = Partial<MemberInput>;

function memberPath(memberId: number): string {
  return `/members/${encodeURIComponent(memberId)}`;
}

/** The query string of a member list or export. */
export function memberQuery(filters: MemberFilters): string {
  return toQuery({
    org: filters.org,
    q: filters.q?.trim(),
    id_number: filters.id_number?.trim(),
    status: filters.status,
    in_service: filters.in_service,
    page: filters.page,
    page_size: filters.page_size,
  });
}

export function listMembers(filters: MemberFilters): Promise<Page<Member>> {
  return request<Page<Member>>(`/members${memberQuery(filters)}`);
}

export function getMember(memberId: number): Promise<Member> {
  return request<Member>(memberPath(memberId));
}

/** Returns the full ID number and phone; needs member:unmask, and the server records the look. */
export function getMemberIdentifiers(memberId: number): Promise<MemberIdentifiers> {
  return request<MemberIdentifiers>(`${memberPath(memberId)}/identifiers`);
}

export function createMember(input: MemberInput): Promise<Member> {
  return request<Member>('/members', { method: 'POST', body: input });
}

export function updateMember(memberId: number, patch: MemberPatch): Promise<Member> {
  return request<Member>(memberPath(memberId), { method: 'PATCH', body: patch });
}

/** Sends spreadsheet rows; row errors refer to indexes of `rows`. */
export function importMembers(rows: Record<string, unknown>[]): Promise<ImportResult> {
  return request<ImportResult>('/members/import', { method: 'POST', body: { rows } });
}

/** The filtered list as an .xlsx file (paging ignored). */
export function exportMembers(filters: MemberFilters): Promise<DownloadedFile> {
  return requestFile(
    `/members/export${memberQuery({ ...filters, page: undefined, page_size: undefined })}`,
  );
}
