import { appHref } from './href';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { redrawOnLanguageChange, t } from '../i18n';
import type { SiteEvent } from '../site/types';
import { tokens } from '../site/screens/styles';
import { WORDMARK_SVG } from './wordmark';

/**
 * The recreated site's chrome around the current screen: header (own wordmark, « Besoin d'aide ? »),
 * the permanent simulation marker, the <main> landmark, the footer. Like the screens, it holds no
 * state and only emits intents ('mes-intent') for the site machine.
 */
@customElement('mes-site-frame')
export class MesSiteFrame extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        /* What « Aller au contenu » is placed against: the frame, wherever it is in the page. */
        position: relative;
        display: flex;
        flex-direction: column;
        min-height: 100%;
        background: var(--mes-bg);
      }
      * {
        box-sizing: border-box;
      }
      :focus-visible {
        outline: 3px solid var(--mes-focus);
        outline-offset: 2px;
      }
      /* Out of sight until focused, clipped to nothing: moved up out of the frame instead, it was drawn over
         what lies above the frame where nothing clips it (the editor's title, the call centre's panel). */
      .skip {
        position: absolute;
        left: 8px;
        top: 8px;
        z-index: 10;
        font: inherit;
        font-weight: 700;
        color: #fff;
        background: var(--mes-primary);
        border: 0;
        border-radius: var(--mes-radius);
        padding: 8px 16px;
        cursor: pointer;
      }
      .skip:not(:focus) {
        width: 1px;
        height: 1px;
        padding: 0;
        overflow: hidden;
        white-space: nowrap;
        clip-path: inset(50%);
      }
      header {
        position: relative;
        background: #fff;
        border-bottom: 1px solid var(--mes-bg-alt);
        box-shadow: 0 2px 8px rgba(12, 65, 154, 0.06);
      }
      .bar {
        max-width: 1200px;
        margin: 0 auto;
        padding: 8px 16px;
        display: grid;
        grid-template-columns: auto 1fr auto;
        grid-template-areas: 'logo marker help';
        align-items: center;
        gap: 8px 16px;
      }
      .logo {
        grid-area: logo;
        display: inline-flex;
        padding: 4px;
        margin: -4px;
        border: 0;
        border-radius: var(--mes-radius);
        background: transparent;
        cursor: pointer;
      }
      .logo svg {
        display: block;
        width: auto;
        height: 48px;
      }
      .marker {
        grid-area: marker;
        justify-self: center;
        margin: 0;
        padding: 2px 10px;
        border: 1px solid var(--mes-secondary);
        border-radius: 999px;
        background: #fdeef6;
        color: #9b1459;
        font-size: 0.75rem;
        font-weight: 700;
        line-height: 1.5;
        text-align: center;
      }
      .help {
        grid-area: help;
        display: inline-flex;
        align-items: center;
        gap: 8px;
        min-height: 44px;
        padding: 0 4px;
        font: inherit;
        font-weight: 600;
        color: var(--mes-primary);
        background: none;
        border: 0;
        cursor: pointer;
        text-decoration: underline;
        text-underline-offset: 3px;
      }
      .help-icon {
        display: inline-grid;
        place-items: center;
        width: 24px;
        height: 24px;
        border-radius: 50%;
        border: 2px solid currentColor;
        font-size: 0.8125rem;
        font-weight: 700;
        text-decoration: none;
        flex: none;
      }
      main {
        flex: 1 0 auto;
        width: 100%;
      }
      main:focus {
        outline: none;
      }
      footer {
        background: var(--mes-bg-alt);
        color: var(--mes-title);
        font-size: 0.875rem;
      }
      footer p {
        max-width: 1200px;
        margin: 0 auto;
        padding: 16px;
      }
      footer p + p {
        padding-top: 0;
      }
      footer a {
        color: var(--mes-primary);
        font-weight: 600;
        text-underline-offset: 3px;
      }
      /* Small phones: the marker takes its own line under the logo, the help link stays at hand. */
      @media (max-width: 599px) {
        .bar {
          grid-template-columns: 1fr auto;
          grid-template-areas:
            'logo help'
            'marker marker';
        }
        .logo svg {
          height: 40px;
        }
        .help-text {
          font-size: 0.875rem;
        }
      }
    `,
  ];

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  @query('main') private mainEl!: HTMLElement;

  /** Moves focus to the content, for the skip link and for a shell that wants it after a change. */
  focusMain(): void {
    this.mainEl.focus();
  }

  private emit(event: SiteEvent): void {
    this.dispatchEvent(new CustomEvent('mes-intent', { detail: event, bubbles: true, composed: true }));
  }

  private readonly handleLogo = (): void => this.emit({ type: 'HOME' });

  private readonly handleHelp = (): void => this.emit({ type: 'NOT_COVERED', which: 'help' });

  private readonly handleSkip = (): void => this.focusMain();

  override render(): TemplateResult {
    return html`
      <button type="button" class="skip" @click=${this.handleSkip}>${t('frame:skipToContent')}</button>
      <header>
        <div class="bar">
          <button type="button" class="logo" data-hotspot="logo" aria-label=${t('frame:logoLabel')} @click=${this.handleLogo}>
            <span aria-hidden="true">${unsafeHTML(WORDMARK_SVG)}</span>
          </button>
          <p class="marker" data-marker="simulation">${t('frame:marker')}</p>
          <button type="button" class="help" data-hotspot="help" @click=${this.handleHelp}>
            <span class="help-icon" aria-hidden="true">?</span><span class="help-text">${t('frame:help')}</span>
          </button>
        </div>
      </header>
      <main tabindex="-1"><slot></slot></main>
      <footer>
        <p>${t('frame:footer')}</p>
        <p><a href=${appHref('view=accessibilite')}>${t('common:statementLink')}</a></p>
      </footer>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-site-frame': MesSiteFrame;
  }
}
