import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { SiteScreen } from './site-screen';
import { screenStyles, tokens } from './styles';
import { formErrorBlock, mainButton, sharedStyles } from './vitale-fields';

/** S10: the opposition is confirmed here; « Annuler » goes back to the decision. */
@customElement('mes-screen-confirm-opposition')
export class MesScreenConfirmOpposition extends SiteScreen {
  static override styles = [
    tokens,
    screenStyles,
    sharedStyles,
    css`
      .card {
        border-left: 6px solid var(--mes-primary);
      }
    `,
  ];

  override render() {
    if (!this.ctx) return nothing;
    return html`<div class="screen">
      <div class="card">
        <h1>${t('opposition:confirm.title')}</h1>
        <p>${t('opposition:confirm.consequence')}<br />${t('opposition:confirm.reversible')}</p>
        ${formErrorBlock(this.message(this.ctx.formError))}
        <div class="actions">
          <button type="button" class="btn btn-secondary" data-hotspot="cancel" @click=${this.handleCancel}>${t('common:cancel')}</button>
          ${mainButton({ busy: this.ctx.busy, label: t('common:continue'), type: 'button', onClick: () => this.handleContinue() })}
        </div>
      </div>
    </div>`;
  }

  private handleCancel(): void {
    this.emit({ type: 'BACK' });
  }

  private handleContinue(): void {
    if (this.ctx.busy) return;
    this.emit({ type: 'SUBMIT' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-confirm-opposition': MesScreenConfirmOpposition;
  }
}
