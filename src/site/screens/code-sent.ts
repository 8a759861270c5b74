import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { SiteScreen } from './site-screen';
import { screenStyles, tokens } from './styles';
import { sharedStyles } from './vitale-fields';

const sentIcon = html`<svg class="sent-icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
  <circle cx="24" cy="24" r="22" fill="#eaf6f4" />
  <path d="M14 25l7 7 13-15" fill="none" stroke="#1e7b6f" stroke-width="4" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

/** After « Valider » on S18: the code is on its way; the journey resumes at S3. */
@customElement('mes-screen-code-sent')
export class MesScreenCodeSent extends SiteScreen {
  static override styles = [
    tokens,
    screenStyles,
    sharedStyles,
    css`
      .card {
        text-align: center;
      }
      .sent-icon {
        width: 64px;
        height: 64px;
        margin: 0 auto 12px;
        display: block;
      }
      h1 {
        justify-content: center;
      }
      .actions {
        justify-content: center;
      }
    `,
  ];

  override render() {
    if (!this.ctx) return nothing;
    const delivery = this.ctx.delivery;
    const how = delivery
      ? t(delivery.channel === 'sms' ? 'newcode:sent.bySms' : 'newcode:sent.byEmail', { masked: delivery.maskedDestination })
      : '';
    return html`<div class="screen">
      <div class="card">
        ${sentIcon}
        <h1>${t('newcode:sent.title')}</h1>
        <p>
          ${how ? html`${t('newcode:sent.how', { how })} ` : nothing}${delivery?.channel === 'sms' ? nothing : html`${t('newcode:sent.spam')} `}${t(
            'newcode:sent.validity',
          )}
        </p>
        <div class="actions">
          <button type="button" class="btn btn-primary" data-hotspot="begin" @click=${this.handleBegin}>${t('newcode:sent.activate')}</button>
        </div>
      </div>
    </div>`;
  }

  private handleBegin(): void {
    this.emit({ type: 'BEGIN' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-code-sent': MesScreenCodeSent;
  }
}
