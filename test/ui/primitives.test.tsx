// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CodeField } from '../../src/ui/primitives/CodeField';
import { ErrorAlert } from '../../src/ui/primitives/ErrorAlert';
import { Field } from '../../src/ui/primitives/Field';
import { PasswordField } from '../../src/ui/primitives/PasswordField';
import { SubmitButton } from '../../src/ui/primitives/SubmitButton';
import { axeViolations } from './support';

describe('form primitives', () => {
  it('Field: label names the input; description and error are linked; error sets aria-invalid and data-invalid', async () => {
    const { container } = render(
      <form aria-label="test">
        <Field label="Email" description="We never share it." error="Enter a valid email." aria-describedby="outside" className="mine" name="email" />
        <p id="outside">Outside help</p>
      </form>,
    );
    const input = screen.getByLabelText('Email');
    const ids = input.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(ids[0]).toBe('outside');
    expect(ids.map((id) => document.getElementById(id)?.textContent)).toEqual(['Outside help', 'We never share it.', 'Enter a valid email.']);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('name')).toBe('email');
    const field = input.closest('.crk-field');
    expect(field?.className).toBe('crk-field mine');
    expect(field?.hasAttribute('data-invalid')).toBe(true);
    expect(screen.getByRole('alert').textContent).toBe('Enter a valid email.');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('Field: without messages there is no aria-describedby, aria-invalid or data-invalid', () => {
    render(<Field label="Username" required disabled />);
    const input = screen.getByLabelText('Username');
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    const field = input.closest('.crk-field');
    expect(field?.hasAttribute('data-invalid')).toBe(false);
    expect(field?.hasAttribute('data-required')).toBe(true);
    expect(field?.hasAttribute('data-disabled')).toBe(true);
  });

  it('PasswordField: the toggle is a real button with a name and aria-pressed, and shows the password', async () => {
    const { container } = render(<PasswordField label="Password" />);
    const input = screen.getByLabelText('Password');
    const toggle = screen.getByRole('button', { name: 'Show password' });
    expect(input.getAttribute('type')).toBe('password');
    expect(input.getAttribute('autocomplete')).toBe('current-password');
    expect(toggle.getAttribute('type')).toBe('button');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(input.id);
    fireEvent.click(toggle);
    expect(input.getAttribute('type')).toBe('text');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(toggle);
    expect(input.getAttribute('type')).toBe('password');
    expect(await axeViolations(container)).toEqual([]);
  });

  it('PasswordField: new-password autocomplete when asked', () => {
    render(<PasswordField label="New Password" autoComplete="new-password" />);
    expect(screen.getByLabelText('New Password').getAttribute('autocomplete')).toBe('new-password');
  });

  it('CodeField: one-time-code autocomplete and a numeric keypad', () => {
    render(<CodeField label="Code" />);
    const input = screen.getByLabelText('Code');
    expect(input.getAttribute('autocomplete')).toBe('one-time-code');
    expect(input.getAttribute('inputmode')).toBe('numeric');
  });

  it('SubmitButton: while pending it is disabled, aria-busy and says so', () => {
    const { rerender } = render(<SubmitButton label="Sign in" pendingLabel="Signing in…" />);
    const idle = screen.getByRole('button', { name: 'Sign in' });
    expect(idle.getAttribute('type')).toBe('submit');
    expect(idle.hasAttribute('disabled')).toBe(false);
    expect(idle.hasAttribute('aria-busy')).toBe(false);
    rerender(<SubmitButton label="Sign in" pendingLabel="Signing in…" pending />);
    const busy = screen.getByRole('button', { name: 'Signing in…' });
    expect(busy.hasAttribute('disabled')).toBe(true);
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(busy.hasAttribute('data-pending')).toBe(true);
  });

  it('ErrorAlert: role="alert" with the message, nothing without one', () => {
    const { rerender, container } = render(<ErrorAlert message={null} />);
    expect(container.innerHTML).toBe('');
    rerender(<ErrorAlert message="Incorrect username or password." className="mine" />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('Incorrect username or password.');
    expect(alert.className).toBe('crk-alert mine');
  });
});
