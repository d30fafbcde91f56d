// DOM tests wait for real HTTP round trips to the test backend: on a loaded 2-core machine these can
// take longer than Testing Library's 1 s default for findBy*/waitFor (two test files share the cores), so
// allow 10 s (only when a DOM exists). A wait still ends as soon as its condition holds.
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 10_000 });
}
export {};
