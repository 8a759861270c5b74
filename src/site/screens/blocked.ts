import { css, html, nothing, svg } from 'lit';
import { customElement } from 'lit/decorators.js';
import { i18next, t } from '../../i18n';
import type { BlockerCode } from '../types';
import { SiteScreen } from './site-screen';
import { screenStyles, tokens } from './styles';

/** Our own drawing: a soft warning sign. Decorative, the title says it all. */
const warning = svg`<svg class="illustration" viewBox="0 0 96 96" width="96" height="96" aria-hidden="true" focusable="false">
  <circle cx="48" cy="48" r="46" fill="#E7ECFA"/>
  <path d="M48 20 76 70H20z" fill="#fff" stroke="#0C419A" stroke-width="4" stroke-linejoin="round"/>
  <rect x="45" y="38" width="6" height="18" rx="3" fill="#C7414F"/>
  <circle cx="48" cy="63" r="3.5" fill="#C7414F"/>
</svg>`;

type Action = 'new-code' | 'login';

/** What each page offers besides « Revenir à l'accueil », in the order the buttons appear. */
const ACTIONS: Record<BlockerCode, Action[]> = {
  CODE_EXPIRED: ['new-code'],
  CODE_ALREADY_USED: ['new-code', 'login'],
  PROFILE_ALREADY_EXISTS: ['login'],
  DECEASED_INDIVIDUAL: [],
  SESSION_TIMED_OUT: [],
  CONTACTS_NOT_FOUND: [],
};

/**
 * The real service's full-page messages (DESIGN.md §3): why the journey stops, what to do next, and
 * the 3422 line.
 */
@customElement('mes-screen-blocked')
export class BlockedScreen extends SiteScreen {
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
    const code = this.ctx.blocker;
    const section = code ?? 'generic';
    const actions = code ? ACTIONS[code] : [];
    const body = i18next.t(`blocked:${section}.body`, { returnObjects: true }) as unknown;
    const paragraphs = Array.isArray(body) ? body.filter((p): p is string => typeof p === 'string') : [];
    return html`
      <div class="screen">
        <div class="card" data-blocker=${section}>
          ${warning}
          <h1>${t(`blocked:${section}.title`)}</h1>
          ${paragraphs.map((p) => html`<p>${p}</p>`)}
          <div class="actions">
            ${actions.map((action, n) => this.renderAction(action, n === 0))}
            <button
              type="button"
              class=${actions.length ? 'btn btn-secondary' : 'btn btn-primary'}
              data-hotspot="home"
              @click=${this.handleHome}
            >
              ${t('blocked:home')}
            </button>
          </div>
          <section class="phone-block" aria-labelledby="help-title">
            <h2 class="visually-hidden" id="help-title">${t('blocked:helpTitle')}</h2>
            <span class="phone-number">${t('blocked:phoneNumber')}</span>
            <p>${t('blocked:phoneText')}</p>
          </section>
        </div>
      </div>
    `;
  }

  private renderAction(action: Action, primary: boolean) {
    const cls = primary ? 'btn btn-primary' : 'btn btn-secondary';
    if (action === 'new-code') {
      return html`<button type="button" class=${cls} data-hotspot="new-code" @click=${this.handleNewCode}>
        ${t('blocked:newCode')}
      </button>`;
    }
    return html`<button type="button" class=${cls} data-hotspot="login" @click=${this.handleLogin}>
      ${t('blocked:login')}
    </button>`;
  }

  private handleNewCode(): void {
    this.emit({ type: 'NEW_CODE' });
  }

  private handleLogin(): void {
    this.emit({ type: 'NOT_COVERED', which: 'login' });
  }

  private handleHome(): void {
    this.emit({ type: 'HOME' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-blocked': BlockedScreen;
  }
}
