import { LitElement, css, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import { styleMap } from 'lit/directives/style-map.js';
import { redrawOnLanguageChange, t } from '../../i18n';
import { AnchorController } from './anchor-controller';
import { awaitsFrame, cancelFrameWork, runFrameWorkNow, writeInNextFrame } from './frame-phases';
import { findHotspot } from './find-hotspot';
import { placeCallout, spotlightPath, type CalloutPlacement, type Rect, type Side, type Size } from './geometry';
import { HAND_TIP, HAND_VIEWBOX, handIcon } from './hand';

export type OverlayMode = 'guided' | 'demo' | 'practice' | 'evaluation';
export type CalloutKind = 'step' | 'case' | 'note';

/** One numbered explanation of the step: anchored next to its target, or in the side panel. */
export interface Callout {
  n?: number;
  text: string;
  /** Hotspot name; without it (or while it is not rendered) the callout goes to the side panel. */
  target?: string;
  kind: CalloutKind;
}

export interface ZoneActivateDetail {
  target: string;
  /** The site's element under the zone, for a caller that wants to act on it. */
  element: HTMLElement | null;
}
export interface OutsideClickDetail {
  target: string | null;
  x: number;
  y: number;
}
export interface AdvanceDetail {
  x: number;
  y: number;
}
export interface CalloutDismissDetail {
  index: number;
  callout: Callout;
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-tutorial-overlay': MesTutorialOverlay;
  }
  interface HTMLElementEventMap {
    'mes-zone-activate': CustomEvent<ZoneActivateDetail>;
    'mes-outside-click': CustomEvent<OutsideClickDetail>;
    'mes-advance': CustomEvent<AdvanceDetail>;
    'mes-callout-dismiss': CustomEvent<CalloutDismissDetail>;
  }
}

/** Room kept around the target inside the spotlight's hole. */
const SPOT_PADDING = 6;
const SPOT_RADIUS = 8;
/** Below this width the side panel becomes a bottom (or top) sheet. */
const NARROW = 600;
const HAND_SCALE = 0.75;
/**
 * The hand is drawn with its zone, still, and starts tapping this long after. An animation starting in the
 * frame that draws a new step asks for one more frame right after it, whose commit waits for the raster
 * of the whole new screen (40 to 60 ms in software), holding the page's thread just when the next press
 * may come.
 */
export const HAND_TAP_DELAY_MS = 300;
const SIDES: Side[] = ['bottom', 'right', 'top', 'left'];

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function grow(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/**
 * The pas à pas drawn over the recreated site: spotlight, hand, numbered callouts and — in guided and
 * demonstration modes — the one clickable zone, a real <button> laid exactly over the target, with a
 * transparent layer under it that swallows every other click. In practice and evaluation modes every
 * click goes through to the site. It holds no tutorial state: plain properties in, events out.
 *
 * Put it in the same fullscreen element as the site, with no transformed ancestor (it is position:
 * fixed and uses viewport coordinates). Controls of the tutorial itself must sit above it
 * (z-index above --mes-overlay-z) to stay clickable in guided mode.
 *
 * @fires mes-zone-activate - the zone was clicked or activated with Enter/Space
 * @fires mes-outside-click - guided/demo: a click anywhere but the zone, which the site did not get
 * @fires mes-advance - guided/demo without target: a click anywhere, to go on
 * @fires mes-callout-dismiss - a callout's close button was used
 */
@customElement('mes-tutorial-overlay')
export class MesTutorialOverlay extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      z-index: var(--mes-overlay-z, 1000);
      pointer-events: none;
      font-family: 'Open Sans', system-ui;
      line-height: 1.4;
      color: #262939;
      --focus: #0c75f6;
      --primary: #0c419a;
      --secondary: #d81e7e;
    }
    * {
      box-sizing: border-box;
    }
    .catcher {
      position: absolute;
      inset: 0;
      pointer-events: auto;
      cursor: default;
      background: transparent;
    }
    .dim {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    .dim path {
      fill: rgba(38, 41, 57, 0.55);
    }
    .ring {
      position: absolute;
      pointer-events: none;
      border: 3px solid var(--secondary);
      border-radius: 8px;
      box-shadow: 0 0 0 3px #fff;
    }
    .zone {
      position: absolute;
      margin: 0;
      padding: 0;
      border: 0;
      border-radius: 4px;
      background: transparent;
      cursor: pointer;
      pointer-events: auto;
      /* Its name is for assistive technologies; the site's own label shows through. */
      color: transparent;
    }
    .zone:focus {
      outline: none;
    }
    .zone.leaving {
      pointer-events: none;
      opacity: 0;
    }
    .zone:focus-visible {
      outline: 3px solid var(--focus);
      outline-offset: 3px;
      box-shadow: 0 0 0 6px #fff;
    }
    .hand {
      position: absolute;
      width: ${HAND_VIEWBOX.width * HAND_SCALE}px;
      height: ${HAND_VIEWBOX.height * HAND_SCALE}px;
      pointer-events: none;
      filter: drop-shadow(0 2px 2px rgba(0, 0, 0, 0.35));
    }
    /* Three taps (4.8 s), again at each step: moving content stops by itself within 5 s (RGAA 13.8,
       WCAG 2.2.2), and the page draws no frame while the trainee reads. They start a moment after the
       hand is drawn (see HAND_TAP_DELAY_MS). */
    .hand[data-tap] {
      animation: tap 1.6s ease-in-out 3;
    }
    .hand svg {
      display: block;
      width: 100%;
      height: 100%;
    }
    @keyframes tap {
      0%,
      100% {
        translate: 0 0;
      }
      50% {
        translate: 5px 6px;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .hand[data-tap] {
        animation: none;
      }
    }
    .callout {
      position: absolute;
      left: 0;
      top: 0;
      width: max-content;
      max-width: min(320px, calc(100vw - 16px));
      max-height: calc(100vh - 16px);
      overflow: hidden;
      display: flex;
      gap: 10px;
      align-items: flex-start;
      padding: 10px 40px 10px 10px;
      background: #fff;
      color: #262939;
      border: 2px solid var(--primary);
      border-radius: 8px;
      box-shadow: 0 4px 16px rgba(12, 65, 154, 0.25);
      pointer-events: none;
      font-size: 0.9375rem;
    }
    .anchored {
      overflow: visible;
    }
    .panel .callout {
      position: relative;
      width: auto;
      max-width: none;
      max-height: none;
    }
    .badge {
      flex: none;
      display: inline-grid;
      place-items: center;
      min-width: 28px;
      height: 28px;
      padding: 0 6px;
      border-radius: 14px;
      background: var(--secondary);
      color: #fff;
      font-weight: 700;
      font-size: 0.9375rem;
    }
    .kind-note .badge {
      background: var(--primary);
    }
    .text {
      margin: 0;
      padding-top: 3px;
      white-space: pre-line;
    }
    .close {
      position: absolute;
      top: 4px;
      right: 4px;
      width: 32px;
      height: 32px;
      display: grid;
      place-items: center;
      border: 0;
      border-radius: 50%;
      background: transparent;
      color: #495574;
      font: inherit;
      font-size: 1.25rem;
      line-height: 1;
      cursor: pointer;
      pointer-events: auto;
    }
    .close:hover {
      background: #e7ecfa;
    }
    .close:focus-visible {
      outline: 3px solid var(--focus);
      outline-offset: 1px;
    }
    .arrow {
      position: absolute;
      width: 14px;
      height: 14px;
      background: #fff;
      border: 2px solid var(--primary);
      transform: rotate(45deg);
    }
    [data-side='bottom'] > .arrow {
      top: -8px;
      left: calc(var(--arrow, 16px) - 7px);
      border-right: 0;
      border-bottom: 0;
    }
    [data-side='top'] > .arrow {
      bottom: -8px;
      left: calc(var(--arrow, 16px) - 7px);
      border-left: 0;
      border-top: 0;
    }
    [data-side='right'] > .arrow {
      left: -8px;
      top: calc(var(--arrow, 16px) - 7px);
      border-right: 0;
      border-top: 0;
    }
    [data-side='left'] > .arrow {
      right: -8px;
      top: calc(var(--arrow, 16px) - 7px);
      border-left: 0;
      border-bottom: 0;
    }
    .panel {
      position: absolute;
      top: calc(var(--mes-overlay-top, 0px) + 16px);
      width: min(340px, calc(100% - 32px));
      max-height: calc(100% - 32px - var(--mes-overlay-top, 0px) - var(--mes-overlay-bottom, 0px));
      overflow-y: auto;
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 0;
      pointer-events: none;
    }
    .panel.right {
      right: 16px;
    }
    .panel.left {
      left: 16px;
    }
    .dock {
      position: absolute;
      left: 0;
      right: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 8px;
      pointer-events: none;
    }
    .dock.bottom {
      bottom: var(--mes-overlay-bottom, 0px);
      flex-direction: column-reverse;
    }
    .dock.top {
      top: var(--mes-overlay-top, 0px);
    }
    .dock .panel {
      position: static;
      width: 100%;
      max-height: 45vh;
    }
    .interactive .panel {
      /* Clicks there never reach the site in these modes, so the panel may scroll under a finger. */
      pointer-events: auto;
    }
    .hint {
      max-width: min(560px, 100%);
      margin: 0;
      padding: 10px 16px;
      border-radius: 8px;
      background: #262939;
      color: #fff;
      font-weight: 600;
      text-align: center;
      box-shadow: 0 4px 16px rgba(0, 0, 0, 0.3);
    }
    .hint:empty {
      display: none;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
  `;

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  /** Where the site's targets are searched (the site area); the whole document when null. */
  @property({ attribute: false }) root: Document | ShadowRoot | Element | null = null;
  /** Hotspot name of the one clickable target, or null. */
  @property() target: string | null = null;
  /**
   * Compared by content: the player hands a new list at each of its updates (a hint, a letter typed in the
   * site in practice, a bar that changed height), and a new list means a new step's callouts: the ones the
   * trainee closed came back, and their places were measured again.
   */
  @property({ attribute: false, hasChanged: (value: Callout[], old: Callout[] | undefined) => JSON.stringify(value) !== JSON.stringify(old ?? []) })
  callouts: Callout[] = [];
  @property({ reflect: true }) mode: OverlayMode = 'guided';
  @property({ type: Boolean, attribute: 'show-hand' }) showHand = false;
  /** A polite message (already translated), announced and shown as a toast. */
  @property() hint: string | null = null;
  /** Accessible name of the zone button (what clicking the target does). */
  @property({ attribute: 'zone-label' }) zoneLabel: string | null = null;
  /**
   * Heights (px) of the page's own bars above and below that stay over the overlay: callouts and the
   * panel keep clear of them.
   */
  @property({ type: Number, attribute: 'inset-top' }) insetTop = 0;
  @property({ type: Number, attribute: 'inset-bottom' }) insetBottom = 0;
  /**
   * Which step the zone belongs to: a new value puts a new zone button, which assistive technologies
   * announce when it gets the focus, even over the same target with the same name.
   */
  @property({ attribute: false }) zoneKey: unknown = null;

  private readonly anchors = new Map<string, AnchorController>();
  /**
   * The overlay's box (position: fixed, inset: 0: the viewport without its scrollbars), from a
   * ResizeObserver: reading it would lay the page out in the middle of a step change. Until the first
   * observation (in the frame that first lays the overlay out), the window's size stands in.
   */
  private viewport: Size = { width: 0, height: 0 };
  private viewportSeen = false;
  private readonly sizeObserver = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    if (!box) return;
    this.viewportSeen = true;
    if (box.width === this.viewport.width && box.height === this.viewport.height) return;
    this.viewport = { width: box.width, height: box.height };
    this.requestUpdate();
  });
  /** The callouts are placed in the frame's write phase, after the targets were measured: see updated(). */
  private placementTimer: ReturnType<typeof setTimeout> | undefined;
  /** The frame's placement found an update pending: the callouts are placed once it is done. */
  private placementPending = false;
  private dismissed = new Set<number>();
  /** Callouts that found no room next to their target: shown in the panel (or sheet) instead. */
  private sheeted = new Set<number>();
  /** Last size of each callout drawn next to its target, to tell when a sheeted one fits again. */
  private readonly sizes = new Map<number, Size>();
  private placementPasses = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('resize', this.handleResize, { passive: true });
    this.sizeObserver.observe(this);
    for (const anchor of this.anchors.values()) anchor.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('resize', this.handleResize);
    this.sizeObserver.disconnect();
    cancelFrameWork(this.placeInFrame);
    clearTimeout(this.placementTimer);
    this.placementTimer = undefined;
    this.placementPending = false;
  }

  /** The zone button, when it is shown. */
  get zone(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector<HTMLButtonElement>('.zone:not(.leaving)') ?? null;
  }

  /** The rect of a named target as last measured (null while it is not rendered). */
  targetRect(name: string): Rect | null {
    return this.anchors.get(name)?.rect ?? null;
  }

  /** True when every target's rect is final and the callouts placed, until the next resize, scroll or update (for tests). */
  get idle(): boolean {
    return !awaitsFrame(this.placeInFrame) && !this.placementPending && !this.isUpdatePending && [...this.anchors.values()].every((anchor) => anchor.idle);
  }

  /** Looks for the targets again now (after the site changed screen without the overlay knowing). */
  refresh(): void {
    for (const anchor of this.anchors.values()) anchor.refresh();
  }

  /** Reads the targets' rects now (after the page was scrolled to a target): the overlay follows in this frame. */
  measure(): void {
    let moved = false;
    for (const anchor of this.anchors.values()) moved = anchor.measure() || moved;
    // The update this asks for places the callouts too, in this frame: not in one more frame right after.
    if (moved) this.placementPending = true;
  }

  /**
   * Measures the targets and draws what they ask for now, in this task, rather than in the next frame: the
   * zone, the spotlight and the callouts placed (see runFrameWorkNow). Resolves once drawn.
   */
  async drawNow(): Promise<void> {
    runFrameWorkNow();
    await this.updateComplete;
  }

  /**
   * Moves the keyboard focus to the zone as soon as it is rendered: at once when it is, else in the update
   * that draws it (the new step's target measured in the step's task, see drawNow, or in the frame that
   * draws the step: the focus is then drawn with it, not in one more frame right after it). Resolves false when no zone came within
   * `timeout` ms.
   */
  focusZone(timeout = 500): Promise<boolean> {
    return new Promise((resolve) => {
      const focus = (): void => {
        clearTimeout(timer);
        this.zoneWaiters.delete(focus);
        const zone = this.zone;
        // The zone is in the overlay, fixed over the viewport: focusing it never scrolls the page (the player
        // brings the step's target into view itself), but without preventScroll the browser laid the page out
        // once more to work that out, in the frame that draws the step.
        zone?.focus({ preventScroll: true });
        resolve(zone !== null);
      };
      const timer = setTimeout(focus, timeout);
      if (this.zone && !this.isUpdatePending) focus();
      else this.zoneWaiters.add(focus);
    });
  }

  /**
   * The element its anchor found for `name` when it last measured it (for a new step, in its task or the
   * frame that draws it), while it is still in the page; else null.
   */
  anchoredElement(name: string): HTMLElement | null {
    const el = this.anchors.get(name)?.target ?? null;
    return el?.isConnected ? el : null;
  }

  /** Waiting for the zone to be rendered: see focusZone. */
  private readonly zoneWaiters = new Set<() => void>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('insetTop')) this.style.setProperty('--mes-overlay-top', `${this.insetTop}px`);
    if (changed.has('insetBottom')) this.style.setProperty('--mes-overlay-bottom', `${this.insetBottom}px`);
    if (changed.has('insetTop') || changed.has('insetBottom')) this.insetsMoved = true;
    if (changed.has('callouts') || changed.has('zoneKey')) {
      this.dismissed = new Set();
      this.sheeted = new Set();
      this.sizes.clear();
    }
    // The zone of the step before goes (a zone is keyed by its step). If it has the focus, it stays, hidden
    // and deaf, until the focus moves on (to the new zone, in the step's task or frame): taken away focused,
    // or let go of, it had the browser lay the page out at once, in the middle of the step's update.
    // Back to that step before the focus moved: its zone is drawn anew.
    if (this.leavingZone && this.leavingZone.key === this.zoneKey) this.leavingZone = null;
    if (changed.has('zoneKey') && !this.leavingZone) {
      const zone = this.zone;
      if (zone && this.shadowRoot?.activeElement === zone) {
        const { left, top, width, height } = zone.style;
        this.leavingZone = { key: changed.get('zoneKey'), label: zone.getAttribute('aria-label') ?? '', box: { left, top, width, height } };
      }
    }
    if (changed.has('target') || changed.has('callouts')) this.syncAnchors();
    if (changed.has('root')) this.refresh();
    if (!this.viewportSeen) this.viewport = { width: window.innerWidth, height: window.innerHeight };
  }

  protected override render(): TemplateResult {
    const guided = this.mode === 'guided' || this.mode === 'demo';
    const rect = this.target ? this.targetRect(this.target) : null;
    const narrow = this.viewport.width < NARROW;
    const ordered = this.ordered();
    const anchored = ordered.filter(({ i, c }) => this.isAnchored(i, c));
    // A callout whose target has not been looked for yet (a new step's, until its task or frame measures it)
    // waits: drawn in the panel first, it was drawn again next to its target right after, in the same task.
    const panelled = ordered.filter(({ i, c }) => !this.isAnchored(i, c) && !this.awaitsTarget(c));
    // The panel and the hint go where the target is not.
    const targetRight = rect ? rect.x + rect.width / 2 > this.viewport.width / 2 : true;
    const targetLow = rect ? rect.y + rect.height / 2 > this.viewport.height / 2 : false;
    const panel = panelled.length
      ? html`<section
          class=${classMap({ panel: true, left: targetRight, right: !targetRight })}
          aria-label=${t('tutorial:overlay.panel')}
        >
          ${panelled.map(({ c, i }) => this.renderCallout(c, i, false))}
        </section>`
      : nothing;
    const describedBy = anchored
      .filter(({ c }) => c.target === this.target)
      .map(({ i }) => `callout-${i}`)
      .join(' ');

    return html`
      <div class=${classMap({ layer: true, interactive: guided })}>
        ${guided
          ? html`<div class="catcher" @mousedown=${this.handleCatcherMouseDown} @click=${this.handleCatcherClick}></div>`
          : nothing}
        ${guided && this.target ? this.renderSpotlight(rect) : nothing}
        ${!guided && rect ? this.renderRing(rect) : nothing}
        ${repeat(
          [
            ...(this.leavingZone ? [this.leavingZone] : []),
            ...(guided && this.target && rect
              ? [{ key: this.zoneKey, label: this.zoneLabel || t('tutorial:overlay.zone'), box: { left: `${rect.x}px`, top: `${rect.y}px`, width: `${rect.width}px`, height: `${rect.height}px` } }]
              : []),
          ],
          (zone) => zone.key,
          // One template for both, so that the zone left is the very element that has the focus.
          (zone) => {
            const leaving = zone === this.leavingZone;
            return html`<button
              class=${leaving ? 'zone leaving' : 'zone'}
              type="button"
              data-hotspot=${leaving ? nothing : 'zone'}
              aria-label=${zone.label}
              aria-describedby=${leaving ? nothing : describedBy || nothing}
              style=${styleMap(zone.box)}
              @click=${leaving ? nothing : this.handleZoneClick}
              @blur=${leaving ? this.dropLeavingZone : nothing}
            ></button>`;
          },
        )}
        ${anchored.map(({ c, i }) => this.renderCallout(c, i, true))}
        ${this.showHand && rect ? this.renderHand(rect) : nothing} ${narrow ? nothing : panel}
        <div class=${classMap({ dock: true, top: targetLow, bottom: !targetLow })}>
          <p class="hint" role="status" aria-live="polite">${this.hint ?? ''}</p>
          ${narrow ? panel : nothing}
        </div>
      </div>
    `;
  }

  /**
   * The callouts' sizes and the panel's box are read at the next frame, once: reading them here would
   * lay the page out in the middle of a step change (the site's screen is rendered in the same task),
   * and again when the frame comes. The anchors measure their targets in that frame's read phase, before
   * this placement in its write phase (frame-phases), and the update their new rects ask for runs between
   * the two: everything is drawn in that one frame, the page laid out once for the reads and once for the
   * callouts' sizes.
   */
  protected override updated(): void {
    const droppedOnly = this.droppedOnly;
    this.droppedOnly = false;
    const insetsMoved = this.insetsMoved;
    this.insetsMoved = false;
    if (this.zone) for (const focus of [...this.zoneWaiters]) focus();
    this.tapLater();
    if (this.placementPending) {
      // This update was pending in the frame's write phase: it is drawn in that frame, callouts placed.
      this.placementPending = false;
      this.placeCallouts();
      return;
    }
    // An update that only took the zone of the step before away (dropLeavingZone) moved nothing: no
    // placement. Placed again, the callouts asked for one more frame right after the step's.
    if (droppedOnly) return;
    // The bars' heights changed (read by the player in the step's task, or reported by its ResizeObserver
    // while a frame is drawn): where every target has been measured, the callouts are placed again now, in
    // that task or frame. Placed in the next frame, they were drawn in one more frame right after.
    if (insetsMoved && [...this.anchors.values()].every((anchor) => anchor.rect !== null)) {
      cancelFrameWork(this.placeInFrame);
      clearTimeout(this.placementTimer);
      this.placementTimer = undefined;
      this.placeCallouts();
      return;
    }
    if (awaitsFrame(this.placeInFrame)) return;
    // In the frame's write phase, after the anchors' reads; as the anchors do, a timer stands in for the
    // frame where none comes (a page not shown).
    this.placementTimer = setTimeout(this.placeInFrame, 100);
    writeInNextFrame(this.placeInFrame);
  }

  private readonly placeInFrame = (): void => {
    cancelFrameWork(this.placeInFrame);
    clearTimeout(this.placementTimer);
    this.placementTimer = undefined;
    if (!this.isConnected) return;
    // An update asked for in this frame has not run yet: the callouts are placed right after it
    // (updated()), with what it draws.
    if (this.isUpdatePending) {
      this.placementPending = true;
      return;
    }
    this.placeCallouts();
  };

  private ordered(): Array<{ c: Callout; i: number }> {
    return this.callouts
      .map((c, i) => ({ c, i }))
      .filter(({ i }) => !this.dismissed.has(i))
      .sort((a, b) => (a.c.n ?? Infinity) - (b.c.n ?? Infinity) || a.i - b.i);
  }

  /** Whether the callout's target is still to be looked for (see AnchorController.measured). */
  private awaitsTarget(c: Callout): boolean {
    return !!c.target && this.anchors.get(c.target)?.measured === false;
  }

  private isAnchored(i: number, c: Callout): boolean {
    return !!c.target && !!this.targetRect(c.target) && !this.sheeted.has(i);
  }

  private renderSpotlight(rect: Rect | null): TemplateResult {
    const { width, height } = this.viewport;
    return html`<svg class="dim" width=${width} height=${height} viewBox="0 0 ${width} ${height}" aria-hidden="true">
      ${svg`<path fill-rule="evenodd" d=${spotlightPath(this.viewport, rect, SPOT_PADDING, SPOT_RADIUS)}></path>`}
    </svg>`;
  }

  private renderRing(rect: Rect): TemplateResult {
    const r = grow(rect, SPOT_PADDING);
    return html`<div
      class="ring"
      aria-hidden="true"
      style=${styleMap({ left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` })}
    ></div>`;
  }

  /** The hand whose taps are started (or about to be). */
  private tapping: HTMLElement | null = null;

  /** A new hand starts tapping HAND_TAP_DELAY_MS after it is drawn. */
  private tapLater(): void {
    const hand = this.renderRoot.querySelector<HTMLElement>('.hand');
    if (!hand || hand === this.tapping) return;
    this.tapping = hand;
    setTimeout(() => {
      hand.dataset.tap = '';
    }, HAND_TAP_DELAY_MS);
  }

  /** The hand, drawn anew for each zone (its taps start again). */
  private renderHand(rect: Rect): unknown {
    const box = this.handBox(rect);
    return keyed(this.zoneKey, html`<div class="hand" aria-hidden="true" style=${styleMap({ left: `${box.x}px`, top: `${box.y}px` })}>
      <svg viewBox="0 0 ${HAND_VIEWBOX.width} ${HAND_VIEWBOX.height}" focusable="false">${handIcon}</svg>
    </div>`);
  }

  private renderCallout(c: Callout, i: number, anchored: boolean): TemplateResult {
    const n = c.n;
    const prefix =
      c.kind === 'note'
        ? t('tutorial:overlay.calloutNote')
        : n === undefined
          ? ''
          : t(c.kind === 'case' ? 'tutorial:overlay.calloutCase' : 'tutorial:overlay.calloutStep', { n });
    const badge = c.kind === 'note' ? '!' : n === undefined ? '' : c.kind === 'case' ? t('tutorial:overlay.caseBadge', { n }) : String(n);
    const closeLabel =
      n === undefined ? t('tutorial:overlay.dismiss') : t('tutorial:overlay.dismissNumbered', { n });
    return html`<div
      class=${classMap({ callout: true, anchored, [`kind-${c.kind}`]: true })}
      id="callout-${i}"
      role="note"
      data-index=${i}
      data-n=${n ?? nothing}
    >
      ${badge ? html`<span class="badge" aria-hidden="true">${badge}</span>` : nothing}
      <p class="text">${prefix ? html`<span class="visually-hidden">${prefix} </span>` : nothing}${c.text}</p>
      <button class="close" type="button" aria-label=${closeLabel} @click=${() => this.dismiss(i)}>
        <span aria-hidden="true">×</span>
      </button>
      ${anchored ? html`<span class="arrow" aria-hidden="true"></span>` : nothing}
    </div>`;
  }

  /**
   * Places the callouts drawn next to their targets, now that their size is known. In number order,
   * each tries the sides in turn for one where it fits inside the viewport without covering a target,
   * the hand or a callout already placed; one that finds no such place goes to the panel (a sheet on
   * narrow screens) rather than overflow or hide what it points at. The same rule is applied to the
   * callouts already in the panel, with their last measured size, so one comes back next to its target
   * as soon as there is room again (and the decision does not flip back and forth).
   */
  private placeCallouts(): void {
    const elements = new Map<number, HTMLElement>();
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.callout.anchored')) {
      elements.set(Number(el.dataset.index), el);
    }
    const obstacles: Rect[] = [];
    for (const name of this.anchors.keys()) {
      const rect = this.targetRect(name);
      if (rect) obstacles.push(grow(rect, SPOT_PADDING));
    }
    const main = this.target ? this.targetRect(this.target) : null;
    if (this.showHand && main) obstacles.push(this.handBox(main));
    // The page's own bars stay on top of the overlay: nothing is placed under them.
    if (this.insetTop > 0) obstacles.push({ x: 0, y: 0, width: this.viewport.width, height: this.insetTop });
    if (this.insetBottom > 0) {
      obstacles.push({ x: 0, y: this.viewport.height - this.insetBottom, width: this.viewport.width, height: this.insetBottom });
    }
    // The side panel, or the sheet and the hint docked along an edge, take their room first.
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('.panel, .hint')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) obstacles.push(box);
    }

    const ordered = this.ordered();
    // Every size is read before any callout is moved: a size read after a callout's move had the browser
    // work out the styles again, once per callout.
    for (const { i } of ordered) {
      const el = elements.get(i);
      if (el) this.sizes.set(i, { width: el.offsetWidth, height: el.offsetHeight });
    }
    const sheeted = new Set<number>();
    for (const { c, i } of ordered) {
      const rect = c.target ? this.targetRect(c.target) : null;
      if (!rect) continue;
      const el = elements.get(i);
      const size = this.sizes.get(i);
      if (!size) {
        if (this.sheeted.has(i)) sheeted.add(i);
        continue;
      }
      const place = this.freePlacement(rect, size, obstacles);
      if (!place) {
        sheeted.add(i);
        continue;
      }
      obstacles.push({ x: place.x, y: place.y, ...size });
      if (!el) continue;
      el.dataset.side = place.side;
      el.style.transform = `translate(${Math.round(place.x)}px, ${Math.round(place.y)}px)`;
      el.style.setProperty('--arrow', `${place.arrow}px`);
    }
    const same = sheeted.size === this.sheeted.size && [...sheeted].every((i) => this.sheeted.has(i));
    // A callout moved to the sheet makes the sheet taller, which may move another: a few passes settle
    // it; the cap only guards against a layout that would never settle.
    if (!same && this.placementPasses < 4) {
      this.placementPasses += 1;
      this.sheeted = sheeted;
      this.requestUpdate();
    } else if (same) {
      this.placementPasses = 0;
    }
  }

  /** The first side (bottom, right, top, left) where the callout fits and covers no obstacle. */
  private freePlacement(rect: Rect, size: Size, obstacles: Rect[]): CalloutPlacement | null {
    for (const side of SIDES) {
      const place = placeCallout(rect, size, this.viewport, side);
      if (!place.fits) continue;
      const box = { x: place.x, y: place.y, ...size };
      if (!obstacles.some((o) => overlaps(box, o))) return place;
    }
    return null;
  }

  /** Where the hand is drawn for a target: its fingertip in the lower right part of the target. */
  private handBox(rect: Rect): Rect {
    const width = HAND_VIEWBOX.width * HAND_SCALE;
    const height = HAND_VIEWBOX.height * HAND_SCALE;
    const tipX = rect.x + Math.min(rect.width * 0.75, rect.width - 6);
    const tipY = rect.y + rect.height * 0.65;
    const x = Math.min(Math.max(tipX - HAND_TIP.x * HAND_SCALE, 0), this.viewport.width - width);
    const y = Math.min(Math.max(tipY - HAND_TIP.y * HAND_SCALE, 0), this.viewport.height - height);
    return { x, y, width, height };
  }

  private syncAnchors(): void {
    const names = new Set<string>();
    if (this.target) names.add(this.target);
    for (const c of this.callouts) if (c.target) names.add(c.target);
    for (const [name, anchor] of this.anchors) {
      if (names.has(name)) continue;
      anchor.dispose();
      this.anchors.delete(name);
    }
    for (const name of names) {
      if (this.anchors.has(name)) continue;
      this.anchors.set(name, new AnchorController(this, () => findHotspot(this.root ?? document, name)));
    }
  }

  private dismiss(i: number): void {
    const callout = this.callouts[i];
    if (!callout) return;
    this.dismissed = new Set(this.dismissed).add(i);
    this.requestUpdate();
    this.emit('mes-callout-dismiss', { index: i, callout });
  }

  private emit<K extends 'mes-zone-activate' | 'mes-outside-click' | 'mes-advance' | 'mes-callout-dismiss'>(
    name: K,
    detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
  ): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private readonly handleResize = (): void => {
    this.requestUpdate();
  };

  /**
   * The zone of the step before, kept while it has the focus (see willUpdate): where it was, with its name,
   * but hidden, not a hotspot, deaf to clicks (its tab index left as it is: changing it, focused, would lay
   * the page out); dropped as soon as it loses the focus.
   */
  private leavingZone: { key: unknown; label: string; box: Record<'left' | 'top' | 'width' | 'height', string> } | null = null;

  /**
   * Lets the zone go as it loses the focus (to the new zone, in the step's task or the frame that draws it):
   * the update this asks for, in the microtasks right after, takes it away, no longer focused. Taken away by hand instead,
   * it left the list of zones that Lit keeps out of step with the page, and a later update moved the next
   * focused zone (which blurs it) or failed.
   */
  private readonly dropLeavingZone = (): void => {
    if (!this.leavingZone) return;
    this.leavingZone = null;
    const alone = !this.isUpdatePending;
    this.requestUpdate();
    this.droppedOnly = alone;
  };

  /** The pending update only takes the zone of the step before away: see updated(). */
  private droppedOnly = false;

  /** The pending update moves the bars' insets: see updated(). */
  private insetsMoved = false;

  /** Any other reason to update (a property, a size, a dismissed callout) may move the callouts. */
  override requestUpdate(...args: Parameters<LitElement['requestUpdate']>): void {
    this.droppedOnly = false;
    super.requestUpdate(...args);
  }

  private readonly handleZoneClick = (): void => {
    if (!this.target) return;
    this.emit('mes-zone-activate', { target: this.target, element: this.anchors.get(this.target)?.target ?? null });
  };

  /** Keeps the focus where it is (on the zone, say) when the refused click lands. */
  private readonly handleCatcherMouseDown = (e: MouseEvent): void => {
    e.preventDefault();
  };

  private readonly handleCatcherClick = (e: MouseEvent): void => {
    e.preventDefault();
    e.stopPropagation();
    if (this.target) this.emit('mes-outside-click', { target: this.target, x: e.clientX, y: e.clientY });
    else this.emit('mes-advance', { x: e.clientX, y: e.clientY });
  };
}
