import { LitElement, css, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { redrawOnLanguageChange } from '../i18n';

/**
 * What the two non-modal side panels share — the simulated mailbox and phone (src/app/sim-devices.ts) and
 * the documents at hand in practice (src/tutorial/practice/documents-panel.ts): a toggle button, a panel
 * (`role="dialog"`, `aria-modal="false"`) that Esc closes, focus brought back to the toggle, and tabs
 * that follow the ARIA tabs pattern (← → Home End move and select). Each panel adds its side, its width
 * and its content.
 */
export const sidePanelStyles = css`
  :host {
    display: inline-block;
  }
  * {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--mes-focus);
    outline-offset: 2px;
  }
  .toggle,
  .close {
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-height: 36px;
    padding: 4px 14px;
    font: inherit;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--mes-primary);
    background: #fff;
    border: 2px solid var(--mes-primary);
    border-radius: 999px;
    cursor: pointer;
  }
  .toggle[aria-expanded='true'] {
    background: var(--mes-bg-alt);
  }
  .panel {
    position: fixed;
    top: 0;
    /* Above the pas à pas's own bottom panel, when the panel is shown in it: see bottomInset. */
    bottom: 0;
    z-index: 900;
    display: flex;
    flex-direction: column;
    background: #fff;
  }
  .panel[hidden] {
    display: none;
  }
  .head {
    display: flex;
    align-items: flex-start;
    gap: 12px;
    padding: 16px 16px 8px;
  }
  h2 {
    flex: 1;
    margin: 0;
    font-size: 1.125rem;
    line-height: 1.3;
    color: var(--mes-title);
  }
  .intro {
    margin: 0;
    padding: 0 16px 12px;
    font-size: 0.875rem;
  }
  [role='tablist'] {
    display: flex;
    gap: 4px;
    padding: 0 16px;
    border-bottom: 2px solid var(--mes-bg-alt);
  }
  [role='tab'] {
    flex: 1;
    min-height: 44px;
    margin-bottom: -2px;
    font: inherit;
    font-weight: 600;
    color: var(--mes-body);
    background: none;
    border: 0;
    border-bottom: 4px solid transparent;
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--mes-primary);
    border-bottom-color: var(--mes-primary);
  }
  [role='tabpanel'] {
    flex: 1;
    overflow-y: auto;
    padding: 16px;
    background: var(--mes-bg);
  }
  [role='tabpanel'][hidden] {
    display: none;
  }
`;

/** The tab a key moves to in a tab list (ARIA tabs pattern), or null for any other key. */
export function tabForKey<Tab>(tabs: readonly Tab[], current: Tab, key: string): Tab | null {
  const index = tabs.indexOf(current);
  if (key === 'ArrowRight') return tabs[(index + 1) % tabs.length] ?? null;
  if (key === 'ArrowLeft') return tabs[(index - 1 + tabs.length) % tabs.length] ?? null;
  if (key === 'Home') return tabs[0] ?? null;
  if (key === 'End') return tabs[tabs.length - 1] ?? null;
  return null;
}

/**
 * A side panel with a toggle and tabs. Its template has a `.toggle` button and tab buttons with
 * `id="tab-<tab>"` and `data-tab`, bound to the handlers below; it is drawn again when the language changes.
 */
export abstract class TabbedSidePanel<Tab extends string> extends LitElement {
  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  /** The tabs, in their order on screen. */
  protected abstract readonly tabs: readonly Tab[];
  abstract open: boolean;
  abstract tab: Tab;
  /** Opens the panel and puts focus on its selected tab. */
  abstract show(): Promise<void>;
  /** Closes the panel; focus goes back to the toggle. */
  abstract hide(): Promise<void>;

  @query('.toggle') protected toggleButton!: HTMLButtonElement;

  /**
   * Room kept free under the panel, in px (the pas à pas's own bottom panel: its « Continuer » stays in
   * sight), from the `bottom-inset` attribute (set before this element is defined, it still counts). Set on
   * the panel itself: as a custom property set on this element, it had every element under it styled again,
   * in the task of each step whose bottom panel is another height.
   */
  @property({ type: Number, attribute: 'bottom-inset' }) bottomInset = 0;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Also when the panel is drawn anew (opened, say).
    const panel = this.renderRoot.querySelector<HTMLElement>('.panel');
    const bottom = `${this.bottomInset}px`;
    if (panel && panel.style.bottom !== bottom) panel.style.bottom = bottom;
  }

  /** Shows a tab (by a click or a key); panels may do more. */
  protected selectTab(tab: Tab): void {
    this.tab = tab;
  }

  /** Whether focus is in the panel (rather than on the toggle, or outside). */
  protected focusInside(): boolean {
    const active = this.shadowRoot?.activeElement ?? null;
    return active !== null && active !== this.toggleButton;
  }

  protected focusTab(tab: Tab): void {
    this.shadowRoot?.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  protected readonly handleToggle = (): void => {
    if (this.open) void this.hide();
    else void this.show();
  };

  protected readonly handleClose = (): void => {
    void this.hide();
  };

  protected readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    // The tutorial's keyboard controller must not also act on this Esc (e.g. leave fullscreen).
    event.preventDefault();
    event.stopPropagation();
    void this.hide();
  };

  protected readonly handleTabClick = (event: Event): void => {
    this.selectTab((event.currentTarget as HTMLElement).dataset.tab as Tab);
  };

  protected readonly handleTabKeydown = (event: KeyboardEvent): void => {
    const next = tabForKey(this.tabs, this.tab, event.key);
    if (next === null) return;
    event.preventDefault();
    this.selectTab(next);
    void this.updateComplete.then(() => this.focusTab(next));
  };
}
