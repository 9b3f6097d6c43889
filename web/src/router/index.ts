import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import AppLayout from '@/layout/AppLayout.vue';
import HomePage from '@/views/home/HomePage.vue';
import LoginPage from '@/views/session/LoginPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without logging in. */
    public?: boolean;
    /** The permission the page needs; the server refuses its requests to anyone without it. */
    permission?: string;
  }
}

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  return createRouter({
    history,
    routes: [
      { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
      {
        path: '/',
        component: AppLayout,
        // Feature pages load on first visit, so the login page stays small.
        children: [
          { path: '', name: 'home', component: HomePage },
          {
            path: 'second-factor',
            name: 'second-factor',
            component: () => import('@/views/session/SecondFactorPage.vue'),
          },
          {
            path: 'password',
            name: 'password',
            component: () => import('@/views/session/PasswordPage.vue'),
          },
          { path: 'orgs', name: 'orgs', component: () => import('@/views/org/OrgTreePage.vue') },
          {
            path: 'members',
            name: 'members',
            component: () => import('@/views/member/MemberListPage.vue'),
          },
          {
            path: 'units',
            name: 'units',
            component: () => import('@/views/unit/UnitListPage.vue'),
          },
          {
            path: 'coverage',
            name: 'coverage',
            component: () => import('@/views/coverage/CoveragePage.vue'),
          },
          {
            path: 'joint-committees',
            name: 'joint-committees',
            component: () => import('@/views/joint_committee/JointCommitteePage.vue'),
          },
          {
            path: 'reform',
            name: 'reform',
            component: () => import('@/views/street/ReformProgressPage.vue'),
          },
          {
            path: 'duties',
            name: 'duties',
            component: () => import('@/views/duty/DutyListPage.vue'),
            meta: { permission: 'duty:read' },
          },
          {
            path: 'tasks',
            name: 'tasks',
            component: () => import('@/views/task/TaskListPage.vue'),
            meta: { permission: 'task:read' },
          },
          {
            path: 'tasks/records',
            name: 'task-records',
            component: () => import('@/views/task/AssignmentRecordsPage.vue'),
            meta: { permission: 'task:read' },
          },
          {
            path: 'tasks/assignments/:id(\\d+)',
            name: 'task-assignment',
            component: () => import('@/views/task/AssignmentDetailPage.vue'),
            meta: { permission: 'task:read' },
          },
          {
            path: 'reviews',
            name: 'reviews',
            component: () => import('@/views/task/ReviewListPage.vue'),
            meta: { permission: 'task:review' },
          },
          {
            path: 'supervisions',
            name: 'supervisions',
            component: () => import('@/views/supervision/SupervisionListPage.vue'),
            meta: { permission: 'task:read' },
          },
          {
            path: 'supervisions/:id(\\d+)',
            name: 'supervision',
            component: () => import('@/views/supervision/SupervisionDetailPage.vue'),
            meta: { permission: 'task:read' },
          },
          {
            path: 'accountabilities',
            name: 'accountabilities',
            component: () => import('@/views/supervision/AccountabilityPage.vue'),
            meta: { permission: 'accountability:read' },
          },
          {
            path: 'bulletins',
            name: 'bulletins',
            component: () => import('@/views/bulletin/BulletinListPage.vue'),
            meta: { permission: 'bulletin:read' },
          },
          {
            path: 'bulletins/:id(\\d+)',
            name: 'bulletin',
            component: () => import('@/views/bulletin/BulletinDetailPage.vue'),
            meta: { permission: 'bulletin:read' },
          },
          {
            path: 'bulletins/:id(\\d+)/print',
            name: 'bulletin-print',
            component: () => import('@/views/bulletin/BulletinPrintPage.vue'),
            meta: { permission: 'bulletin:read' },
          },
          {
            path: 'inbox',
            name: 'inbox',
            component: () => import('@/views/inbox/InboxPage.vue'),
            meta: { permission: 'notification:read' },
          },
          {
            path: 'users',
            name: 'users',
            component: () => import('@/views/user/UserListPage.vue'),
            meta: { permission: 'user:read' },
          },
          {
            path: 'roles',
            name: 'roles',
            component: () => import('@/views/role/RoleListPage.vue'),
            meta: { permission: 'role:read' },
          },
          {
            path: 'settings',
            name: 'settings',
            component: () => import('@/views/setting/SettingPage.vue'),
            meta: { permission: 'setting:read' },
          },
          {
            path: 'audit',
            name: 'audit',
            component: () => import('@/views/audit/AuditLogPage.vue'),
            meta: { permission: 'audit:read' },
          },
        ],
      },
      { path: '/:unknown(.*)*', redirect: '/' },
    ],
  });
}
