import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../../i18n';
import { screenStyles, tokens } from './styles';
import { arrowLeft, formErrorBlock, mainButton, sharedStyles, textField, VitaleFormScreen } from './vitale-fields';

/** S17 « Je génère un nouveau code provisoire »: NIR, date of birth (own or a child's), card, serial. */
@customElement('mes-screen-new-code')
export class MesScreenNewCode extends VitaleFormScreen {
  static override styles = [
    tokens,
    screenStyles,
    sharedStyles,
    css`
      .birth {
        margin: 8px 0 20px;
      }
      .birth h2 {
        font-size: 1.0625rem;
        margin: 0 0 4px;
      }
    `,
  ];

  protected override readonly formName = 'newCode' as const;

  override render() {
    if (!this.ctx) return nothing;
    const form = this.ctx.forms.newCode;
    return html`<div class="screen">
      <div class="card">
        <h1>${t('newcode:title')}</h1>
        <p>${t('newcode:intro')}</p>
        <form novalidate @submit=${this.handleFormSubmit}>
          ${this.renderNir()}
          <section class="birth" aria-labelledby="birth-title">
            <h2 id="birth-title">${t('newcode:birth.title')}</h2>
            <p>${t('newcode:birth.text')}</p>
            ${textField({
              id: 'birth-date',
              hotspot: 'birth-date',
              label: t('newcode:birth.label'),
              hint: t('newcode:birth.hint'),
              value: form.birthDate,
              error: this.errorText('birthDate'),
              inputmode: 'numeric',
              maxlength: 10,
              onInput: (value) => this.sendField('birthDate', value),
            })}
          </section>
          ${this.renderCardType()} ${this.renderSerial()} ${formErrorBlock(this.message(this.ctx.formError))}
          <div class="actions split">
            <button type="button" class="btn btn-secondary btn-link-back" data-hotspot="back" @click=${this.handleBack}>
              ${arrowLeft}<span>${t('common:back')}</span>
            </button>
            ${mainButton({ busy: this.ctx.busy, label: t('common:continue') })}
          </div>
        </form>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-new-code': MesScreenNewCode;
  }
}
