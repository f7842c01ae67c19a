import 'element-plus/dist/index.css';

import ElementPlus from 'element-plus';
import { createPinia } from 'pinia';
import { createApp } from 'vue';

import App from './App.vue';
import { configureClient } from './api/client';
import { i18n } from './locales';
import { router } from './router';
import { useSessionStore } from './stores/session';

const app = createApp(App).use(createPinia()).use(i18n).use(router).use(ElementPlus);
const session = useSessionStore();
configureClient({
  language: () => i18n.global.locale.value,
  csrfToken: () => session.csrfToken,
  onUnauthorized: () => session.forget(),
});
document.documentElement.lang = i18n.global.locale.value;
app.mount('#app');
