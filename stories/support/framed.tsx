import type { Decorator } from '@storybook/react-vite';
import { Frame } from './story';

/** Shows a primitive inside the Authenticator's card, where the theme's variables apply. */
export const framed: Decorator = (Story) => (
  <Frame>
    <Story />
  </Frame>
);
