import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Decision } from '../../api/types';
import { t } from '../../i18n';
import { screenStyles, tokens } from './styles';
import { backButton, FormScreen, formErrorBlock, mainButton, richText, sharedStyles } from './vitale-fields';

/**
 * S4, S5, S9: the decision, « J'active » or « Je m'oppose », with the CGU checkbox once activation is
 * chosen. For a child's profile the legal representative certifies her role.
 */
@customElement('mes-screen-decision')
export class MesScreenDecision extends FormScreen {
  static override styles = [
    tokens,
    screenStyles,
    sharedStyles,
    css`
      .subtitle {
        font-size: 1.125rem;
        color: var(--mes-title);
        font-weight: 600;
        margin: 0 0 16px;
        padding: 0;
      }
      .choices {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .choice {
        display: flex;
        align-items: flex-start;
        gap: 16px;
        padding: 20px;
        border: 1px solid #8a94b0;
        border-radius: 12px;
        background: #fff;
        cursor: pointer;
        font-weight: 400;
      }
      .choice:hover {
        border-color: var(--mes-primary);
      }
      .choice:has(input:checked) {
        border: 2px solid var(--mes-primary);
        background: var(--mes-bg);
      }
      fieldset[aria-invalid='true'] .choice {
        border-color: var(--mes-error);
      }
      .choice input {
        width: 22px;
        height: 22px;
        margin: 2px 0 0;
        accent-color: var(--mes-primary);
        flex: none;
      }
      .choice input:focus-visible,
      .checkbox input:focus-visible {
        outline: 3px solid var(--mes-focus);
        outline-offset: 2px;
      }
      .choice-title {
        display: block;
        color: var(--mes-title);
        font-weight: 700;
        font-size: 1.0625rem;
        margin-bottom: 4px;
      }
      .choice-text {
        display: block;
        color: var(--mes-body);
      }
      .legal-rep {
        color: var(--mes-title);
        font-weight: 600;
        margin: 16px 0 0;
      }
      .consent {
        margin: 20px 0 0;
      }
      .checkbox {
        display: flex;
        align-items: flex-start;
        gap: 12px;
        color: var(--mes-title);
        font-weight: 400;
        cursor: pointer;
      }
      .checkbox input {
        width: 22px;
        height: 22px;
        margin: 1px 0 0;
        flex: none;
      }
    `,
  ];

  protected override readonly formName = 'decision' as const;

  override render() {
    if (!this.ctx) return nothing;
    const person = this.ctx.session?.person;
    const firstName = person?.firstName ?? '';
    const isChild = this.ctx.session?.isChild ?? false;
    const form = this.ctx.forms.decision;
    const choiceError = this.errorText('choice');
    const cguError = this.errorText('cgu');
    return html`<div class="screen">
      <div class="card">
        <div class="title-row">
          ${backButton(() => this.emit({ type: 'BACK' }))}
          <h1>${t('decision:hello', { firstName })}</h1>
        </div>
        <form novalidate @submit=${this.handleFormSubmit}>
          <fieldset
            class="radio-group"
            role="radiogroup"
            id="choice"
            aria-labelledby="choice-legend"
            aria-invalid=${choiceError ? 'true' : 'false'}
          >
            <legend class="subtitle" id="choice-legend">${t('decision:subtitle')}</legend>
            <div class="choices">${this.renderChoice('activate', form.choice, choiceError)} ${this.renderChoice('oppose', form.choice, choiceError)}</div>
            <div aria-live="polite">${choiceError ? html`<p class="error" id="choice-error">${choiceError}</p>` : nothing}</div>
          </fieldset>
          ${isChild ? html`<p class="legal-rep" id="legal-rep">${t('decision:legalRep', { firstName })}</p>` : nothing}
          ${form.choice === 'activate' ? this.renderConsent(form.cgu, cguError, isChild) : nothing}
          ${formErrorBlock(this.message(this.ctx.formError))}
          <div class="actions">${mainButton({ busy: this.ctx.busy, label: t('common:continue') })}</div>
        </form>
      </div>
    </div>`;
  }

  private renderChoice(choice: Decision, chosen: Decision | '', error: string) {
    const describedBy = [`choice-${choice}-text`, error ? 'choice-error' : ''].filter(Boolean).join(' ');
    return html`<label class="choice" data-hotspot="choice-${choice}">
      <input
        type="radio"
        name="choice"
        value=${choice}
        .checked=${live(chosen === choice)}
        aria-labelledby="choice-${choice}-title"
        aria-describedby=${describedBy}
        @change=${() => this.emit({ type: 'CHOOSE', choice })}
      />
      <span>
        <span class="choice-title" id="choice-${choice}-title">${t(`decision:${choice}.title`)}</span>
        <span class="choice-text" id="choice-${choice}-text">${t(`decision:${choice}.text`)}</span>
      </span>
    </label>`;
  }

  private renderConsent(checked: boolean, error: string, isChild: boolean) {
    const describedBy = [isChild ? 'legal-rep' : '', error ? 'cgu-error' : ''].filter(Boolean).join(' ');
    return html`<div class="consent">
      <label class="checkbox" for="cgu">
        <input
          type="checkbox"
          id="cgu"
          data-hotspot="cgu"
          .checked=${live(checked)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy || nothing}
          @change=${(e: Event) => this.emit({ type: 'TOGGLE_CGU', checked: (e.target as HTMLInputElement).checked })}
        />
        <span
          >${richText(t('decision:cgu'), {
            // Links, as on the real site (they lead to pages): inline, so the sentence wraps naturally.
            cgu: (text) =>
              html`<a href="#cgu" data-hotspot="link-cgu" @click=${(e: Event) => this.handleLegal(e, 'cgu')}>${text}</a>`,
            privacy: (text) =>
              html`<a href="#privacy" data-hotspot="link-privacy" @click=${(e: Event) => this.handleLegal(e, 'privacy')}>${text}</a>`,
          })}</span
        >
      </label>
      <div aria-live="polite">${error ? html`<p class="error" id="cgu-error">${error}</p>` : nothing}</div>
    </div>`;
  }

  private handleLegal(event: Event, which: 'cgu' | 'privacy'): void {
    event.preventDefault();
    this.emit({ type: 'NOT_COVERED', which });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-screen-decision': MesScreenDecision;
  }
}
