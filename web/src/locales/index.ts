import { createI18n } from 'vue-i18n';

import en from './en';
import zhCN from './zh-CN';

export type Language = 'zh-CN' | 'en';
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('sanpi.language') : null;

export const i18n = createI18n({
  legacy: false,
  locale: stored === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
});

export function setLanguage(language: Language): void {
  i18n.global.locale.value = language;
  localStorage.setItem('sanpi.language', language);
  document.documentElement.lang = language;
}
