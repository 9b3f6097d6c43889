import { describe, expect, it } from 'vitest';
import { menuFor } from './menu';
import {
  auditAdmin,
  cityAdmin,
  cityStaff,
  communityStaff,
  securityAdmin,
  streetAdmin,
  streetStaff,
  systemAdmin,
} from '@/testing/fixtures';

const paths = (user: Parameters<typeof menuFor>[0]) => menuFor(user).map((entry) => entry.path);

describe('menuFor', () => {
  it('shows street reform progress to city and district users only', () => {
    expect(paths(cityAdmin)).toContain('/reform');
    expect(paths(streetAdmin)).not.toContain('/reform');
  });

  it('lists the organisation system pages for staff, and no administration page', () => {
    expect(paths(streetAdmin)).toEqual([
      '/',
      '/orgs',
      '/members',
      '/units',
      '/coverage',
      '/joint-committees',
    ]);
  });

  it.each([
    ['system', systemAdmin, ['/', '/orgs', '/reform', '/users', '/settings']],
    ['security', securityAdmin, ['/', '/roles', '/settings']],
    ['audit', auditAdmin, ['/', '/audit']],
  ])('shows the %s administrator the pages of their duty only', (_duty, user, expected) => {
    expect(paths(user)).toEqual(expected);
  });

  const RESPONSIBILITY = [
    '/duties',
    '/tasks',
    '/reviews',
    '/supervisions',
    '/accountabilities',
    '/bulletins',
    '/inbox',
  ];
  const responsibilityPages = (user: Parameters<typeof menuFor>[0]) =>
    paths(user).filter((path) => RESPONSIBILITY.includes(path));

  it('shows the city every page of the responsibility system, 问责记录 included', () => {
    expect(responsibilityPages(cityStaff)).toEqual(RESPONSIBILITY);
  });

  it('shows a street and a community no 问责记录 (no accountability:read)', () => {
    const withoutAccountability = RESPONSIBILITY.filter((path) => path !== '/accountabilities');
    expect(responsibilityPages(streetStaff)).toEqual(withoutAccountability);
    expect(responsibilityPages(communityStaff)).toEqual(withoutAccountability);
  });

  it('shows 重点企业双向管理 to holders of key_enterprise:read only, after the street powers', () => {
    const withKeyEnterprises = (user: typeof streetAdmin) => ({
      ...user,
      permissions: [...user.permissions, 'key_enterprise:read', 'power:read'],
    });
    const street = paths(withKeyEnterprises(streetAdmin));
    expect(street).toContain('/key-enterprises');
    expect(street.indexOf('/key-enterprises')).toBe(street.indexOf('/power-acts') + 1);
    expect(paths(withKeyEnterprises(cityAdmin))).toContain('/key-enterprises');
    for (const user of [streetAdmin, cityStaff, communityStaff, systemAdmin]) {
      expect(paths(user)).not.toContain('/key-enterprises');
    }
  });

  it('shows 联席会议 to holders of cobuild:read, after 共建协议', () => {
    const withCobuild = (user: typeof streetAdmin) => ({
      ...user,
      permissions: [...user.permissions, 'cobuild:read'],
    });
    const street = paths(withCobuild(streetAdmin));
    expect(street.indexOf('/joint-meetings')).toBe(street.indexOf('/cobuild/agreements') + 1);
    expect(paths(withCobuild(cityAdmin))).toContain('/joint-meetings');
    expect(paths(streetAdmin)).not.toContain('/joint-meetings');
  });

  it('shows 共建概览 to holders of cobuild:read, first of the co-building pages', () => {
    const withCobuild = (user: typeof streetAdmin) => ({
      ...user,
      permissions: [...user.permissions, 'cobuild:read'],
    });
    const street = paths(withCobuild(streetAdmin));
    expect(street.indexOf('/cobuild/overview')).toBe(street.indexOf('/cobuild/agreements') - 1);
    expect(paths(withCobuild(cityAdmin))).toContain('/cobuild/overview');
    expect(paths(streetAdmin)).not.toContain('/cobuild/overview');
  });

  it('shows 待审核 only to users holding task:review', () => {
    const noReview = {
      ...communityStaff,
      permissions: communityStaff.permissions.filter((p) => p !== 'task:review'),
    };
    expect(paths(noReview)).not.toContain('/reviews');
    expect(paths(noReview)).toContain('/tasks');
  });
});
