import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AnyActorRef, InspectionEvent, StateValue } from 'xstate';
import { onLanguageChanged, t } from '../i18n';
import type { OnlineInspectorStatus } from './online-inspector';

/**
 * The trainer's and developer's look inside the machines, offline: the current state of the tutorial
 * machine and of its site child, and the last events they received, collected through xstate's
 * `inspect` option. With `?inspect` in the address, the panel also offers Stately's online inspector
 * (see online-inspector.ts), never opened without the trainer's click.
 */

/** Dotted paths of a state value: `session.step.waiting` (several for parallel states). */
export function statePaths(value: StateValue): string[] {
  if (typeof value === 'string') return [value];
  return Object.entries(value).flatMap(([key, child]) => (child === undefined ? [key] : statePaths(child as StateValue).map((p) => `${key}.${p}`)));
}

export interface InspectedEvent {
  /** Which machine received it: `tutorial`, `site`, or the id of another actor. */
  actor: string;
  type: string;
  at: number;
}

export const MAX_EVENTS = 20;

/** Collects what the panel shows; pass `inspector.inspect` as createActor's `inspect` option. */
export class MachineInspector {
  tutorialPath = '';
  sitePath = '';
  /** The last events, most recent first. */
  events: InspectedEvent[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  private nameOf(ref: AnyActorRef | undefined, rootId: string): string {
    if (!ref) return '?';
    if (ref.sessionId === rootId) return 'tutorial';
    return ref.id;
  }

  readonly inspect = (event: InspectionEvent): void => {
    const ref = event.actorRef as AnyActorRef;
    const name = this.nameOf(ref, event.rootId);
    if (event.type === '@xstate.snapshot') {
      const value = (event.snapshot as { value?: StateValue }).value;
      if (value === undefined) return;
      if (name === 'tutorial') this.tutorialPath = statePaths(value).join(' | ');
      else if (name === 'site') this.sitePath = statePaths(value).join(' | ');
      else return;
      this.changed();
    } else if (event.type === '@xstate.event') {
      // Only the two machines' events: the promise actors' own start events say nothing more.
      if (name !== 'tutorial' && name !== 'site') return;
      this.events = [{ actor: name, type: event.event.type, at: this.now() }, ...this.events].slice(0, MAX_EVENTS);
      this.changed();
    }
  };

  /** A new tutorial actor (the player restarted): its site child is a new one too. */
  reset(): void {
    this.tutorialPath = '';
    this.sitePath = '';
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Whether the page asked for Stately's online inspector (`?inspect`). */
export function onlineInspectorRequested(search: string = location.search): boolean {
  return new URLSearchParams(search).has('inspect');
}

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
      font-family: 'Open Sans', system-ui, sans-serif;
      font-size: 1rem;
      margin: 0 0 8px;
      color: #0c419a;
    }
    h3 {
      font-family: 'Open Sans', system-ui, sans-serif;
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
      font-family: 'Open Sans', system-ui, sans-serif;
      margin: 12px 0 0;
      padding: 8px 10px;
      border-left: 4px solid #b36b00;
      background: #fff7e8;
      white-space: pre-line;
    }
    button {
      font: inherit;
      font-family: 'Open Sans', system-ui, sans-serif;
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
  private unsubscribeLang: (() => void) | null = null;
  private subscribed: MachineInspector | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribeLang = onLanguageChanged(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.subscribed = null;
    this.unsubscribeLang?.();
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
