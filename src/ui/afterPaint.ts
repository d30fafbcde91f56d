/**
 * Runs `task` once the next frame has been painted (a timer queued from an animation-frame callback runs
 * after that frame), so start-up work an effect begins never delays the first form on screen. Without
 * requestAnimationFrame (a server, a test DOM without it) a timer alone. Returns a cancel function.
 */
export function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
