import { createPinia } from 'pinia';
import { createApp } from 'vue';

import App from './App.vue';
import { configureClient } from './api/client';
import { applyLanguage, i18n } from './locales';
import { router } from './router';
import { installElementPlus } from './plugins/elementPlus';
import { useSessionStore } from './stores/session';

const app = createApp(App).use(createPinia()).use(i18n).use(router);
installElementPlus(app);
const session = useSessionStore();
configureClient({
  language: () => i18n.global.locale.value,
  csrfToken: () => session.csrfToken,
  onUnauthorized: () => session.forget(),
});
applyLanguage();
app.mount('#app');
