import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '@/testing/plugins';
import { listAuditLog } from './audit';
import { listBulletins } from './bulletin';
import type { Page, Paging } from './client';
import { listMembers } from './member';
import { listNotifications } from './notification';
import { listAccountabilities, listSupervisions } from './supervision';
import { listAssignments, listReviews, listTasks } from './task';
import { listUnits } from './unit';
import { listUsers } from './user';

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

// Every list pages the same way: `page` and `page_size` out, `{items, total, page, page_size}` back.
describe.each<[string, (paging: Paging) => Promise<Page<unknown>>]>([
  ['/members', (paging) => listMembers(paging)],
  ['/units', (paging) => listUnits(paging)],
  ['/users', (paging) => listUsers(paging)],
  ['/audit', (paging) => listAuditLog(paging)],
  ['/tasks', (paging) => listTasks(paging)],
  ['/task-assignments', (paging) => listAssignments(paging)],
  ['/reviews', (paging) => listReviews(paging)],
  ['/supervisions', (paging) => listSupervisions(paging)],
  ['/accountabilities', (paging) => listAccountabilities(paging)],
  ['/bulletins', (paging) => listBulletins(paging)],
  ['/notifications', (paging) => listNotifications(paging)],
])('%s', (path, list) => {
  it('asks for a page by page and page_size and reads the total', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(200, { items: [{ id: 1 }], total: 41, page: 3, page_size: 20, unread: 0 }),
    );

    const page = await list({ page: 3, page_size: 20 });

    const url = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://localhost');
    expect(url.pathname).toBe(`/api/v1${path}`);
    expect(url.searchParams.get('page')).toBe('3');
    expect(url.searchParams.get('page_size')).toBe('20');
    expect(url.searchParams.has('offset')).toBe(false);
    expect(url.searchParams.has('limit')).toBe(false);
    expect(page.total).toBe(41);
  });
});
