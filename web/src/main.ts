import 'element-plus/dist/index.css';

import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { createApp } from 'vue';

import App from './App.vue';
import { configureClient } from './api/client';
import { applyLanguage, i18n } from './locales';
import { router } from './router';
import { useSessionStore } from './stores/session';

const app = createApp(App).use(createPinia()).use(i18n).use(router).use(ElementPlus);
const session = useSessionStore();
configureClient({
  language: () => i18n.global.locale.value,
  csrfToken: () => session.csrfToken,
  onUnauthorized: () => session.forget(),
});
applyLanguage();
app.mount('#app');
