import { LitElement, html, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { WORDMARK_SVG } from '../../app/wordmark';
import { redrawOnLanguageChange, t } from '../../i18n';
import { parseRich } from './notification';

/**
 * Base of the pas à pas's slides: they only render, re-render when the language changes, and leave
 * keys and clicks that advance the tutorial to the tutorial itself.
 */
export abstract class SlideElement extends LitElement {
  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  /** The slide's main heading, which the tutorial focuses on each slide change. */
  get headingElement(): HTMLElement | null {
    return this.renderRoot.querySelector('h1');
  }
}

/** A translated string whose <b>…</b> marks become <strong>; the rest stays text. */
export function rich(key: string, options?: Record<string, unknown>): TemplateResult {
  return richText(t(key, options));
}

export function richText(text: string): TemplateResult {
  return html`${parseRich(text).map((part) => (part.bold ? html`<strong>${part.text}</strong>` : part.text))}`;
}

/** The own wordmark (src/app/wordmark.ts), decorative: each slide's heading says what it is about. */
export function wordmark(): TemplateResult {
  return html`<div class="wordmark" aria-hidden="true">${unsafeHTML(WORDMARK_SVG)}</div>`;
}
