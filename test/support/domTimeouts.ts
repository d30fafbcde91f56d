// DOM tests wait for real HTTP round trips to the test backend: on a loaded 2-core machine these can
// take longer than Testing Library's 1 s default for findBy*/waitFor, so allow 5 s (only when a DOM exists).
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 5_000 });
}
export {};
