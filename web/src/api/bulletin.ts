import {
  request,
  requestFile,
  toQuery,
  type DownloadedFile,
  type Page,
  type Paging,
} from './client';
import type { OrgRef } from './org';
import type { Supervision } from './supervision';
import type { Assignment } from './task';

export type BulletinState = 'draft' | 'published';

/** The numbers of one org (or of all of them) over a period. */
export interface BulletinNumbers {
  assignments: number;
  done: number;
  on_time: number;
  /** Fractions 0..1 (as the coverage rates), or null when there is nothing to divide. */
  completion_rate: number | null;
  on_time_rate: number | null;
  overdue: number;
  open_supervisions: number;
  average_progress: number | null;
}

/** One child org of the bulletin's org, with the same numbers over the preceding period. */
export interface BulletinRow extends BulletinNumbers {
  org: OrgRef;
  previous?: BulletinNumbers | null;
}

export interface BulletinFigures {
  /** Ranked by completion rate: organisations only, never people. */
  rows: BulletinRow[];
  totals: BulletinNumbers;
  overdue_items: Assignment[];
  open_supervisions: Supervision[];
}

/** 情况通报 of an org's subtree for a period, computed as of `as_of`. */
export interface Bulletin {
  id: number;
  org: OrgRef;
  title: string;
  period_from: string;
  period_to: string;
  as_of: string;
  state: BulletinState;
  published_at?: string | null;
  figures: BulletinFigures;
}

/** A bulletin as the list sends it; the figures may be left out there. */
export type BulletinSummary = Omit<Bulletin, 'figures'> & { figures?: BulletinFigures };

export interface BulletinInput {
  org_id?: number;
  period_from: string;
  period_to: string;
  title?: string;
}

function bulletinPath(bulletinId: number): string {
  return `/bulletins/${encodeURIComponent(bulletinId)}`;
}

/** Computes a draft bulletin as of now. */
export function createBulletin(input: BulletinInput): Promise<Bulletin> {
  return request<Bulletin>('/bulletins', { method: 'POST', body: input });
}

export function listBulletins(paging: Paging = {}): Promise<Page<BulletinSummary>> {
  return request<Page<BulletinSummary>>(`/bulletins${toQuery({ ...paging })}`);
}

export function getBulletin(bulletinId: number): Promise<Bulletin> {
  return request<Bulletin>(bulletinPath(bulletinId));
}

/** Publishes a draft; every org in its scope is notified. */
export function publishBulletin(bulletinId: number): Promise<Bulletin> {
  return request<Bulletin>(`${bulletinPath(bulletinId)}/publish`, { method: 'POST' });
}

export function deleteBulletin(bulletinId: number): Promise<void> {
  return request<void>(bulletinPath(bulletinId), { method: 'DELETE' });
}

/** The bulletin as an .xlsx file (the server records the export). */
export function exportBulletin(bulletinId: number): Promise<DownloadedFile> {
  return requestFile(`${bulletinPath(bulletinId)}/export`);
}
