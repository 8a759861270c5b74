import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a shortcut registers: the keys (KeyboardEvent.key values), what they do, how the help names it. */
export interface ShortcutSpec {
  /** `KeyboardEvent.key` values, e.g. ['ArrowRight', ' ']; letters match in either case. */
  keys: readonly string[];
  /** i18n key of the action's description, e.g. 'tutorial:keys.next'. */
  labelKey: string;
  /** i18n key of the group it is listed under in the help dialog (default 'tutorial:groups.general'). */
  group?: string;
  handler: (event: KeyboardEvent) => void;
}

/** A shortcut as the help dialog lists it. */
export interface ShortcutInfo {
  keys: readonly string[];
  labelKey: string;
  group: string;
}

export const DEFAULT_GROUP = 'tutorial:groups.general';

const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton', 'slider']);
const ACTIVATABLE_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'option']);

function isEditable(el: Element): boolean {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLElement && el.isContentEditable) return true;
  return TEXT_ROLES.has(el.getAttribute('role') ?? '');
}

/** Enter and Space already activate these natively: taking the key too would act twice. */
function activatesOnKey(el: Element): boolean {
  if (el instanceof HTMLButtonElement || el instanceof HTMLAnchorElement || el.localName === 'summary') return true;
  return ACTIVATABLE_ROLES.has(el.getAttribute('role') ?? '');
}

/**
 * Whether a keydown belongs to what it was typed in rather than to the shortcuts: text fields and
 * editable content (seen through shadow roots with composedPath), Enter/Space on a button or link, any
 * key inside an open modal dialog, and anything with Ctrl, Alt or Meta (the browser's and the system's).
 */
export function isIgnoredKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return true;
  if (event.ctrlKey || event.altKey || event.metaKey) return true;
  const activation = event.key === 'Enter' || event.key === ' ';
  for (const node of event.composedPath()) {
    if (!(node instanceof Element)) continue;
    if (isEditable(node)) return true;
    if (activation && activatesOnKey(node)) return true;
    if (node instanceof HTMLDialogElement && node.open) return true;
  }
  return false;
}

interface Entry extends ShortcutInfo {
  handler: (event: KeyboardEvent) => void;
}

/**
 * The one owner of the tutorial's keys (as reveal.js's keyboard.js): a registry of shortcuts that
 * also feeds the help dialog, one keydown listener on window while the host is connected. When two
 * registrations share a key, the latest takes it (a slide can override the default for a while).
 * Each instance has its own registry: no module-level state, so tests and two tutorials do not mix.
 */
export class KeyboardController implements ReactiveController {
  /** Set to false to let every key through (while a scenario editor has the focus, say). */
  enabled = true;

  private readonly host: ReactiveControllerHost;
  private readonly target: EventTarget;
  private entries: Entry[] = [];
  private listening = false;

  constructor(host: ReactiveControllerHost, target: EventTarget = window) {
    this.host = host;
    this.target = target;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.listening) return;
    this.listening = true;
    this.target.addEventListener('keydown', this.handleKeyDown as EventListener);
  }

  hostDisconnected(): void {
    if (!this.listening) return;
    this.listening = false;
    this.target.removeEventListener('keydown', this.handleKeyDown as EventListener);
  }

  /** Adds a shortcut; returns the function that removes it. */
  register(spec: ShortcutSpec): () => void {
    const entry: Entry = {
      keys: [...spec.keys],
      labelKey: spec.labelKey,
      group: spec.group ?? DEFAULT_GROUP,
      handler: spec.handler,
    };
    this.entries = [...this.entries, entry];
    this.host.requestUpdate();
    return () => {
      if (!this.entries.includes(entry)) return;
      this.entries = this.entries.filter((e) => e !== entry);
      this.host.requestUpdate();
    };
  }

  /** The registered shortcuts, in registration order, for the help dialog. */
  shortcuts(): ShortcutInfo[] {
    return this.entries.map(({ keys, labelKey, group }) => ({ keys, labelKey, group }));
  }

  private find(key: string): Entry | undefined {
    const wanted = key.length === 1 ? key.toLowerCase() : key;
    for (let i = this.entries.length - 1; i >= 0; i -= 1) {
      const entry = this.entries[i]!;
      if (entry.keys.some((k) => (k.length === 1 ? k.toLowerCase() : k) === wanted)) return entry;
    }
    return undefined;
  }

  private readonly handleKeyDown = (event: KeyboardEvent): void => {
    if (!this.enabled || isIgnoredKey(event)) return;
    const entry = this.find(event.key);
    if (!entry) return;
    // Space would also scroll the page and arrows move a scroller: the shortcut takes the key alone.
    event.preventDefault();
    entry.handler(event);
  };
}
