// Element Plus components come on demand (vite.config.ts); these are the base styles and the
// styles of the services that code calls (ElMessage, ElMessageBox), which no template names.
import 'element-plus/theme-chalk/base.css';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
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
