'use client';
import QRCode from 'qrcode';
import { useMemo } from 'react';

export interface QrCodeProps {
  /** What the code encodes (an `otpauth://` URI). */
  value: string;
  /** Accessible name of the image. */
  label: string;
  className?: string;
}

/**
 * A QR code as an SVG path built from the `qrcode` package's module matrix: synchronous, no canvas,
 * no HTML strings injected.
 */
export function QrCode({ value, label, className = 'crk-qr' }: QrCodeProps) {
  const { size, path } = useMemo(() => qrPath(value), [value]);
  const quiet = 4;
  const box = size + quiet * 2;
  return (
    <svg className={className} role="img" aria-label={label} viewBox={`0 0 ${box} ${box}`} shapeRendering="crispEdges">
      <rect className="crk-qr__background" width={box} height={box} />
      <path className="crk-qr__modules" d={path} transform={`translate(${quiet} ${quiet})`} />
    </svg>
  );
}

function qrPath(value: string): { size: number; path: string } {
  const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
    }
  }
  return { size: modules.size, path: parts.join('') };
}
