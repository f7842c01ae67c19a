// Who is signed in, and the CSRF token the request client sends with every write.
import { defineStore } from 'pinia';
import { ref } from 'vue';

import { ApiError } from '@/api/client';
import * as api from '@/api/session';

export const useSessionStore = defineStore('session', () => {
  const user = ref<api.SessionUser | null>(null);
  const csrfToken = ref<string | null>(null);
  const checked = ref(false);

  function set(session: api.Session | null): void {
    user.value = session?.user ?? null;
    csrfToken.value = session?.csrf_token ?? null;
  }

  // Asks the server once whether the browser's cookie still names a session.
  async function restore(): Promise<void> {
    try {
      set(await api.currentSession());
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
      set(null);
    } finally {
      checked.value = true;
    }
  }

  async function logIn(username: string, password: string): Promise<void> {
    set(await api.logIn(username, password));
  }

  async function logOut(): Promise<void> {
    try {
      await api.logOut();
    } finally {
      set(null);
    }
  }

  return { user, csrfToken, checked, restore, logIn, logOut, forget: () => set(null) };
});
