/**
 * Runs `task` once the next frame has been painted (a timer queued from an animation-frame callback runs
 * after that frame), so start-up work an effect begins never delays the first form on screen. Without
 * animation frames (a server, React Native, a test DOM without them) a timer alone. Returns a cancel function.
 */
export function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Read off globalThis: servers and React Native have no animation frames.
  const page = globalThis as Partial<Pick<typeof globalThis, 'requestAnimationFrame' | 'cancelAnimationFrame'>>;
  if (typeof page.requestAnimationFrame !== 'function') {
    timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const frame = page.requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    page.cancelAnimationFrame?.(frame);
    clearTimeout(timer);
  };
}
