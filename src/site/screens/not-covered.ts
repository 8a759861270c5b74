import { css, html, nothing, svg } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { SiteScreen } from './site-screen';
import { screenStyles, tokens } from './styles';

/** Our own drawing: a signpost. Decorative. */
const signpost = svg`<svg class="illustration" viewBox="0 0 96 96" width="96" height="96" aria-hidden="true" focusable="false">
  <circle cx="48" cy="48" r="46" fill="#E7ECFA"/>
  <rect x="45" y="22" width="6" height="58" rx="3" fill="#0C419A"/>
  <path d="M26 28h36l10 8-10 8H26z" fill="#fff" stroke="#0C419A" stroke-width="3" stroke-linejoin="round"/>
  <path d="M70 50H34l-10 8 10 8h36z" fill="#fff" stroke="#D81E7E" stroke-width="3" stroke-linejoin="round"/>
</svg>`;

/**
 * A journey the seed does not show (« Me connecter », « Découvrir Mon espace santé », …): the
 * simulator says so politely instead of inventing screens.
 */
@customElement('mes-screen-not-covered')
export class NotCoveredScreen extends SiteScreen {
  static override styles = [
    tokens,
    screenStyles,
    css`
      .illustration {
        display: block;
        margin: 0 0 16px;
      }
      .actions {
        justify-content: flex-start;
      }
    `,
  ];

  override render() {
    if (!this.ctx) return nothing;
    const which = this.ctx.notCovered;
    return html`
      <div class="screen">
        <div class="card" data-not-covered=${which ?? nothing}>
          ${signpost}
          <h1>${t('notcovered:title')}</h1>
          ${which ? html`<p>${t(`notcovered:reason.${which}`)}</p>` : nothing}
          <p>${t('notcovered:covered')}</p>
          <div class="actions">
            <button type="button" class="btn btn-primary" data-hotspot="back" @click=${this.handleBack}>
              ${t('notcovered:back')}
            </button>
          </div>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-not-covered': NotCoveredScreen;
  }
}
