'use client';
import { useMemo } from 'react';
import { encode } from 'uqr';

/**
 * A QR code drawn here, as SVG, from the text (no network, no image service:
 * the room may have no internet and the CSP allows nothing remote). One path
 * of unit squares, black on white whatever the theme — scanners want dark
 * modules on a light quiet zone of four modules.
 */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { d, size } = useMemo(() => {
    const qr = encode(text, { ecc: 'M', border: 4 });
    let path = '';
    qr.data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) path += `M${x} ${y}h1v1h-1z`;
      });
    });
    return { d: path, size: qr.size };
  }, [text]);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      className={className}
      shapeRendering="crispEdges"
      data-testid="join-qr"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={d} fill="#000000" />
    </svg>
  );
}
