import { css, html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { SiteScreen } from './site-screen';
import { screenStyles, tokens } from './styles';
import { sharedStyles } from './vitale-fields';

const NEEDS = ['code', 'card', 'time'] as const;

/** Own pictograms: an envelope, a card, a clock (decorative: each sits next to its text). */
const needIcons: Record<(typeof NEEDS)[number], TemplateResult> = {
  code: html`<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
    <rect x="6" y="12" width="36" height="26" rx="3" fill="none" stroke="currentColor" stroke-width="3" />
    <path d="M7 14l17 13 17-13" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" />
  </svg>`,
  card: html`<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
    <rect x="5" y="11" width="38" height="26" rx="4" fill="none" stroke="currentColor" stroke-width="3" />
    <rect x="10" y="19" width="9" height="8" rx="1.5" fill="currentColor" />
    <path d="M24 20h13M24 26h9" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
  </svg>`,
  time: html`<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false">
    <circle cx="24" cy="24" r="17" fill="none" stroke="currentColor" stroke-width="3" />
    <path d="M24 14v11l7 5" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
  </svg>`,
};

/** S2: what the user needs before starting, « Commencer », and the two side doors. */
@customElement('mes-screen-start')
export class MesScreenStart extends SiteScreen {
  static override styles = [
    tokens,
    screenStyles,
    sharedStyles,
    css`
      .card {
        text-align: center;
      }
      .needs {
        list-style: none;
        margin: 24px 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 16px;
      }
      .needs li {
        flex: 1 1 150px;
        max-width: 200px;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 8px;
        color: var(--mes-title);
        font-weight: 600;
      }
      .needs svg {
        width: 56px;
        height: 56px;
        padding: 8px;
        border-radius: 50%;
        background: var(--mes-bg-alt);
        color: var(--mes-primary);
      }
      .begin {
        margin: 8px 0 24px;
      }
      .begin .btn {
        min-width: 200px;
      }
      .side {
        margin: 8px 0 0;
      }
      h1 {
        justify-content: center;
      }
    `,
  ];

  override render() {
    return html`<div class="screen">
      <div class="card">
        <h1>${t('start:title')}</h1>
        <p>${t('start:need')}</p>
        <ul class="needs">
          ${NEEDS.map((id) => html`<li>${needIcons[id]}<span>${t(`start:items.${id}`)}</span></li>`)}
        </ul>
        <div class="begin">
          <button type="button" class="btn btn-primary" data-hotspot="begin" @click=${this.handleBegin}>${t('start:begin')}</button>
        </div>
        <p class="side">
          ${t('start:noCode')}
          <button type="button" class="link" data-hotspot="new-code" @click=${this.handleNewCode}>${t('common:newCode')}</button>
        </p>
        <p class="side">
          ${t('start:alreadyActivated')}
          <button type="button" class="link" data-hotspot="login" @click=${this.handleLogin}>${t('start:login')}</button>
        </p>
      </div>
    </div>`;
  }

  private handleBegin(): void {
    this.emit({ type: 'BEGIN' });
  }

  private handleNewCode(): void {
    this.emit({ type: 'NEW_CODE' });
  }

  private handleLogin(): void {
    this.emit({ type: 'NOT_COVERED', which: 'login' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-start': MesScreenStart;
  }
}
