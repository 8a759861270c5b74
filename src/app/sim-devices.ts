import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api } from '../api/client';
import type { InboxMessage, InboxResponse } from '../api/types';
import { formatMobile } from '../domain/mobile';
import { t } from '../i18n';
import { formatDateTime, prepareDateFormats, type DateTimeText } from '../i18n/dates';
import { tokens } from '../site/screens/styles';
import { TabbedSidePanel, sidePanelStyles } from './side-panel';

/** Where the messages come from: the API by default, anything in tests. */
export type InboxSource = () => Promise<InboxMessage[] | InboxResponse>;

export type DeviceTab = 'email' | 'sms';

const TABS: readonly DeviceTab[] = ['email', 'sms'];

/** Values of a message that the person has to type somewhere: shown large and selectable. */
const CODE_VALUE_KEY = /code|otp/i;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The simulated mailbox and phone of the person being played: what the backend "sent" (one-time
 * codes, new provisional codes) arrives here, so the trainee reads the code as the real user would.
 * A non-modal side panel, so the site stays usable while a code is copied from it.
 */
@customElement('sim-devices')
export class SimDevices extends TabbedSidePanel<DeviceTab> {
  static override styles = [
    tokens,
    sidePanelStyles,
    css`
      .visually-hidden {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      .badge {
        display: inline-grid;
        place-items: center;
        min-width: 22px;
        height: 22px;
        padding: 0 6px;
        border-radius: 999px;
        background: var(--mes-secondary);
        color: #fff;
        font-size: 0.75rem;
        font-weight: 700;
      }
      .panel {
        right: 0;
        width: min(440px, 100vw);
        color: var(--mes-body);
        box-shadow: -4px 0 24px rgba(38, 41, 57, 0.25);
        border-left: 4px solid var(--mes-primary);
      }
      [role='tab'] {
        display: inline-flex;
        align-items: center;
        justify-content: center;
        gap: 8px;
        padding: 8px 12px;
      }
      .load-error {
        margin: 0 16px 12px;
        padding: 8px 12px;
        border: 1px solid var(--mes-error);
        border-left-width: 4px;
        border-radius: 4px;
        background: #fff;
        color: var(--mes-error);
        font-size: 0.875rem;
        font-weight: 600;
      }
      .empty {
        margin: 0;
        font-style: italic;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .mails {
        display: flex;
        flex-direction: column;
        gap: 12px;
      }
      .mail {
        background: #fff;
        border: 1px solid var(--mes-bg-alt);
        border-radius: var(--mes-radius);
        padding: 12px 16px;
      }
      .mail.fresh {
        border-left: 4px solid var(--mes-secondary);
      }
      .mail h3 {
        margin: 0 0 6px;
        font-size: 1rem;
        color: var(--mes-title);
      }
      .new {
        display: inline-block;
        margin-right: 6px;
        padding: 0 6px;
        border-radius: 4px;
        background: var(--mes-secondary);
        color: #fff;
        font-size: 0.75rem;
        font-weight: 700;
        vertical-align: 2px;
      }
      .meta {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0 8px;
        margin: 0 0 4px;
        font-size: 0.8125rem;
      }
      .meta dt {
        font-weight: 700;
        color: var(--mes-title);
      }
      .meta dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .date {
        margin: 0 0 8px;
        font-size: 0.8125rem;
      }
      .body {
        margin: 0;
        white-space: pre-line;
        color: var(--mes-title);
        overflow-wrap: anywhere;
      }
      .code {
        display: inline-block;
        margin: 2px 0;
        padding: 2px 8px;
        font-family: ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace;
        font-size: 1.375rem;
        font-weight: 700;
        letter-spacing: 0.08em;
        line-height: 1.3;
        color: var(--mes-title);
        background: #fff;
        border: 1px dashed var(--mes-primary);
        border-radius: 4px;
        user-select: all;
        -webkit-user-select: all;
        white-space: nowrap;
      }
      .phone {
        width: min(100%, 340px);
        margin: 0 auto;
        border: 10px solid var(--mes-title);
        border-radius: 32px;
        background: #eef1f8;
        overflow: hidden;
      }
      .phone-top {
        display: flex;
        justify-content: center;
        padding: 6px 0 4px;
        background: var(--mes-title);
      }
      .notch {
        width: 72px;
        height: 6px;
        border-radius: 3px;
        background: #4a4f66;
      }
      .contact {
        display: flex;
        align-items: center;
        gap: 10px;
        padding: 10px 14px;
        background: #fff;
        border-bottom: 1px solid var(--mes-bg-alt);
      }
      .avatar {
        display: inline-grid;
        place-items: center;
        width: 36px;
        height: 36px;
        border-radius: 50%;
        background: var(--mes-primary);
        color: #fff;
        font-size: 0.75rem;
        font-weight: 700;
        flex: none;
      }
      .contact p {
        margin: 0;
        font-weight: 700;
        color: var(--mes-title);
      }
      .thread {
        display: flex;
        flex-direction: column;
        gap: 12px;
        min-height: 240px;
        padding: 14px;
      }
      .thread .empty {
        text-align: center;
      }
      .bubble {
        align-self: flex-start;
        max-width: 90%;
        padding: 10px 12px;
        border-radius: 16px 16px 16px 4px;
        background: #fff;
        box-shadow: 0 1px 2px rgba(38, 41, 57, 0.12);
      }
      .bubble.fresh {
        box-shadow: 0 0 0 2px var(--mes-secondary);
      }
      .bubble .meta-line {
        margin: 6px 0 0;
        font-size: 0.75rem;
      }
      @media (prefers-reduced-motion: reduce) {
        * {
          transition: none !important;
          animation: none !important;
        }
      }
    `,
  ];

  /** Where the messages are read; replaced in tests. */
  @property({ attribute: false }) source: InboxSource = () => api.fetchInbox();

  @state() private messages: InboxMessage[] = [];
  @state() override open = false;
  @state() override tab: DeviceTab = 'email';
  /** Messages the trainee has had in front of her; the others count as unread. */
  @state() private seen: ReadonlySet<string> = new Set();
  /** Messages that were unread when shown: highlighted until the panel closes. */
  @state() private fresh: ReadonlySet<string> = new Set();
  @state() private loadFailed = false;
  @state() private announcement = '';

  protected readonly tabs = TABS;

  /** Ids already received, to announce only what is new. */
  private known = new Set<string>();
  private loaded = false;
  /** Only the latest refresh may write: an older answer arriving late is stale. */
  private requestSeq = 0;

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    prepareDateFormats();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('source')) void this.refresh();
  }

  /** Number of messages not yet seen, all channels. */
  get unreadCount(): number {
    return this.messages.filter((m) => !this.seen.has(m.id)).length;
  }

  get isOpen(): boolean {
    return this.open;
  }

  /** Reads the inbox again; the app calls it after each change in the simulated world. Never throws. */
  async refresh(): Promise<void> {
    const seq = ++this.requestSeq;
    let messages: InboxMessage[];
    try {
      const answer = await this.source();
      messages = Array.isArray(answer) ? answer : answer.messages;
    } catch {
      if (seq === this.requestSeq) this.loadFailed = true;
      return;
    }
    if (seq !== this.requestSeq) return;
    this.loadFailed = false;
    const arrived = messages.filter((m) => !this.known.has(m.id)).length;
    this.known = new Set(messages.map((m) => m.id));
    this.messages = messages;
    // A reset of the world (« Recommencer ») removes messages: forget them, so ids reused later count as new.
    this.seen = new Set([...this.seen].filter((id) => this.known.has(id)));
    if (this.open) this.markShownAsSeen();
    if (this.loaded && arrived > 0) await this.announce(t('devices:arrived', { count: arrived }));
    this.loaded = true;
  }

  /** Opens the panel on the channel of the newest unread message, and puts focus in it. */
  override async show(): Promise<void> {
    if (!this.open) {
      const newestUnread = [...this.messages]
        .filter((m) => !this.seen.has(m.id))
        .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))[0];
      if (newestUnread) this.tab = newestUnread.channel;
      this.open = true;
      this.markShownAsSeen();
      void this.refresh();
    }
    await this.updateComplete;
    this.focusTab(this.tab);
  }

  /** Closes the panel; focus goes back to the toggle so keyboard users are not lost. */
  override async hide(): Promise<void> {
    if (!this.open) return;
    const focusWasInside = this.focusInside();
    this.open = false;
    this.fresh = new Set();
    await this.updateComplete;
    if (focusWasInside) this.toggleButton.focus();
  }

  private markShownAsSeen(): void {
    const shown = this.messages.filter((m) => m.channel === this.tab && !this.seen.has(m.id));
    if (shown.length === 0) return;
    this.seen = new Set([...this.seen, ...shown.map((m) => m.id)]);
    this.fresh = new Set([...this.fresh, ...shown.map((m) => m.id)]);
  }

  private async announce(text: string): Promise<void> {
    // Emptied first, so that the same sentence twice in a row is still read out.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  protected override selectTab(tab: DeviceTab): void {
    super.selectTab(tab);
    this.markShownAsSeen();
  }

  private formatDate(iso: string): DateTimeText {
    return formatDateTime(iso) ?? { date: iso, time: '' };
  }

  /** The text with every code the person must type set apart, large and selectable in one click. */
  private renderText(text: string, values: Record<string, string>): (string | TemplateResult)[] {
    const codes = Object.entries(values)
      .filter(([key, value]) => CODE_VALUE_KEY.test(key) && value.trim() !== '')
      .map(([, value]) => value)
      .sort((a, b) => b.length - a.length);
    if (codes.length === 0) return [text];
    const pattern = new RegExp(`(${codes.map(escapeRegExp).join('|')})`);
    return text
      .split(pattern)
      .filter((part) => part !== '')
      .map((part) => (codes.includes(part) ? html`<span class="code" translate="no">${part}</span>` : part));
  }

  private renderUnread(count: number): TemplateResult | typeof nothing {
    if (count === 0) return nothing;
    return html`<span class="badge" aria-hidden="true">${count}</span
      ><span class="visually-hidden">, ${t('devices:unread', { count })}</span>`;
  }

  private renderMail(m: InboxMessage): TemplateResult {
    const { date, time } = this.formatDate(m.receivedAt);
    const isFresh = this.fresh.has(m.id);
    return html`
      <li>
        <article class="mail ${isFresh ? 'fresh' : ''}" aria-labelledby="subject-${m.id}">
          <h3 id="subject-${m.id}">
            ${isFresh ? html`<span class="new">${t('devices:new')}</span> ` : nothing}${t(`inbox:${m.subjectKey}`, m.values)}
          </h3>
          <dl class="meta">
            <dt>${t('devices:from')}</dt>
            <dd>${t('devices:sender')}</dd>
            <dt>${t('devices:to')}</dt>
            <dd>${m.to}</dd>
          </dl>
          <p class="date"><time datetime=${m.receivedAt}>${t('devices:received', { date, time })}</time></p>
          <p class="body">${this.renderText(t(`inbox:${m.bodyKey}`, m.values), m.values)}</p>
        </article>
      </li>
    `;
  }

  private renderSms(m: InboxMessage): TemplateResult {
    const { date, time } = this.formatDate(m.receivedAt);
    const isFresh = this.fresh.has(m.id);
    return html`
      <li class="bubble ${isFresh ? 'fresh' : ''}">
        ${isFresh ? html`<span class="new">${t('devices:new')}</span> ` : nothing}
        <span class="body">${this.renderText(t(`inbox:${m.bodyKey}`, m.values), m.values)}</span>
        <p class="meta-line">
          <!-- No-break spaces: a phone number split over two lines is misread. -->
          <time datetime=${m.receivedAt}>${t('devices:smsReceived', { date, time, number: formatMobile(m.to).replace(/ /g, '\u00a0') })}</time>
        </p>
      </li>
    `;
  }

  private renderEmailPanel(mails: InboxMessage[]): TemplateResult {
    return mails.length === 0
      ? html`<p class="empty">${t('devices:emptyEmail')}</p>`
      : html`<ol class="mails" aria-label=${t('devices:mailboxLabel')}>${mails.map((m) => this.renderMail(m))}</ol>`;
  }

  private renderPhonePanel(sms: InboxMessage[]): TemplateResult {
    return html`
      <div class="phone" role="group" aria-label=${t('devices:phoneLabel')}>
        <div class="phone-top" aria-hidden="true"><span class="notch"></span></div>
        <div class="contact">
          <span class="avatar" aria-hidden="true">${t('devices:smsAvatar')}</span>
          <p>${t('devices:smsSender')}</p>
        </div>
        ${sms.length === 0
          ? html`<div class="thread"><p class="empty">${t('devices:emptySms')}</p></div>`
          : html`<ol class="thread" aria-label=${t('devices:threadLabel')}>${sms.map((m) => this.renderSms(m))}</ol>`}
      </div>
    `;
  }

  private renderTab(tab: DeviceTab, label: string, unread: number): TemplateResult {
    const selected = this.tab === tab;
    return html`
      <button
        type="button"
        role="tab"
        id="tab-${tab}"
        data-tab=${tab}
        aria-selected=${selected ? 'true' : 'false'}
        aria-controls="tabpanel-${tab}"
        tabindex=${selected ? 0 : -1}
        @click=${this.handleTabClick}
        @keydown=${this.handleTabKeydown}
      >
        ${label}${this.renderUnread(unread)}
      </button>
    `;
  }

  override render(): TemplateResult {
    const byNewest = (a: InboxMessage, b: InboxMessage) => b.receivedAt.localeCompare(a.receivedAt);
    // Newest first in the mailbox, as a mail client lists them; oldest first on the phone, as a thread reads.
    const mails = this.messages.filter((m) => m.channel === 'email').sort(byNewest);
    const sms = this.messages.filter((m) => m.channel === 'sms').sort((a, b) => -byNewest(a, b));
    const unread = (list: InboxMessage[]) => list.filter((m) => !this.seen.has(m.id)).length;
    return html`
      <button
        type="button"
        class="toggle"
        data-hotspot="devices"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${this.handleToggle}
        @keydown=${this.handleKeydown}
      >
        ${t('devices:toggle')}${this.renderUnread(this.unreadCount)}
      </button>
      <span class="visually-hidden" role="status">${this.announcement}</span>
      <div
        id="panel"
        class="panel"
        role="dialog"
        aria-modal="false"
        aria-labelledby="panel-title"
        ?hidden=${!this.open}
        @keydown=${this.handleKeydown}
      >
        <div class="head">
          <h2 id="panel-title">${t('devices:title')}</h2>
          <button type="button" class="close" @click=${this.handleClose}>
            <span aria-hidden="true">✕</span>${t('devices:close')}
          </button>
        </div>
        <p class="intro">${t('devices:intro')}</p>
        ${this.loadFailed ? html`<p class="load-error" role="alert">${t('devices:loadError')}</p>` : nothing}
        <div role="tablist" aria-label=${t('devices:tabsLabel')}>
          ${this.renderTab('email', t('devices:tabEmail'), unread(mails))}
          ${this.renderTab('sms', t('devices:tabPhone'), unread(sms))}
        </div>
        <div role="tabpanel" id="tabpanel-email" aria-labelledby="tab-email" tabindex="0" ?hidden=${this.tab !== 'email'}>
          ${this.renderEmailPanel(mails)}
        </div>
        <div role="tabpanel" id="tabpanel-sms" aria-labelledby="tab-sms" tabindex="0" ?hidden=${this.tab !== 'sms'}>
          ${this.renderPhonePanel(sms)}
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sim-devices': SimDevices;
  }
}
