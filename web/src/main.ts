import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { configureClient } from './api/client';
import { createAppI18n } from './locales';
import { createAppRouter } from './router';
import { installPermissionGuard } from './router/permission_guard';
import { endSession, installSessionGuard } from './router/session_guard';
import { useSessionStore } from './stores/session';
import './styles.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
app.use(createAppI18n());
app.use(ElementPlus);

const router = createAppRouter();
const session = useSessionStore(pinia);
configureClient({
  csrfToken: () => session.csrfToken,
  onUnauthorized: (error) => endSession(router, session, error),
});
installSessionGuard(router, session);
installPermissionGuard(router, session);
app.use(router);

app.mount('#app');
