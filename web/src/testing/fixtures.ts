import type { SessionResponse, User } from '@/api/session';

/** The street admin of the demo data, as the server describes them. */
export const streetAdmin: User = {
  id: 3,
  username: 'street.admin',
  display_name: '和平街道管理员',
  role: 'street_admin',
  org: {
    id: 5,
    name: '和平街道',
    level: 'street',
    kind: 'working_committee',
    path: [
      { id: 1, name: '示范市', level: 'city' },
      { id: 2, name: '东城区', level: 'district' },
      { id: 5, name: '和平街道', level: 'street' },
    ],
  },
};

export const streetSession: SessionResponse = { user: streetAdmin, csrf_token: 'csrf-street' };
