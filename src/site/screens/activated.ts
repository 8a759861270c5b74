import { css, html, nothing, svg } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import type { NotCoveredId } from '../types';
import { SiteScreen } from './site-screen';
import { screenStyles, tokens } from './styles';

/** Our own drawing (no official artwork): a card with a tick, confetti around it. Decorative. */
const illustration = svg`<svg class="illustration" viewBox="0 0 240 160" width="240" height="160" aria-hidden="true" focusable="false">
  <circle cx="120" cy="84" r="64" fill="#E7ECFA"/>
  <rect x="72" y="46" width="96" height="76" rx="10" fill="#fff" stroke="#0C419A" stroke-width="3"/>
  <rect x="84" y="60" width="40" height="6" rx="3" fill="#E7ECFA"/>
  <rect x="84" y="72" width="56" height="6" rx="3" fill="#E7ECFA"/>
  <rect x="84" y="84" width="30" height="6" rx="3" fill="#E7ECFA"/>
  <circle cx="160" cy="112" r="22" fill="#1E7B6F"/>
  <path d="M149 112l8 8 15-16" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="40" cy="40" r="5" fill="#D81E7E"/>
  <circle cx="206" cy="36" r="4" fill="#0C75F6"/>
  <rect x="196" y="70" width="10" height="10" rx="2" fill="#0C419A" transform="rotate(20 201 75)"/>
  <rect x="30" y="100" width="10" height="10" rx="2" fill="#1E7B6F" transform="rotate(-15 35 105)"/>
  <circle cx="58" cy="140" r="4" fill="#0C419A"/>
  <circle cx="190" cy="146" r="5" fill="#D81E7E"/>
</svg>`;

/**
 * S8 « Mon espace santé a bien été activé ! ». What follows (discovery, other profiles) is not part of
 * the seed's journeys, so those buttons lead to the simulator's « not covered » page.
 */
@customElement('mes-screen-activated')
export class ActivatedScreen extends SiteScreen {
  static override styles = [
    tokens,
    screenStyles,
    css`
      .card {
        text-align: center;
      }
      h1 {
        justify-content: center;
      }
      .illustration {
        display: block;
        margin: 0 auto 16px;
        width: min(240px, 70%);
        height: auto;
      }
      .actions {
        flex-direction: column;
        align-items: center;
      }
      .actions .btn {
        width: min(100%, 22rem);
      }
    `,
  ];

  override render() {
    if (!this.ctx) return nothing;
    const session = this.ctx.session;
    const isChild = session?.isChild === true;
    return html`
      <div class="screen">
        <div class="card">
          ${illustration}
          <h1>
            ${isChild && session
              ? t('activated:titleChild', { firstName: session.person.firstName })
              : t('activated:title')}
          </h1>
          <p>${t('activated:intro')}</p>
          <div class="actions">
            <button
              type="button"
              class="btn btn-primary"
              data-hotspot="discover"
              @click=${() => this.handleNotCovered('discover')}
            >
              ${t('activated:discover')}
            </button>
            <button
              type="button"
              class="btn btn-secondary"
              data-hotspot="other-profile"
              @click=${() => this.handleNotCovered('otherProfile')}
            >
              ${t('activated:otherProfile')}
            </button>
            ${isChild
              ? html`<button
                  type="button"
                  class="btn btn-secondary"
                  data-hotspot="back-profiles"
                  @click=${this.handleBackProfiles}
                >
                  ${t('activated:backProfiles')}
                </button>`
              : nothing}
          </div>
        </div>
      </div>
    `;
  }

  private handleBackProfiles(): void {
    this.emit({ type: 'BACK' });
  }

  private handleNotCovered(which: NotCoveredId): void {
    this.emit({ type: 'NOT_COVERED', which });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-activated': ActivatedScreen;
  }
}
