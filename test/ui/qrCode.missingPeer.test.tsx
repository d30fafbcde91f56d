// @vitest-environment jsdom
/**
 * `qrcode` is an optional peer dependency. An app that did not install it (its bundler then puts a stub
 * that throws on import) still gets a usable TOTP set-up: no QR image left busy forever, the secret as text.
 * The import is made to fail here the way such a stub fails: that part cannot be real in this repo,
 * which has qrcode installed.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { QrCode } from '../../src/ui/primitives/QrCode';

vi.mock('qrcode', () => {
  throw new Error('Could not resolve "qrcode"');
});

describe('<QrCode> without the qrcode package', () => {
  it('renders no image once the import fails (and never an image stuck busy)', async () => {
    const { container } = render(<QrCode value="otpauth://totp/AWSCognito:ann?secret=ABC" label="QR code for your authenticator app" />);
    await waitFor(() => expect(container.querySelector('svg')).toBeNull());
    expect(screen.queryByRole('img')).toBeNull();
  });
});
