import { html, type TemplateResult } from 'lit';

/**
 * The arrows of the pas à pas's « Précédent » and « Continuer » buttons, drawn rather than written: the
 * app's faces (src/boot/fonts.css) have no arrow, and a face fetched for one character would delay the
 * first slide. Hidden from assistive technologies: the button's text is its name. 1em wide, in the
 * button's colour; `.arrow` (see `arrowStyles`) sets its place beside the text.
 */
export function arrowIcon(direction: 'previous' | 'next'): TemplateResult {
  const d = direction === 'next' ? 'M2.5 8h10.5M9 3.5 13.5 8 9 12.5' : 'M13.5 8H3M7 3.5 2.5 8 7 12.5';
  return html`<svg class="arrow" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><path d=${d} fill="none" stroke="currentColor" stroke-width="1.75" stroke-linecap="round" stroke-linejoin="round" /></svg>`;
}
