import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { redrawOnLanguageChange, t } from '../i18n';
import { DEFAULT_GROUP, type ShortcutInfo } from './keyboard';

declare global {
  interface HTMLElementTagNameMap {
    'mes-shortcuts-dialog': MesShortcutsDialog;
  }
  interface HTMLElementEventMap {
    'mes-shortcuts-close': CustomEvent<void>;
  }
}

/** The name a person reads for a key: ' ' is « Espace », ArrowRight « Flèche droite », letters as typed. */
export function keyName(key: string): string {
  const id = key === ' ' ? 'Space' : key;
  if (id.length === 1) return id.toUpperCase();
  return t(`tutorial:keyNames.${id}`, { defaultValue: id });
}

/** The focused element, looked for inside shadow roots (document.activeElement stops at the host). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * The help listing the keyboard shortcuts, in a native modal <dialog>: the platform traps the focus
 * and closes it on Esc; the focus then goes back to whatever opened it.
 *
 * @fires mes-shortcuts-close - the dialog closed (Esc, the close button, a click on the backdrop)
 */
@customElement('mes-shortcuts-dialog')
export class MesShortcutsDialog extends LitElement {
  static override styles = css`
    :host {
      font-family: 'Open Sans', system-ui;
      color: #495574;
      line-height: 1.5;
    }
    dialog {
      width: min(520px, calc(100vw - 32px));
      max-height: calc(100vh - 32px);
      padding: 0;
      border: 0;
      border-radius: 12px;
      box-shadow: 0 12px 40px rgba(12, 65, 154, 0.3);
      color: inherit;
    }
    dialog::backdrop {
      background: rgba(38, 41, 57, 0.6);
    }
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      padding: 16px 16px 8px 24px;
    }
    h2 {
      margin: 0;
      font-size: 1.25rem;
      color: #262939;
    }
    h3 {
      margin: 16px 0 4px;
      font-size: 1rem;
      color: #262939;
    }
    .body {
      padding: 0 24px 24px;
    }
    p {
      margin: 0 0 8px;
    }
    dl {
      margin: 0;
      display: grid;
      grid-template-columns: minmax(0, auto) 1fr;
      gap: 8px 16px;
      align-items: baseline;
    }
    dl > div {
      display: contents;
    }
    dt,
    dd {
      margin: 0;
    }
    kbd {
      display: inline-block;
      min-width: 2em;
      padding: 1px 8px;
      border: 1px solid #8a94b0;
      border-bottom-width: 3px;
      border-radius: 6px;
      background: #f9faff;
      color: #262939;
      font: inherit;
      font-weight: 600;
      font-size: 0.875rem;
      text-align: center;
      white-space: nowrap;
    }
    .or {
      margin: 0 4px;
      font-size: 0.875rem;
    }
    .close {
      flex: none;
      width: 44px;
      height: 44px;
      border: 0;
      border-radius: 50%;
      background: transparent;
      color: #0c419a;
      font: inherit;
      font-size: 1.5rem;
      line-height: 1;
      cursor: pointer;
    }
    .close:hover {
      background: #e7ecfa;
    }
    :focus-visible {
      outline: 3px solid #0c75f6;
      outline-offset: 2px;
    }
  `;

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  @property({ attribute: false }) shortcuts: ShortcutInfo[] = [];

  @query('dialog') private dialog!: HTMLDialogElement;

  private opener: HTMLElement | null = null;
  /**
   * Watches the dialog's `open` attribute rather than its 'close' event: Chromium fires that event with
   * the next animation frame, which never comes in a page that is not shown, whereas every way of
   * closing (Esc, close(), a form) removes the attribute at once.
   */
  private readonly openObserver = new MutationObserver(() => {
    if (this.wasOpen && !this.dialog.open) this.handleClose();
    this.wasOpen = this.dialog.open;
  });
  private wasOpen = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observeOpen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.openObserver.disconnect();
  }

  protected override firstUpdated(): void {
    this.observeOpen();
  }

  private observeOpen(): void {
    this.wasOpen = this.dialog.open;
    this.openObserver.observe(this.dialog, { attributes: true, attributeFilter: ['open'] });
  }

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog as a modal; the focus will return to the element focused now. */
  async show(): Promise<void> {
    await this.updateComplete;
    if (this.dialog.open) return;
    this.opener = deepActiveElement();
    this.dialog.showModal();
  }

  close(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  protected override render(): TemplateResult {
    const groups = new Map<string, ShortcutInfo[]>();
    for (const s of this.shortcuts) {
      const group = s.group || DEFAULT_GROUP;
      groups.set(group, [...(groups.get(group) ?? []), s]);
    }
    const titled = groups.size > 1;
    return html`<dialog aria-labelledby="title" @click=${this.handleDialogClick}>
      <div class="head">
        <h2 id="title">${t('tutorial:shortcuts.title')}</h2>
        <button class="close" type="button" aria-label=${t('tutorial:shortcuts.close')} @click=${this.close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div class="body">
        ${this.shortcuts.length === 0
          ? html`<p>${t('tutorial:shortcuts.empty')}</p>`
          : html`<p>${t('tutorial:shortcuts.intro')}</p>
              ${[...groups].map(
                ([group, list]) => html`${titled ? html`<h3>${t(group)}</h3>` : nothing}
                  <dl>
                    ${list.map(
                      (s) => html`<div>
                        <dt>${this.renderKeys(s.keys)}</dt>
                        <dd>${t(s.labelKey)}</dd>
                      </div>`,
                    )}
                  </dl>`,
              )}`}
      </div>
    </dialog>`;
  }

  private renderKeys(keys: readonly string[]): TemplateResult[] {
    return keys.map(
      (k, i) => html`${i > 0 ? html`<span class="or">${t('tutorial:shortcuts.or')}</span>` : nothing}<kbd>${keyName(k)}</kbd>`,
    );
  }

  /** A click on the backdrop lands on the <dialog> itself: close, as a light dismiss. */
  private readonly handleDialogClick = (e: MouseEvent): void => {
    if (e.target !== this.dialog) return;
    const box = this.dialog.getBoundingClientRect();
    const inside = e.clientX >= box.left && e.clientX <= box.right && e.clientY >= box.top && e.clientY <= box.bottom;
    if (!inside) this.close();
  };

  private readonly handleClose = (): void => {
    const opener = this.opener;
    this.opener = null;
    // The platform restores focus too, but not always to an element inside a shadow root.
    if (opener?.isConnected && deepActiveElement() !== opener) opener.focus();
    this.dispatchEvent(new CustomEvent('mes-shortcuts-close', { bubbles: true, composed: true }));
  };
}
