import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { SiteScreen } from './site-screen';
import { screenStyles, tokens } from './styles';
import { backButton, formErrorBlock, mainButton, sharedStyles } from './vitale-fields';

const channelIcons = {
  email: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <rect x="3" y="5" width="18" height="14" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
    <path d="M4 7l8 6 8-6" fill="none" stroke="currentColor" stroke-width="2" />
  </svg>`,
  sms: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <rect x="6" y="2" width="12" height="20" rx="2" fill="none" stroke="currentColor" stroke-width="2" />
    <path d="M10 18h4" stroke="currentColor" stroke-width="2" />
  </svg>`,
};

/** S18 « Envoi du code provisoire »: where the new code will go, and a way to correct it. */
@customElement('mes-screen-delivery')
export class MesScreenDelivery extends SiteScreen {
  static override styles = [
    tokens,
    screenStyles,
    sharedStyles,
    css`
      .mode {
        color: var(--mes-title);
        font-weight: 600;
        margin: 16px 0 8px;
      }
      .destination {
        display: flex;
        align-items: center;
        gap: 12px;
        padding: 16px;
        border-radius: var(--mes-radius);
        background: var(--mes-bg-alt);
        color: var(--mes-title);
        overflow-wrap: anywhere;
        margin: 0 0 12px;
      }
      .destination .icon {
        color: var(--mes-primary);
      }
      .notice {
        display: flex;
        justify-content: space-between;
        align-items: flex-start;
        gap: 12px;
      }
      .notice .link {
        color: var(--mes-success);
        font-size: 0.875rem;
        flex: none;
      }
    `,
  ];

  override render() {
    if (!this.ctx) return nothing;
    const { delivery, notice, busy, formError } = this.ctx;
    const noticeText = this.message(notice);
    return html`<div class="screen">
      <div class="card">
        <div class="title-row">
          ${backButton(() => this.emit({ type: 'BACK' }))}
          <h1>${t('newcode:delivery.title')}</h1>
        </div>
        <div role="status">
          ${noticeText
            ? html`<div class="notice">
                <span>${noticeText}</span>
                <button type="button" class="link" data-hotspot="dismiss-notice" @click=${this.handleDismiss}>${t('common:close')}</button>
              </div>`
            : nothing}
        </div>
        <p class="mode">${t('newcode:delivery.mode')}</p>
        ${delivery
          ? html`<p class="destination">
              ${channelIcons[delivery.channel]}
              <span>${t(`newcode:delivery.${delivery.channel}`, { masked: delivery.maskedDestination })}</span>
            </p>`
          : nothing}
        <button type="button" class="link" data-hotspot="wrong-contacts" @click=${this.handleWrongContacts}>
          ${t('newcode:delivery.wrongContacts')}
        </button>
        ${formErrorBlock(this.message(formError))}
        <div class="actions">
          ${mainButton({ busy, label: t('common:validate'), type: 'button', onClick: () => this.handleValidate() })}
        </div>
      </div>
    </div>`;
  }

  private handleWrongContacts(): void {
    this.emit({ type: 'EDIT_CONTACT', kind: this.ctx.delivery?.channel === 'sms' ? 'mobile' : 'email' });
  }

  private handleValidate(): void {
    if (this.ctx.busy) return;
    this.emit({ type: 'SUBMIT' });
  }

  private handleDismiss(): void {
    this.emit({ type: 'DISMISS_NOTICE' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-delivery': MesScreenDelivery;
  }
}
