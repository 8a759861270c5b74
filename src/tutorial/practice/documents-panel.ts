import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { isoToFr } from '../../domain/dates';
import { formatMobile } from '../../domain/mobile';
import { TabbedSidePanel, sidePanelStyles } from '../../app/side-panel';
import { t } from '../../i18n';
import type { PersonaData } from '../../scenarios/schema';
import { tokens } from '../../site/screens/styles';
import './vitale-card';

/**
 * What a trainee has at hand in practice and evaluation modes, as the real person would at home: the
 * notification letters (hers and one per minor child), her carte Vitale, her own details. A non-modal
 * side panel on the left, so that the site and the simulated phone (on the right) stay usable while a
 * value is copied from it.
 */

export type DocumentsTab = 'letter' | 'card' | 'info';

const TABS: readonly DocumentsTab[] = ['letter', 'card', 'info'];
const TAB_LABEL: Record<DocumentsTab, string> = {
  letter: 'practice:documents.tabLetter',
  card: 'practice:documents.tabCard',
  info: 'practice:documents.tabInfo',
};

export type DocumentsToggleEvent = CustomEvent<{ open: boolean }>;

declare global {
  interface HTMLElementEventMap {
    'mes-documents-toggle': DocumentsToggleEvent;
  }
}

@customElement('mes-documents-panel')
export class MesDocumentsPanel extends TabbedSidePanel<DocumentsTab> {
  static override styles = [
    tokens,
    sidePanelStyles,
    css`
    .toggle svg {
      width: 18px;
      height: 18px;
      flex: none;
    }
    .panel {
      left: 0;
      width: min(480px, 100vw);
      box-shadow: 4px 0 24px rgba(38, 41, 57, 0.25);
      border-right: 4px solid var(--mes-primary);
    }
    h3 {
      margin: 0 0 8px;
      font-size: 1rem;
      color: var(--mes-title);
    }
    h4 {
      margin: 0 0 4px;
      font-size: 0.9375rem;
      color: var(--mes-title);
    }
    p {
      margin: 0 0 8px;
    }
    [role='tab'] {
      padding: 8px 6px;
      font-size: 0.9375rem;
    }
    .letter {
      background: #fff;
      border: 1px solid #d5dbea;
      border-top: 4px solid var(--mes-primary);
      border-radius: 4px;
      padding: 16px;
      margin: 0 0 16px;
      color: var(--mes-title);
      box-shadow: 0 1px 3px rgba(38, 41, 57, 0.08);
    }
    .code-line {
      font-weight: 700;
      margin: 12px 0 4px;
    }
    .code {
      display: inline-block;
      padding: 0 6px;
      font-family: ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace;
      font-size: 1.125rem;
      letter-spacing: 0.06em;
      background: var(--mes-bg);
      border: 1px dashed var(--mes-primary);
      border-radius: 4px;
      user-select: all;
      -webkit-user-select: all;
      white-space: nowrap;
    }
    .small {
      font-size: 0.875rem;
      color: var(--mes-body);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    figure {
      margin: 0 0 16px;
    }
    figcaption {
      font-weight: 700;
      color: var(--mes-title);
      margin: 0 0 6px;
    }
    dl {
      display: grid;
      grid-template-columns: minmax(0, auto) minmax(0, 1fr);
      gap: 6px 16px;
      margin: 0 0 16px;
      background: #fff;
      border: 1px solid #d5dbea;
      border-radius: 4px;
      padding: 12px 16px;
    }
    dt {
      font-weight: 700;
      color: var(--mes-title);
    }
    dd {
      margin: 0;
      color: var(--mes-title);
      overflow-wrap: anywhere;
    }
    .value {
      font-family: ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace;
      user-select: all;
      -webkit-user-select: all;
    }
    .nowrap {
      white-space: nowrap;
    }
    dl.children {
      grid-template-columns: minmax(0, 1fr) auto;
    }
    .none {
      font-style: italic;
      color: var(--mes-body);
    }
  `,
  ];

  @property({ attribute: false }) persona!: PersonaData;
  /** Whether the panel is shown. Setting it does not move focus; the toggle and Esc do. */
  @property({ type: Boolean, reflect: true }) open = false;
  @property({ attribute: false }) tab: DocumentsTab = 'letter';

  protected readonly tabs = TABS;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Closed from outside while focus was inside: focus would fall to <body>, lost for keyboard users.
    if (changed.has('open') && changed.get('open') === true && !this.open && this.focusInside()) {
      void this.updateComplete.then(() => this.toggleButton.focus());
    }
  }

  override async show(): Promise<void> {
    this.setOpen(true);
    await this.updateComplete;
    this.focusTab(this.tab);
  }

  override async hide(): Promise<void> {
    if (!this.open) return;
    this.setOpen(false);
    await this.updateComplete;
    this.toggleButton.focus();
  }

  private setOpen(open: boolean): void {
    if (this.open === open) return;
    this.open = open;
    this.dispatchEvent(new CustomEvent('mes-documents-toggle', { detail: { open }, bubbles: true, composed: true }));
  }

  /** The code line, with the code set apart and selectable in one click. */
  private codeLine(name: string, code: string): TemplateResult {
    const text = t('practice:documents.letter.codeLine', { name, code });
    const at = text.lastIndexOf(code);
    if (code === '' || at < 0) return html`<p class="code-line">${text}</p>`;
    return html`<p class="code-line">
      ${text.slice(0, at)}<span class="code" translate="no">${code}</span>${text.slice(at + code.length)}
    </p>`;
  }

  private renderLetter(p: PersonaData): TemplateResult {
    const name = `${p.firstName} ${p.lastName}`;
    return html`
      <article class="letter" aria-labelledby="letter-title">
        <h3 id="letter-title">${t('practice:documents.letter.heading')}</h3>
        <p>${t('practice:documents.letter.greeting', { name })}</p>
        <p>${t('practice:documents.letter.body', { name })}</p>
        ${this.codeLine(name, p.provisionalCode)}
        <p class="small">${t('practice:documents.letter.validity')}</p>
      </article>
      ${p.children.length === 0
        ? nothing
        : html`<section aria-labelledby="children-letters">
            <h3 id="children-letters">${t('practice:documents.letter.childrenHeading')}</h3>
            <p class="small">${t('practice:documents.letter.childrenIntro')}</p>
            <ul>
              ${p.children.map((child) => {
                const childName = `${child.firstName} ${child.lastName}`;
                return html`<li class="letter child-letter" data-child=${child.id}>
                  <h4>${t('practice:documents.letter.childLetter', { name: childName })}</h4>
                  ${this.codeLine(childName, child.provisionalCode)}
                </li>`;
              })}
            </ul>
          </section>`}
    `;
  }

  private renderCard(p: PersonaData): TemplateResult {
    return html`
      <figure>
        <figcaption>${t('practice:documents.card.front')}</figcaption>
        <mes-vitale-card .persona=${p} side="front"></mes-vitale-card>
      </figure>
      <figure>
        <figcaption>${t('practice:documents.card.back')}</figcaption>
        <mes-vitale-card .persona=${p} side="back"></mes-vitale-card>
      </figure>
    `;
  }

  /** A value to copy; numbers and dates are kept on one line, as they are typed. */
  private value(text: string | null, nowrap = true): TemplateResult {
    return text
      ? html`<span class="value ${nowrap ? 'nowrap' : ''}" translate="no">${text}</span>`
      : html`<span class="none">${t('practice:documents.info.none')}</span>`;
  }

  private renderInfo(p: PersonaData): TemplateResult {
    const given = [p.firstName, p.middleNames].map((s) => s.trim()).filter(Boolean).join(' ');
    return html`
      <h3>${t('practice:documents.info.heading')}</h3>
      <dl>
        <dt>${t('practice:documents.info.name')}</dt>
        <dd>${p.lastName} ${given}</dd>
        <dt>${t('practice:documents.info.birthDate')}</dt>
        <dd>${this.value(isoToFr(p.birthDate))}</dd>
        <dt>${t('practice:documents.info.email')}</dt>
        <dd>${this.value(p.email, false)}</dd>
        <dt>${t('practice:documents.info.mobile')}</dt>
        <dd>${this.value(p.mobile ? formatMobile(p.mobile) : null)}</dd>
      </dl>
      ${p.children.length === 0
        ? nothing
        : html`<h3>${t('practice:documents.info.childrenHeading')}</h3>
            <dl class="children">
              ${p.children.map(
                (child) => html`<dt>${t('practice:documents.info.childBirthDate', { name: `${child.firstName} ${child.lastName}` })}</dt>
                  <dd>${this.value(isoToFr(child.birthDate))}</dd>`,
              )}
            </dl>`}
    `;
  }

  private renderTab(tab: DocumentsTab): TemplateResult {
    const selected = this.tab === tab;
    return html`<button
      type="button"
      role="tab"
      id="tab-${tab}"
      data-tab=${tab}
      data-hotspot="documents-${tab}"
      aria-selected=${selected ? 'true' : 'false'}
      aria-controls="tabpanel-${tab}"
      tabindex=${selected ? 0 : -1}
      @click=${this.handleTabClick}
      @keydown=${this.handleTabKeydown}
    >
      ${t(TAB_LABEL[tab])}
    </button>`;
  }

  private renderPanel(tab: DocumentsTab, content: () => TemplateResult): TemplateResult {
    const selected = this.tab === tab;
    return html`<div role="tabpanel" id="tabpanel-${tab}" aria-labelledby="tab-${tab}" tabindex="0" ?hidden=${!selected}>
      ${selected ? content() : nothing}
    </div>`;
  }

  override render(): TemplateResult {
    const p = this.persona;
    return html`
      <button
        type="button"
        class="toggle"
        data-hotspot="documents"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="documents-panel"
        @click=${this.handleToggle}
        @keydown=${this.handleKeydown}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 4h11l5 5v11H4z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
          <path d="M8 12h8M8 16h6" stroke="currentColor" stroke-width="2" />
        </svg>
        ${t('practice:documents.toggle')}
      </button>
      <div
        id="documents-panel"
        class="panel"
        role="dialog"
        aria-modal="false"
        aria-labelledby="documents-title"
        ?hidden=${!this.open}
        @keydown=${this.handleKeydown}
      >
        <div class="head">
          <h2 id="documents-title">${t('practice:documents.title')}</h2>
          <button type="button" class="close" @click=${this.handleClose}>
            <span aria-hidden="true">✕</span>${t('practice:documents.close')}
          </button>
        </div>
        <p class="intro">${t('practice:documents.intro')}</p>
        <div role="tablist" aria-label=${t('practice:documents.tabsLabel')}>${TABS.map((tab) => this.renderTab(tab))}</div>
        ${p
          ? html`${this.renderPanel('letter', () => this.renderLetter(p))} ${this.renderPanel('card', () => this.renderCard(p))}
            ${this.renderPanel('info', () => this.renderInfo(p))}`
          : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-documents-panel': MesDocumentsPanel;
  }
}
