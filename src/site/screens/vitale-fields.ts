import { css, html, nothing, svg, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CardType } from '../../api/types';
import type { FormName, SiteEvent } from '../types';
import { t } from '../../i18n';
import { FormScreen } from './form-screen';

/**
 * Pieces shared by the screens of the first half of the site (S1–S5, S9–S11, S17, S18): the back
 * arrow, the busy-aware main button, text fields tied to their errors, the carte Vitale fields and
 * their help panels. They are template functions rather than elements so that every field, label and
 * `data-hotspot` stays in the screen's own shadow root, where labels, ids and the tutorial's overlay
 * can reach them.
 */

// ---------------------------------------------------------------------------------------------------
// Styles

export const sharedStyles = css`
  /* The shared red on the shared pink reaches 4.43:1 only: darkened here to pass AA (1.4.3). */
  .form-error {
    color: #b3303f;
  }
  :host {
    background: var(--mes-bg);
    min-height: 100%;
  }
  .title-row {
    display: flex;
    align-items: flex-start;
    gap: 8px;
    margin: 0 0 12px;
  }
  .title-row h1 {
    margin: 0;
    padding-top: 2px;
  }
  .back svg,
  .icon {
    width: 24px;
    height: 24px;
    flex: none;
  }
  .field-links {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 4px;
  }
  .field-links .link {
    font-size: 0.9375rem;
  }
  .field input:focus-visible,
  .tile input:focus-visible {
    outline: 3px solid var(--mes-focus);
    outline-offset: 2px;
  }
  legend {
    padding: 0;
  }
  @media (max-width: 479px) {
    .card {
      padding: 16px;
    }
  }
  .tiles {
    display: flex;
    flex-wrap: wrap;
    gap: 12px;
  }
  .tile {
    flex: 1 1 220px;
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 12px 16px;
    border: 1px solid #8a94b0;
    border-radius: var(--mes-radius);
    background: #fff;
    color: var(--mes-title);
    font-weight: 400;
    cursor: pointer;
    min-height: 56px;
  }
  .tile:hover {
    border-color: var(--mes-primary);
  }
  .tile:has(input:checked) {
    border: 2px solid var(--mes-primary);
    background: var(--mes-bg);
  }
  .tile input {
    width: 20px;
    height: 20px;
    accent-color: var(--mes-primary);
    flex: none;
    margin: 0;
  }
  .tile .mini-card {
    width: 44px;
    height: 28px;
    flex: none;
  }
  fieldset[aria-invalid='true'] .tile {
    border-color: var(--mes-error);
  }
  .help-panel {
    margin-top: 8px;
    padding: 16px;
    border-radius: var(--mes-radius);
    background: var(--mes-bg-alt);
    color: var(--mes-body);
  }
  .help-panel[hidden] {
    display: none;
  }
  .help-head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: 12px;
  }
  .help-panel h2 {
    font-size: 1.0625rem;
    margin: 0 0 8px;
  }
  .help-panel h3 {
    font-size: 1rem;
    margin: 12px 0 4px;
  }
  .help-close {
    flex: none;
    font-size: 0.875rem;
  }
  .illustrations {
    display: flex;
    flex-wrap: wrap;
    gap: 16px;
    margin: 8px 0 12px;
  }
  .illustrations svg {
    height: 150px;
    width: auto;
    max-width: 100%;
  }
  .phone {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin: 4px 0;
  }
  .phone strong {
    font-size: 1.25rem;
    color: var(--mes-title);
    border: 2px solid var(--mes-title);
    border-radius: 4px;
    padding: 0 8px;
  }
  .btn-link-back {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .btn-link-back svg {
    width: 20px;
    height: 20px;
  }
  .actions.split {
    justify-content: space-between;
    align-items: center;
  }
`;

// ---------------------------------------------------------------------------------------------------
// Small building blocks

/** The arrow of the back buttons of the second half of the site (S6, S7, S13–S16). */
const backArrow = svg`<svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="M20 11H7.83l5.59-5.59L12 4l-8 8 8 8 1.41-1.41L7.83 13H20v-2z" fill="currentColor"/></svg>`;

/** The title of a screen of the second half of the site, after its back arrow (« Retour »). */
export function headingWithBack(title: string, onBack: () => void): TemplateResult {
  return html`<div class="heading-row">
    <button type="button" class="back" data-hotspot="back" aria-label=${t('common:backLabel')} @click=${onBack}>${backArrow}</button>
    <h1>${title}</h1>
  </div>`;
}

export const arrowLeft = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <path d="M20 11H7.8l5.6-5.6L12 4l-8 8 8 8 1.4-1.4L7.8 13H20z" fill="currentColor" />
</svg>`;

/** The back arrow of the real site, as a real button with an accessible name. */
export function backButton(onClick: () => void, hotspot = 'back'): TemplateResult {
  return html`<button type="button" class="back" data-hotspot=${hotspot} aria-label=${t('common:backLabel')} @click=${onClick}>
    ${arrowLeft}
  </button>`;
}

/**
 * The screen's main button. While a request is in flight it says so and stays focusable (a disabled
 * button would lose focus); the screen ignores its clicks.
 */
export function mainButton(opts: {
  busy: boolean;
  label: string;
  hotspot?: string;
  type?: 'submit' | 'button';
  onClick?: () => void;
}): TemplateResult {
  return html`<button
    type=${opts.type ?? 'submit'}
    class="btn btn-primary"
    data-hotspot=${opts.hotspot ?? 'submit'}
    aria-disabled=${opts.busy ? 'true' : 'false'}
    @click=${opts.onClick ?? nothing}
  >
    ${opts.busy ? t('common:sending') : opts.label}
  </button>`;
}

/** « Annuler »: leaves the form for the screen before, what was typed kept by the machine. */
export function cancelButton(onClick: () => void): TemplateResult {
  return html`<button type="button" class="btn btn-secondary" data-hotspot="cancel" @click=${onClick}>${t('common:cancel')}</button>`;
}

/** An error of the whole form, announced as soon as it appears. */
export function formErrorBlock(text: string): TemplateResult | typeof nothing {
  return text ? html`<div class="form-error" role="alert">${text}</div>` : nothing;
}

export interface TextFieldSpec {
  id: string;
  hotspot: string;
  label: string;
  hint?: string;
  value: string;
  /** Translated error text, empty when the field is valid. */
  error: string;
  inputmode?: 'numeric' | 'text';
  maxlength?: number;
  /** Links and help panels shown under the field. */
  after?: TemplateResult | typeof nothing;
  onInput: (value: string) => void;
}

/** A labelled text input with its hint and its error, tied together for assistive technologies. */
export function textField(spec: TextFieldSpec): TemplateResult {
  const hintId = `${spec.id}-hint`;
  const errorId = `${spec.id}-error`;
  const describedBy = [spec.hint ? hintId : '', spec.error ? errorId : ''].filter(Boolean).join(' ');
  return html`<div class="field">
    <label for=${spec.id}>${spec.label}</label>
    ${spec.hint ? html`<span class="hint" id=${hintId}>${spec.hint}</span>` : nothing}
    <input
      id=${spec.id}
      type="text"
      data-hotspot=${spec.hotspot}
      .value=${live(spec.value)}
      inputmode=${ifDefined(spec.inputmode)}
      maxlength=${ifDefined(spec.maxlength)}
      autocomplete="off"
      autocapitalize="off"
      spellcheck="false"
      aria-invalid=${spec.error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      @input=${(e: Event) => spec.onInput((e.target as HTMLInputElement).value)}
    />
    <div aria-live="polite">${spec.error ? html`<p class="error" id=${errorId}>${spec.error}</p>` : nothing}</div>
    ${spec.after ?? nothing}
  </div>`;
}

/**
 * Renders a translated sentence holding `<name>…</name>` markers (e.g. the CGU sentence with its two
 * links), so that translators keep whole sentences and the code supplies the interactive parts.
 */
export function richText(
  text: string,
  parts: Record<string, (inner: string) => TemplateResult>,
): Array<string | TemplateResult> {
  const out: Array<string | TemplateResult> = [];
  const pattern = /<(\w+)>(.*?)<\/\1>/g;
  let last = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const [whole, name = '', inner = ''] = match;
    out.push(text.slice(last, match.index));
    const part = parts[name];
    out.push(part ? part(inner) : inner);
    last = match.index + whole.length;
  }
  out.push(text.slice(last));
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Base classes

export { FormScreen } from './form-screen';

type VitaleForm = Extract<FormName, 'identify' | 'newCode'>;
type VitaleField = 'nir' | 'cardType' | 'serial';
type HelpId = 'nir' | 'serial';

function fieldEvent(form: VitaleForm, field: VitaleField | 'code' | 'birthDate', value: string): SiteEvent {
  if (form === 'identify') {
    if (field === 'birthDate') throw new Error('identify has no birthDate field');
    return { type: 'FIELD', form, field, value };
  }
  if (field === 'code') throw new Error('newCode has no code field');
  return { type: 'FIELD', form, field, value };
}

/**
 * A screen asking for the carte Vitale details (S3, S17): NIR, card type, serial number, with the two
 * « Où trouver… » help panels. Whether a panel is open is presentation state, kept here.
 */
export abstract class VitaleFormScreen extends FormScreen {
  protected abstract override readonly formName: VitaleForm;

  @state() protected helpOpen: Record<HelpId, boolean> = { nir: false, serial: false };

  protected get values(): { nir: string; cardType: CardType | ''; serial: string } {
    return this.ctx.forms[this.formName];
  }

  protected sendField(field: VitaleField | 'code' | 'birthDate', value: string): void {
    this.emit(fieldEvent(this.formName, field, value));
  }

  protected toggleHelp(which: HelpId): void {
    this.helpOpen = { ...this.helpOpen, [which]: !this.helpOpen[which] };
  }

  protected closeHelp(which: HelpId): void {
    this.helpOpen = { ...this.helpOpen, [which]: false };
    this.renderRoot.querySelector<HTMLElement>(`[data-hotspot="help-${which}"]`)?.focus();
  }

  protected renderNir(): TemplateResult {
    return textField({
      id: 'nir',
      hotspot: 'nir',
      label: t('common:nirLabel'),
      hint: t('common:example', { value: t('identify:nirExample') }),
      value: this.values.nir,
      error: this.errorText('nir'),
      onInput: (value) => this.sendField('nir', value),
      after: html`<div class="field-links">
          ${this.helpLink('nir', t('common:whereNir'))}
        </div>
        ${this.renderNirHelp()}`,
    });
  }

  protected renderCardType(): TemplateResult {
    const error = this.errorText('cardType');
    const chosen = this.values.cardType;
    const option = (type: CardType, label: string) => html`<label class="tile" data-hotspot="card-${type}">
      <input
        type="radio"
        name="cardType"
        value=${type}
        .checked=${live(chosen === type)}
        aria-describedby=${error ? 'cardType-error' : nothing}
        @change=${() => this.sendField('cardType', type)}
      />
      ${miniCard(type)}
      <span>${label}</span>
    </label>`;
    return html`<fieldset
      class="radio-group"
      role="radiogroup"
      id="cardType"
      aria-labelledby="cardType-legend"
      aria-invalid=${error ? 'true' : 'false'}
    >
      <legend id="cardType-legend">${t('common:cardType')}</legend>
      <div class="tiles">
        ${option('sans-photo', t('common:cardWithoutPhoto'))} ${option('avec-photo', t('common:cardWithPhoto'))}
      </div>
      <div aria-live="polite">${error ? html`<p class="error" id="cardType-error">${error}</p>` : nothing}</div>
    </fieldset>`;
  }

  protected renderSerial(): TemplateResult {
    return textField({
      id: 'serial',
      hotspot: 'serial',
      label: t('common:serialLabel'),
      hint: t('common:example', { value: t('identify:serialExample') }),
      value: this.values.serial,
      error: this.errorText('serial'),
      inputmode: 'numeric',
      onInput: (value) => this.sendField('serial', value),
      after: html`<div class="field-links">
          ${this.helpLink('serial', t('common:whereSerial'))}
        </div>
        ${this.renderSerialHelp()}`,
    });
  }

  private helpLink(which: HelpId, label: string): TemplateResult {
    return html`<button
      type="button"
      class="link"
      data-hotspot="help-${which}"
      aria-expanded=${this.helpOpen[which] ? 'true' : 'false'}
      aria-controls="help-${which}-panel"
      @click=${() => this.toggleHelp(which)}
    >
      ${label}
    </button>`;
  }

  private helpHead(which: HelpId, title: string): TemplateResult {
    return html`<div class="help-head">
      <h2 id="help-${which}-title">${title}</h2>
      <button type="button" class="link help-close" data-hotspot="help-${which}-close" @click=${() => this.closeHelp(which)}>
        ${t('common:close')}
      </button>
    </div>`;
  }

  private renderNirHelp(): TemplateResult {
    return html`<section
      class="help-panel"
      id="help-nir-panel"
      aria-labelledby="help-nir-title"
      ?hidden=${!this.helpOpen.nir}
    >
      ${this.helpHead('nir', t('common:whereNir'))}
      <p>${t('identify:help.nir.text')}</p>
      <div class="illustrations">${cardFrontNir()} ${attestationNir()}</div>
      <p>${t('identify:help.nir.length')}</p>
    </section>`;
  }

  private renderSerialHelp(): TemplateResult {
    const chosen = this.values.cardType;
    const types: CardType[] = chosen ? [chosen] : ['sans-photo', 'avec-photo'];
    return html`<section
      class="help-panel"
      id="help-serial-panel"
      aria-labelledby="help-serial-title"
      ?hidden=${!this.helpOpen.serial}
    >
      ${this.helpHead('serial', t('common:whereSerial'))}
      ${types.map((type) => {
        const key = type === 'sans-photo' ? 'sansPhoto' : 'avecPhoto';
        return html`<h3>${t(`identify:help.serial.${key}.title`)}</h3>
          <p>${t(`identify:help.serial.${key}.text`)}</p>
          <div class="illustrations">${type === 'sans-photo' ? cardSerialSansPhoto() : cardSerialAvecPhoto()}</div>`;
      })}
      <h3>${t('identify:help.serial.unreadable')}</h3>
      <p>${t('identify:help.serial.contact')}</p>
      <p class="phone"><strong>${t('identify:help.serial.phone')}</strong> <span>${t('identify:help.serial.service')}</span></p>
      <p>${t('identify:help.serial.hours')}</p>
    </section>`;
  }
}

// ---------------------------------------------------------------------------------------------------
// Own drawings of the carte Vitale (no official artwork): where the numbers are.

const cardBody = (fill: string, stroke: string) =>
  svg`<rect x="2" y="2" width="316" height="200" rx="16" fill=${fill} stroke=${stroke} stroke-width="2" />`;
const marker = (x: number, y: number, w: number) =>
  svg`<rect x=${x} y=${y} width=${w} height="30" rx="6" fill="#fff" stroke="#D81E7E" stroke-width="3" />`;
const line = (x: number, y: number, w: number, fill = '#b9c4de') =>
  svg`<rect x=${x} y=${y} width=${w} height="8" rx="4" fill=${fill} />`;
const chip = (x: number, y: number) => svg`<rect x=${x} y=${y} width="44" height="34" rx="6" fill="#e2c46b" stroke="#b99a3d" />
  <path d="M${x} ${y + 17}h44M${x + 22} ${y}v34" stroke="#b99a3d" />`;

function miniCard(type: CardType): TemplateResult {
  return html`<svg class="mini-card" viewBox="0 0 44 28" aria-hidden="true" focusable="false">
    <rect x="1" y="1" width="42" height="26" rx="4" fill="#e3f1d8" stroke="#6f9a52" />
    <rect x="5" y="9" width="8" height="7" rx="1.5" fill="#e2c46b" />
    ${type === 'avec-photo'
      ? svg`<rect x="29" y="6" width="10" height="14" rx="1.5" fill="#9fb0d6" /><circle cx="34" cy="11" r="2.5" fill="#fff" />`
      : svg`<rect x="18" y="8" width="20" height="3" rx="1.5" fill="#9db58a" /><rect x="18" y="14" width="14" height="3" rx="1.5" fill="#9db58a" />`}
  </svg>`;
}

function cardFrontNir(): TemplateResult {
  return html`<svg viewBox="0 0 320 204" role="img" aria-label=${t('identify:help.nir.cardAlt')}>
    ${cardBody('#e3f1d8', '#6f9a52')} ${chip(24, 70)} ${line(24, 24, 120, '#9db58a')}
    ${line(84, 124, 150)} ${marker(78, 142, 226)}
    <text x="90" y="163" font-family="monospace" font-size="15" fill="#262939">${t('identify:nirExample')}</text>
  </svg>`;
}

function attestationNir(): TemplateResult {
  return html`<svg viewBox="0 0 184 204" role="img" aria-label=${t('identify:help.nir.attestationAlt')}>
    <rect x="2" y="2" width="180" height="200" rx="4" fill="#fff" stroke="#8a94b0" stroke-width="2" />
    ${line(14, 16, 60, '#0C419A')} ${line(14, 34, 100)} ${marker(8, 52, 168)}
    <text x="16" y="72" font-family="monospace" font-size="11.5" fill="#262939">${t('identify:nirExample')}</text>
    ${line(14, 100, 120)} ${line(14, 116, 110)} ${line(14, 132, 124)} ${line(14, 148, 90)} ${line(14, 164, 116)}
  </svg>`;
}

function cardSerialSansPhoto(): TemplateResult {
  return html`<svg viewBox="0 0 320 204" role="img" aria-label=${t('identify:help.serial.sansPhoto.alt')}>
    ${cardBody('#eef6e8', '#6f9a52')} ${marker(14, 14, 150)}
    <text x="24" y="35" font-family="monospace" font-size="15" fill="#262939">${t('identify:serialExample')}</text>
    ${line(20, 70, 220, '#c9dbb9')} ${line(20, 86, 180, '#c9dbb9')} ${line(20, 102, 200, '#c9dbb9')}
    <rect x="2" y="150" width="316" height="26" fill="#cfe3bd" />
  </svg>`;
}

function cardSerialAvecPhoto(): TemplateResult {
  return html`<svg viewBox="0 0 320 204" role="img" aria-label=${t('identify:help.serial.avecPhoto.alt')}>
    ${cardBody('#e3f1d8', '#6f9a52')} ${marker(156, 14, 150)}
    <text x="166" y="35" font-family="monospace" font-size="15" fill="#262939">${t('identify:serialExample')}</text>
    <rect x="20" y="64" width="76" height="100" rx="6" fill="#c5d0ea" />
    <circle cx="58" cy="100" r="18" fill="#fff" />
    <path d="M30 160c4-26 52-26 56 0z" fill="#fff" />
    ${chip(120, 70)} ${line(120, 124, 160)} ${line(120, 140, 120)}
  </svg>`;
}
