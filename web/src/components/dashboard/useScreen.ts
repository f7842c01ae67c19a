// What the venue screen needs besides figures: a ticking clock, a scale that fits its 1920×1080
// layout into whatever window shows it, and the browser's full-screen mode.
import { onBeforeUnmount, onMounted, ref } from 'vue';

export const screenWidth = 1920;
export const screenHeight = 1080;

export function useClock(everyMs = 1000) {
  const now = ref(new Date());
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => (timer = setInterval(() => (now.value = new Date()), everyMs)));
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}

export function useFitScale() {
  const scale = ref(1);
  const fit = () => (scale.value = Math.min(window.innerWidth / screenWidth, window.innerHeight / screenHeight));
  onMounted(() => {
    fit();
    window.addEventListener('resize', fit);
  });
  onBeforeUnmount(() => window.removeEventListener('resize', fit));
  return scale;
}

export function useFullscreen() {
  const active = ref(false);
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled;
  const track = () => (active.value = document.fullscreenElement !== null);
  onMounted(() => document.addEventListener('fullscreenchange', track));
  onBeforeUnmount(() => document.removeEventListener('fullscreenchange', track));
  async function toggle(): Promise<void> {
    // A refusal (no user gesture, a kiosk policy) leaves the page as it is.
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => undefined);
    else await document.documentElement.requestFullscreen().catch(() => undefined);
  }
  return { active, supported, toggle };
}
