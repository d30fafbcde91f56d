'use client';
import { useEffect, useState } from 'react';

export interface QrCodeProps {
  /** What the code encodes (an `otpauth://` URI). */
  value: string;
  /** Accessible name of the image. */
  label: string;
  className?: string;
}

type QrModules = { size: number; get(row: number, col: number): number | boolean };
type QrLibrary = { create(value: string, options: { errorCorrectionLevel: 'M' }): { modules: QrModules } };

/**
 * A QR code as an SVG path built from the `qrcode` package's module matrix: no canvas, no HTML
 * strings injected. The package is loaded when a QR code is first shown (TOTP setup is rare), so
 * it is not in the bundle of every app that signs users in; the secret is shown as text meanwhile.
 */
export function QrCode({ value, label, className = 'crk-qr' }: QrCodeProps) {
  const [drawn, setDrawn] = useState<{ value: string; size: number; path: string } | null>(null);
  // `qrcode` is an optional peer: when the app did not install it (or its chunk fails), no image at all,
  // rather than one busy forever; the screen shows the secret as text either way.
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('qrcode').then(
      (module) => {
        const library = ((module as { default?: QrLibrary }).default ?? module) as QrLibrary;
        if (live) setDrawn({ value, ...qrPath(library, value) });
      },
      () => {
        if (live) setFailed(value);
      },
    );
    return () => {
      live = false;
    };
  }, [value]);
  if (failed === value) return null;
  const quiet = 4;
  const size = drawn?.value === value ? drawn.size : 21;
  const box = size + quiet * 2;
  return (
    <svg className={className} role="img" aria-label={label} aria-busy={drawn?.value !== value} viewBox={`0 0 ${box} ${box}`} shapeRendering="crispEdges">
      <rect className="crk-qr__background" width={box} height={box} />
      {drawn?.value === value ? <path className="crk-qr__modules" d={drawn.path} transform={`translate(${quiet} ${quiet})`} /> : null}
    </svg>
  );
}

function qrPath(library: QrLibrary, value: string): { size: number; path: string } {
  const { modules } = library.create(value, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
    }
  }
  return { size: modules.size, path: parts.join('') };
}
