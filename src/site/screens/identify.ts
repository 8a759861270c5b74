import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { screenStyles, tokens } from './styles';
import { backButton, formErrorBlock, mainButton, sharedStyles, textField, VitaleFormScreen } from './vitale-fields';

/** S3 « Je m'identifie »: provisional code, NIR, card type and serial number. */
@customElement('mes-screen-identify')
export class MesScreenIdentify extends VitaleFormScreen {
  static override styles = [tokens, screenStyles, sharedStyles];

  protected override readonly formName = 'identify' as const;

  override render() {
    if (!this.ctx) return nothing;
    const form = this.ctx.forms.identify;
    return html`<div class="screen">
      <div class="card">
        <div class="title-row">
          ${backButton(() => this.emit({ type: 'BACK' }))}
          <h1>${t('identify:title')}</h1>
        </div>
        <p>${t('identify:intro')}</p>
        <form novalidate @submit=${this.handleFormSubmit}>
          ${textField({
            id: 'code',
            hotspot: 'code',
            label: t('identify:codeLabel'),
            hint: t('common:example', { value: t('identify:codeExample') }),
            value: form.code,
            error: this.errorText('code'),
            onInput: (value) => this.sendField('code', value),
            after: html`<div class="field-links">
              <button type="button" class="link" data-hotspot="new-code" @click=${this.handleNewCode}>${t('common:newCode')}</button>
            </div>`,
          })}
          ${this.renderNir()} ${this.renderCardType()} ${this.renderSerial()} ${formErrorBlock(this.message(this.ctx.formError))}
          <div class="actions">${mainButton({ busy: this.ctx.busy, label: t('common:continue') })}</div>
        </form>
      </div>
    </div>`;
  }

  private handleNewCode(): void {
    this.emit({ type: 'NEW_CODE' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-identify': MesScreenIdentify;
  }
}
