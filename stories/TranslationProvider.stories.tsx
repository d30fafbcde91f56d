import type { Meta, StoryObj } from '@storybook/react-vite';
import { SignIn, TranslationProvider } from 'cognito-react-kit';
import { canvasOf, expectScreen } from './support/play';
import { load, withAuthProvider, Frame } from './support/story';

const meta = {
  title: 'i18n/TranslationProvider',
  component: TranslationProvider,
  decorators: [withAuthProvider],
  loaders: load(),
  render: (args) => (
    <TranslationProvider {...args}>
      <Frame>
        <SignIn onForgotPassword={() => undefined} />
      </Frame>
    </TranslationProvider>
  ),
} satisfies Meta<typeof TranslationProvider>;
export default meta;
type Story = StoryObj<typeof meta>;

// The toolbar's language is fetched before each story (.storybook/preview.tsx); the `language` arg's
// dictionary is not, so these stories also show a chunk arriving on demand.
export const French: Story = {
  args: { language: 'fr' },
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Connexion à votre compte');
  },
};

export const German: Story = {
  args: { language: 'de' },
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Melden Sie sich mit Ihrem Account an');
  },
};

export const Japanese: Story = {
  args: { language: 'ja' },
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'アカウントにサインイン');
  },
};

export const RegionalFallback: Story = {
  name: 'Regional code (pt-BR → pt)',
  args: { language: 'pt-BR' },
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Faça login em sua conta');
  },
};

export const Unknown: Story = {
  name: 'Language without a dictionary (ca → English)',
  args: { language: 'ca' },
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Sign in to your account');
  },
};

export const Overrides: Story = {
  name: 'App overrides of single strings',
  args: { language: 'en', translations: { en: { 'signIn.heading': 'Welcome back', 'signIn.submit': 'Continue' } } },
  play: async ({ canvasElement }) => {
    const canvas = canvasOf(canvasElement);
    await expectScreen(canvas, 'Welcome back');
    await canvas.findByRole('button', { name: 'Continue' });
  },
};
