// Every string the UI shows lives in a locale file: one folder per language, one file per
// namespace (core, projects, reports, …), each file's top-level keys its own. A later capability
// adds a file to both folders; tests/unit/locales.test.ts checks the languages match key for key.
import { createI18n } from 'vue-i18n';

export type Language = 'zh-CN' | 'en';
export const languages: Language[] = ['zh-CN', 'en'];

type Messages = Record<string, unknown>;
const files = import.meta.glob<{ default: Messages }>('./*/*.ts', { eager: true });

// The namespace files of one language, merged; a top-level key defined twice is a mistake.
export function messagesOf(language: Language): Messages {
  const merged: Messages = {};
  for (const [path, module] of Object.entries(files)) {
    if (!path.startsWith(`./${language}/`)) continue;
    for (const [key, value] of Object.entries(module.default)) {
      if (key in merged) throw new Error(`locale key "${key}" is defined twice (${path})`);
      merged[key] = value;
    }
  }
  return merged;
}

// The namespace files by language and file name, for the key check.
export function namespaceFiles(): Record<string, Messages> {
  return Object.fromEntries(Object.entries(files).map(([path, m]) => [path.slice(2), m.default]));
}

const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('sanpi.language') : null;

export const i18n = createI18n({
  legacy: false,
  locale: stored === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': messagesOf('zh-CN'), en: messagesOf('en') } as never,
});

// The document's language and title follow the UI's.
export function applyLanguage(): void {
  document.documentElement.lang = i18n.global.locale.value;
  const translate = (i18n.global as unknown as { t: (key: string) => string }).t;
  document.title = translate('app.title');
}

export function setLanguage(language: Language): void {
  i18n.global.locale.value = language;
  localStorage.setItem('sanpi.language', language);
  applyLanguage();
}
