import { defineMain } from '@storybook/react-vite/node';

export default defineMain({
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/*.stories.tsx'],
  addons: ['@storybook/addon-a11y'],
  core: {
    disableTelemetry: true,
    builder: { name: '@storybook/builder-vite', options: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  // Prop tables are not used (stories document by example); skipping docgen keeps builds short.
  typescript: { reactDocgen: false },
  // Storybook drops `build` from the Vite config file, so build options go here.
  viteFinal: (config) => ({
    ...config,
    build: {
      ...config.build,
      // One preview bundle with React and the test backend's crypto: large by design, never shipped.
      chunkSizeWarningLimit: 4000,
      rolldownOptions: {
        ...config.build?.rolldownOptions,
        onwarn(warning, warn) {
          // 'use client' markers (ours, TanStack's) mean nothing inside a Storybook bundle.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use client')) return;
          warn(warning);
        },
      },
    },
  }),
});
