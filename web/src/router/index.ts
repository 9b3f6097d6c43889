import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import AppLayout from '@/layout/AppLayout.vue';
import HomePage from '@/views/home/HomePage.vue';
import LoginPage from '@/views/session/LoginPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without logging in. */
    public?: boolean;
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
        children: [{ path: '', name: 'home', component: HomePage }],
      },
      { path: '/:unknown(.*)*', redirect: '/' },
    ],
  });
}
