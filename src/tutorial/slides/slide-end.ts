import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t } from '../../i18n';
import { SlideElement } from './slide-element';
import { slideStyles } from './slide-styles';

/** The four journeys of the pas à pas, as the « Fin de parcours » menu offers them again. */
export const JOURNEYS = ['activation', 'opposition', 'new-code', 'contacts'] as const;
export type JourneyId = (typeof JOURNEYS)[number];

export interface JourneyEventDetail {
  journey: JourneyId;
}
export type JourneyEvent = CustomEvent<JourneyEventDetail>;

declare global {
  interface HTMLElementEventMap {
    'mes-journey': JourneyEvent;
  }
  interface HTMLElementTagNameMap {
    'mes-slide-end': MesSlideEnd;
  }
}

const LABEL_KEYS: Record<JourneyId, string> = {
  activation: 'slides:end.activation',
  opposition: 'slides:end.opposition',
  'new-code': 'slides:end.newCode',
  contacts: 'slides:end.contacts',
};

/** A check in a rosette: the journey is done (decorative). */
const doneIcon = html`<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
  <circle cx="24" cy="24" r="21" fill="#E7ECFA" stroke="#0C419A" stroke-width="3" />
  <path d="M14 24.5l7 7 13-14" fill="none" stroke="#D81E7E" stroke-width="4.5" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

const arrowIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M5 12h13M13 6l6 6-6 6" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

/** T6 « Fin de parcours »: congratulations and the menu back to the four journeys. */
@customElement('mes-slide-end')
export class MesSlideEnd extends SlideElement {
  static override styles = [
    slideStyles,
    css`
      .congrats {
        display: flex;
        align-items: center;
        gap: 0.6em;
        font-size: 1.35em;
        font-weight: 700;
        color: var(--slide-primary);
        margin-bottom: 1em;
      }
      .congrats svg {
        flex: none;
        width: 2.2em;
        height: 2.2em;
      }
      .menu {
        list-style: none;
        padding: 0;
        margin: 0.6em 0 0;
        display: grid;
        grid-template-columns: 1fr;
        gap: 0.9em;
      }
      .menu .btn {
        width: 100%;
        justify-content: space-between;
        border-radius: 12px;
        padding: 0.8em 1.2em;
        min-height: 3.4em;
      }
      @media (min-width: 768px) and (min-height: 460px) {
        .content {
          display: flex;
          flex-direction: column;
          justify-content: center;
        }
        .menu .btn {
          min-height: 4.6em;
        }
        .menu {
          grid-template-columns: 1fr 1fr;
          gap: 1.2em 1.6em;
        }
      }
    `,
  ];

  /**
   * The scenario's own menu (journey id and its already translated label); the seed's four journeys
   * when the scenario gives none.
   */
  @property({ attribute: false }) menu: Array<{ journey: string; label: string }> | null = null;

  private get entries(): Array<{ journey: string; label: string }> {
    return this.menu ?? JOURNEYS.map((journey) => ({ journey, label: t(LABEL_KEYS[journey]) }));
  }

  override render() {
    return html`<div class="stage">
      <article class="slide" aria-labelledby="title">
        <div class="content">
          <h1 id="title" tabindex="-1">${t('slides:end.title')}</h1>
          <hr class="rule" />
          <p class="congrats">${doneIcon}<span>${t('slides:end.congrats')}</span></p>
          <p>${t('slides:end.back')}</p>
          <ul class="menu">
            ${this.entries.map(
              ({ journey, label }) => html`<li>
                <button
                  type="button"
                  class="btn btn-secondary"
                  data-hotspot=${`journey-${journey}`}
                  @click=${() => this.emitJourney(journey)}
                >
                  <span>${label}</span>${arrowIcon}
                </button>
              </li>`,
            )}
          </ul>
        </div>
      </article>
    </div>`;
  }

  private emitJourney(journey: string): void {
    this.dispatchEvent(new CustomEvent('mes-journey', { detail: { journey }, bubbles: true, composed: true }));
  }
}
