// @vitest-environment jsdom
/**
 * Password and code inputs never mirror their value into the `value` attribute (React does that for
 * controlled inputs; CSS attribute selectors such as `input[value^="a"]` could then read it).
 */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CodeField } from '../../src/ui/primitives/CodeField';
import { Field } from '../../src/ui/primitives/Field';
import { PasswordField } from '../../src/ui/primitives/PasswordField';
import '../ui/support';

function Form() {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  return (
    <form>
      <PasswordField label="Password" value={password} onChange={(event) => setPassword(event.target.value)} />
      <CodeField label="Code" value={code} onChange={(event) => setCode(event.target.value)} />
      <Field label="Name" value={name} onChange={(event) => setName(event.target.value)} />
      <button type="button" onClick={() => setPassword('')}>
        Clear
      </button>
    </form>
  );
}

describe('secret fields', () => {
  it('keep typed passwords and codes out of the value attribute, and still follow their value prop', () => {
    render(<Form />);
    const password = screen.getByLabelText('Password') as HTMLInputElement;
    const code = screen.getByLabelText('Code') as HTMLInputElement;
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    fireEvent.change(password, { target: { value: 'Sup3r!secret' } });
    fireEvent.change(code, { target: { value: '123456' } });
    fireEvent.change(name, { target: { value: 'Ada' } });

    expect(password.value).toBe('Sup3r!secret');
    expect(code.value).toBe('123456');
    expect(password.hasAttribute('value')).toBe(false);
    expect(code.hasAttribute('value')).toBe(false);
    // The control: an ordinary field does get the attribute, so the check above can fail.
    expect(name.getAttribute('value')).toBe('Ada');

    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(password.value).toBe('');
  });
});
