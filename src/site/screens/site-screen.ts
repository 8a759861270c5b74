import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { SiteContext, SiteEvent, Message } from '../types';
import { redrawOnLanguageChange, t } from '../../i18n';

/** The event every screen emits: an intent for the site machine, caught by the app shell. */
export type SiteIntentEvent = CustomEvent<SiteEvent>;

declare global {
  interface HTMLElementEventMap {
    'mes-intent': SiteIntentEvent;
  }
}

/**
 * Base of every screen element: it renders the machine's context and emits intents, nothing more.
 */
export abstract class SiteScreen extends LitElement {
  constructor() {
    super();
    // The same context in another language: render again.
    redrawOnLanguageChange(this);
  }

  /** The site machine's context, from its latest snapshot. */
  @property({ attribute: false }) ctx!: SiteContext;

  /** « Retour » and « Annuler »: the screen before, as the machine knows it. */
  protected handleBack(): void {
    this.emit({ type: 'BACK' });
  }

  protected emit(event: SiteEvent): void {
    this.dispatchEvent(new CustomEvent('mes-intent', { detail: event, bubbles: true, composed: true }));
  }

  /** The translated text of an error or notice message (namespace "errors"). */
  protected message(message: Message | null | undefined): string {
    if (!message) return '';
    return t(`errors:${message.key}`, message.values);
  }

  protected fieldError(path: string): Message | undefined {
    return this.ctx.fieldErrors[path];
  }
}
