import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * A message about what the address asked for and could not be had (a scenario, step, mode, view or call
 * unknown), with a button that closes it: the element says `mes-notice-close`, and its host takes it away.
 * Used by the player (in its bar, above the overlay), the site alone and the call centre.
 */
@customElement('mes-notice')
export class MesNotice extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .notice {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 12px;
      padding: 6px 12px;
      border-left: 4px solid #0c419a;
      background: #eef2fc;
      color: #262939;
    }
    .messages {
      flex: 1 1 20em;
    }
    p {
      margin: 4px 0;
    }
    button {
      flex: none;
      padding: 6px 14px;
      border: 2px solid #0c419a;
      border-radius: 20px;
      background: #fff;
      color: #0c419a;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid #0c75f6;
      outline-offset: 2px;
    }
  `;

  /** The messages, one paragraph each, already translated. */
  @property({ attribute: false }) messages: string[] = [];
  /** The close button's name, already translated. */
  @property({ attribute: false }) closeLabel = '';

  override render(): TemplateResult {
    return html`<div class="notice" role="status">
      <div class="messages">${this.messages.map((m) => html`<p>${m}</p>`)}</div>
      <button type="button" @click=${() => this.dispatchEvent(new CustomEvent('mes-notice-close', { bubbles: true, composed: true }))}>
        ${this.closeLabel}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-notice': MesNotice;
  }
}
