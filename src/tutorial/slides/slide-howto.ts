import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { renderHandIcon } from './hand-icon';
import { SlideElement } from './slide-element';
import { slideStyles } from './slide-styles';

/** Asked of the tutorial when the « Plein écran » button of this slide is pressed. */
export type FullscreenRequestEvent = CustomEvent<Record<string, never>>;

declare global {
  interface HTMLElementEventMap {
    'mes-fullscreen-request': FullscreenRequestEvent;
  }
  interface HTMLElementTagNameMap {
    'mes-slide-howto': MesSlideHowto;
  }
}

const fullscreenIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

/** A slide with a pointer clicking it: « je clique n'importe où sur la diapositive ». */
const slideClickIcon = html`<svg class="picto" viewBox="0 0 64 48" aria-hidden="true" focusable="false">
  <rect x="3" y="3" width="50" height="32" rx="3" fill="#E7ECFA" stroke="#0C419A" stroke-width="2.5" />
  <path d="M10 12h24M10 19h32M10 26h18" stroke="#0C419A" stroke-width="2.5" stroke-linecap="round" />
  <path d="M40 22l14 8-6 1.6 4 7-3.4 2-4-7-4.6 4.2z" fill="#fff" stroke="#262939" stroke-width="2.2" stroke-linejoin="round" />
</svg>`;

/**
 * T2 « Mode d'emploi », adapted from the seed's PowerPoint instructions to this application: the
 * « Plein écran » button or the F key, click anywhere or arrow keys, the hand icon, Esc.
 */
@customElement('mes-slide-howto')
export class MesSlideHowto extends SlideElement {
  static override styles = [
    slideStyles,
    css`
      .rows {
        display: grid;
        grid-template-columns: 1fr;
        gap: 1em;
        margin-top: 0.4em;
      }
      .row {
        display: grid;
        grid-template-columns: 4.5em 1fr;
        gap: 0.4em 1em;
        align-items: start;
        padding: 0.8em 1em;
        border-radius: 12px;
        background: var(--slide-bg);
      }
      .visual {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3em;
        align-items: center;
        justify-content: center;
        min-height: 3.5em;
      }
      .visual .hand-icon {
        width: 4em;
        height: 4em;
      }
      .visual .picto {
        width: 4.5em;
        height: auto;
      }
      .visual .big-icon {
        width: 3em;
        height: 3em;
        color: var(--slide-primary);
      }
      h2 {
        font-size: 1.1em;
        margin-bottom: 0.3em;
      }
      .text p:last-child {
        margin-bottom: 0;
      }
      .keys {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.6em;
        margin-top: 0.4em;
      }
      .note {
        font-weight: 700;
        color: var(--slide-title);
        border-left: 4px solid var(--slide-secondary);
        padding-left: 0.6em;
      }
      @media (min-width: 768px) and (min-height: 460px) {
        .rows {
          grid-template-columns: 1fr 1fr;
        }
      }
    `,
  ];

  override render() {
    return html`<div class="stage">
      <article class="slide" aria-labelledby="title">
        <div class="content">
          <h1 id="title" tabindex="-1">${t('slides:howto.title')}</h1>
          <hr class="rule" />
          <div class="rows">
            <div class="row">
              <div class="visual"><span class="big-icon">${fullscreenIcon}</span></div>
              <div class="text">
                <h2 id="fullscreen">${t('slides:howto.fullscreen.heading')}</h2>
                <p>${t('slides:howto.fullscreen.how')}</p>
                <div class="keys">
                  <button type="button" class="btn" data-hotspot="fullscreen" @click=${this.handleFullscreen}>
                    ${fullscreenIcon}${t('slides:howto.fullscreen.button')}
                  </button>
                  <kbd>${t('slides:howto.fullscreen.key')}</kbd>
                </div>
              </div>
            </div>
            <div class="row">
              <div class="visual">${slideClickIcon}</div>
              <div class="text">
                <h2 id="navigate">${t('slides:howto.navigate.heading')}</h2>
                <p>${t('slides:howto.navigate.how')}</p>
                <div class="keys">
                  <kbd><span aria-hidden="true">←</span><span class="visually-hidden">${t('slides:howto.navigate.keyPrevious')}</span></kbd>
                  <kbd><span aria-hidden="true">→</span><span class="visually-hidden">${t('slides:howto.navigate.keyNext')}</span></kbd>
                </div>
              </div>
            </div>
            <div class="row">
              <div class="visual">${renderHandIcon({ label: t('slides:howto.hotspot.iconLabel') })}</div>
              <div class="text">
                <p id="hotspot"><strong>${t('slides:howto.hotspot.how')}</strong></p>
                <p>${t('slides:howto.hotspot.detail')}</p>
                <p class="note">${t('slides:howto.note')}</p>
              </div>
            </div>
            <div class="row">
              <div class="visual"><kbd>${t('slides:howto.escape.key')}</kbd></div>
              <div class="text">
                <p id="escape">${t('slides:howto.escape.how')}</p>
              </div>
            </div>
          </div>
        </div>
      </article>
    </div>`;
  }

  /**
   * The tutorial owns fullscreen (it knows which element to show): it cancels this event and does it.
   * Alone, without a tutorial around, the slide asks the browser for the whole page.
   */
  private readonly handleFullscreen = (): void => {
    const event: FullscreenRequestEvent = new CustomEvent('mes-fullscreen-request', {
      detail: {},
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    if (!this.dispatchEvent(event)) return;
    if (document.fullscreenElement || !document.fullscreenEnabled) return;
    document.documentElement.requestFullscreen().catch(() => {
      // Refused (no user activation, iframe without permission): the F key of the tutorial remains.
    });
  };
}
