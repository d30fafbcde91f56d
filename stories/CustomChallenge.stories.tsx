import type { Meta, StoryObj } from '@storybook/react-vite';
import { CustomChallenge } from 'cognito-react-kit';
import { canvasOf, expectBusy, expectScreen, expectSignedIn, fill, press } from './support/play';
import { PASSWORD, type ScenarioSetup } from './support/scenario';
import { load, onStep, scenarioOf, Stage, withAuthProvider } from './support/story';

/** CUSTOM_AUTH: after the password, the pool's (simulated) Lambda sends a one-time code to answer. */
function customAuth(maxAttempts: number): ScenarioSetup {
  return {
    backend: { customAuth: { rounds: 1, maxAttempts } },
    config: { authenticationFlowType: 'CUSTOM_AUTH' },
    seed: async (s) => {
      await s.user('cus');
      await s.auth.signIn('cus', PASSWORD);
    },
  };
}

const meta = {
  title: 'Authenticator/CustomChallenge',
  component: CustomChallenge,
  decorators: [withAuthProvider],
  render: (args) => <Stage during={onStep('CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE')} screen={<CustomChallenge {...args} />} />,
  loaders: load(customAuth(3)),
} satisfies Meta<typeof CustomChallenge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await expectScreen(canvasOf(canvasElement), 'Answer the challenge');
  },
};

export const Filled: Story = {
  play: async (context) => {
    await fill(canvasOf(context.canvasElement), 'Answer', scenarioOf(context).code('cus', 'CUSTOM_CHALLENGE'));
  },
};

export const Submitting: Story = {
  play: async (context) => {
    const s = scenarioOf(context);
    s.hold('RespondToAuthChallenge');
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Answer', s.code('cus', 'CUSTOM_CHALLENGE'));
    await press(canvas, 'Submit');
    await expectBusy(canvas, 'Submitting');
  },
};

export const WrongAnswer: Story = {
  // Cognito ends the sign-in after the last wrong answer; the step cannot be answered again.
  name: 'Error: NotAuthorizedException (last attempt wrong: back to sign-in)',
  loaders: load(customAuth(1)),
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Answer', scenarioOf(context).wrongCode('cus', 'CUSTOM_CHALLENGE'));
    await press(canvas, 'Submit');
    await expectScreen(canvas, 'Sign in to your account');
  },
};

export const Success: Story = {
  play: async (context) => {
    const canvas = canvasOf(context.canvasElement);
    await fill(canvas, 'Answer', scenarioOf(context).code('cus', 'CUSTOM_CHALLENGE'));
    await press(canvas, 'Submit');
    await expectSignedIn(canvas);
  },
};
