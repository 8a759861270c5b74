import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { redrawOnLanguageChange, t } from '../i18n';
import { MAX_EVENTS, type MachineInspector } from './inspector';
import type { OnlineInspectorStatus } from './online-inspector';

/** The statechart panel: what a MachineInspector (inspector.ts) collected, and Stately's online inspector when offered. */
@customElement('mes-inspector-panel')
export class MesInspectorPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
      font-size: 0.8125rem;
      color: #262939;
      background: #fff;
      border: 2px solid #0c419a;
      border-radius: 8px;
      box-shadow: 0 8px 24px rgba(12, 65, 154, 0.2);
      padding: 12px 14px;
      max-height: 70vh;
      overflow: auto;
    }
    h2 {
      font-family: 'Open Sans', system-ui;
      font-size: 1rem;
      margin: 0 0 8px;
      color: #0c419a;
    }
    h3 {
      font-family: 'Open Sans', system-ui;
      font-size: 0.875rem;
      margin: 12px 0 4px;
    }
    dl {
      margin: 0;
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 2px 12px;
    }
    dt {
      font-weight: 700;
    }
    dd {
      margin: 0;
      word-break: break-word;
    }
    ol {
      margin: 0;
      padding-left: 2.2em;
    }
    li {
      overflow-wrap: anywhere;
    }
    .site {
      color: #1d6b45;
    }
    .online {
      font-family: 'Open Sans', system-ui;
      margin: 12px 0 0;
      padding: 8px 10px;
      border-left: 4px solid #b36b00;
      background: #fff7e8;
      white-space: pre-line;
    }
    button {
      font: inherit;
      font-family: 'Open Sans', system-ui;
      font-weight: 700;
      border: 2px solid #0c419a;
      border-radius: 999px;
      background: #fff;
      color: #0c419a;
      padding: 4px 12px;
      min-height: 32px;
      cursor: pointer;
      float: right;
    }
    :focus-visible {
      outline: 3px solid #0c75f6;
      outline-offset: 2px;
    }
  `;

  @property({ attribute: false }) inspector: MachineInspector | null = null;
  /** Stately's online inspector, when the address asked for it (`?inspect`); null otherwise. */
  @property({ attribute: false }) onlineStatus: OnlineInspectorStatus | null = null;
  @state() private tick = 0;
  private unsubscribe: (() => void) | null = null;
  private subscribed: MachineInspector | null = null;

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.subscribed = null;
  }

  protected override willUpdate(): void {
    if (this.inspector === this.subscribed) return;
    this.unsubscribe?.();
    this.subscribed = this.inspector;
    this.unsubscribe = this.inspector?.subscribe(() => (this.tick += 1)) ?? null;
  }

  private renderOnline(): TemplateResult | typeof nothing {
    const status = this.onlineStatus;
    if (!status) return nothing;
    const open = () => this.dispatchEvent(new CustomEvent('mes-inspector-online', { bubbles: true, composed: true }));
    return html`
      <section class="online" aria-labelledby="online-title">
        <h3 id="online-title">${t('inspector:onlineTitle')}</h3>
        <p role="status" data-testid="online-status">${t(`inspector:online.${status}`)}</p>
        ${status === 'available' || status === 'failed'
          ? html`<button type="button" class="connect" @click=${open}>${t('inspector:onlineOpen')}</button>`
          : nothing}
      </section>
    `;
  }

  override render(): TemplateResult {
    const i = this.inspector;
    return html`
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('mes-inspector-close', { bubbles: true, composed: true }))}>
        ${t('inspector:close')}
      </button>
      <h2 id="inspector-title">${t('inspector:title')}</h2>
      <dl>
        <dt>${t('inspector:tutorial')}</dt>
        <dd data-testid="tutorial-state">${i?.tutorialPath || '—'}</dd>
        <dt>${t('inspector:site')}</dt>
        <dd data-testid="site-state">${i?.sitePath || '—'}</dd>
      </dl>
      <h3>${t('inspector:events', { count: MAX_EVENTS })}</h3>
      ${i && i.events.length
        ? html`<ol>
            ${i.events.map((e) => html`<li class=${e.actor === 'site' ? 'site' : ''}>${e.actor} ← ${e.type}</li>`)}
          </ol>`
        : html`<p>${t('inspector:noEvents')}</p>`}
      ${this.renderOnline()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-inspector-panel': MesInspectorPanel;
  }
}
