import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';

/**
 * The hand that marks the one clickable zone of a slide (the seed's yellow pointing hand), drawn
 * here so that the « Mode d'emploi » slide and the overlay show the very same icon.
 *
 * `handIcon` is an SVG fragment, as lit's `svg` tag requires: put it in an <svg> with
 * `viewBox=${HAND_ICON_VIEWBOX}`, or use `renderHandIcon()`. The fingertip, where the click lands,
 * is at `HAND_ICON_TIP` in viewBox units, for whoever places the icon over a target.
 */
export const HAND_ICON_VIEWBOX = '0 0 64 64';
export const HAND_ICON_TIP = { x: 25, y: 4 } as const;

export const handIcon: SVGTemplateResult = svg`
  <g stroke="#262939" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round">
    <path d="M9 5.5 13.5 8.5M41 5.5 36.5 8.5M7 15.5H12.5M43 15.5H37.5" fill="none" />
    <path
      fill="#FFD23F"
      d="M20 38V9a5 5 0 0 1 10 0v18a4.5 4.5 0 0 1 9 0v3a4.5 4.5 0 0 1 9 0v3a4 4 0 0 1 8 0v12c0 9-6 15-15 15h-8c-6 0-9.5-2.5-12.5-7L8.6 42.3a4.4 4.4 0 0 1 6.8-5.6L20 41.5z"
    />
    <path d="M30 27v8M39 30v6M48 33v5" fill="none" />
  </g>
`;

export interface HandIconOptions {
  /** Accessible name; without it the icon is decorative (hidden from assistive technologies). */
  label?: string;
  /** CSS class on the <svg>, to size it from the host's styles. */
  className?: string;
}

/** The hand as a complete inline <svg>. */
export function renderHandIcon(options: HandIconOptions = {}): TemplateResult {
  const { label, className = 'hand-icon' } = options;
  return label
    ? html`<svg class=${className} viewBox=${HAND_ICON_VIEWBOX} role="img" aria-label=${label} focusable="false">${handIcon}</svg>`
    : html`<svg class=${className} viewBox=${HAND_ICON_VIEWBOX} aria-hidden="true" focusable="false">${handIcon}</svg>`;
}
