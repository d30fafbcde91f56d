/** Play-function helpers: find by label and role (what a user sees), type, click, wait. */
import { expect, userEvent, waitFor, within } from 'storybook/test';

type Canvas = ReturnType<typeof within>;

export function canvasOf(canvasElement: HTMLElement): Canvas {
  return within(canvasElement);
}

const WAIT = { timeout: 5000 };

/** Waits for the screen whose heading is `name` (the first screen, or the next one). */
export async function expectScreen(canvas: Canvas, name: string | RegExp): Promise<HTMLElement> {
  return canvas.findByRole('heading', { name }, WAIT);
}

export async function fill(canvas: Canvas, label: string, value: string): Promise<void> {
  const input = await canvas.findByLabelText(label, {}, WAIT);
  await userEvent.clear(input);
  await userEvent.type(input, value);
}

export async function press(canvas: Canvas, name: string, role: 'button' | 'tab' | 'radio' = 'button'): Promise<void> {
  await userEvent.click(await canvas.findByRole(role, { name }, WAIT));
}

/** The form's alert shows `message`. */
export async function expectAlert(canvas: Canvas, message: string | RegExp): Promise<void> {
  await waitFor(() => {
    const texts = canvas.getAllByRole('alert').map((alert: HTMLElement) => alert.textContent ?? '');
    expect(texts.some((text: string) => (typeof message === 'string' ? text === message : message.test(text)))).toBe(true);
  }, WAIT);
}

/** The submit button shows its busy label and cannot be pressed again. */
export async function expectBusy(canvas: Canvas, pendingLabel: string): Promise<void> {
  const button = await canvas.findByRole('button', { name: pendingLabel }, WAIT);
  await expect(button).toBeDisabled();
}

/** The field named `label` is marked invalid (and points at the alert). */
export async function expectInvalid(canvas: Canvas, label: string): Promise<void> {
  await waitFor(() => expect(canvas.getByLabelText(label)).toHaveAttribute('aria-invalid', 'true'), WAIT);
}

/** The default signed-in view appeared. */
export async function expectSignedIn(canvas: Canvas): Promise<void> {
  await canvas.findByRole('button', { name: 'Sign out' }, WAIT);
}
