/**
 * The simulator's own wordmark « mon ESPACE SANTÉ » (not the official logo: no Marianne, no State
 * typeface). The markup lives here rather than behind an `import …svg` so that vite and the
 * web-test-runner's esbuild serve it alike; assets/wordmark.svg and assets/favicon.svg are byte-for-byte
 * copies, checked by tests/browser/frame.test.ts.
 *
 * `textLength` pins each word's width, so the lock-up keeps its shape whichever sans-serif the
 * machine falls back to.
 */
export const WORDMARK_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 140 52" width="140" height="52">
  <title>mon ESPACE SANTÉ</title>
  <rect x="0" y="2" width="48" height="48" rx="12" fill="#0C419A"/>
  <circle cx="22" cy="29" r="12" fill="none" stroke="#FFFFFF" stroke-width="5"/>
  <circle cx="35" cy="16" r="6.5" fill="#D81E7E"/>
  <g font-family="'Open Sans', Arial, Helvetica, sans-serif" font-weight="800">
    <text x="57" y="13" font-size="12" font-weight="700" fill="#0C419A" textLength="24" lengthAdjust="spacingAndGlyphs">mon</text>
    <text x="56" y="31" font-size="19" fill="#0C419A" textLength="80" lengthAdjust="spacingAndGlyphs">ESPACE</text>
    <text x="56" y="49" font-size="19" fill="#D81E7E" textLength="66" lengthAdjust="spacingAndGlyphs">SANTÉ</text>
  </g>
</svg>
`;

/** The mark alone, for the browser tab. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">
  <title>mon ESPACE SANTÉ</title>
  <rect x="0" y="0" width="48" height="48" rx="12" fill="#0C419A"/>
  <circle cx="22" cy="27" r="12" fill="none" stroke="#FFFFFF" stroke-width="5"/>
  <circle cx="35" cy="14" r="6.5" fill="#D81E7E"/>
</svg>
`;
