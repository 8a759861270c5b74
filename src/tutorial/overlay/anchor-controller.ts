import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { awaitsFrame, cancelFrameWork, readInNextFrame } from './frame-phases';
import { rectChanged, type Rect } from './geometry';

/** How long a frame may be waited for before a timer does the check instead. */
const FRAME_FALLBACK_MS = 100;
/**
 * The checks after the first one are made by a timer at this interval, not in animation frames: a frame
 * asked for only to read a rect still goes through the page's rendering and its commit, and right after a
 * step is drawn that commit waits for the step's raster (tens of milliseconds in software), holding the
 * page's thread. A rect that did change is drawn in the next frame.
 */
const SETTLE_INTERVAL_MS = 20;

export interface AnchorOptions {
  /** Frames during which the rect is re-read after each host update (screens re-render without events). */
  settleFrames?: number;
  /** Frames during which a missing target is looked for at every frame before polling more slowly. */
  retryFrames?: number;
  /** Delay between two looks for a target still missing after `retryFrames`, in ms. */
  pollInterval?: number;
}

/**
 * Keeps the viewport rect of a target element up to date for a lit host, as Material Web's
 * SurfacePositionController does for menus: window resize, scroll of any scroller (the document's and
 * those inside shadow roots, whose scroll events do not leave their tree), ResizeObserver on the target
 * and on document.body, and a check at the next animation frame after each host update, then a few more by
 * a timer (SETTLE_INTERVAL_MS). The
 * target is resolved again at every check, so a screen that re-renders its button is followed. The host
 * is asked to update only when the rect really changed.
 */
export class AnchorController implements ReactiveController {
  /** The target's rect in viewport coordinates, or null while it is not rendered. */
  rect: Rect | null = null;
  /** The element last resolved. */
  target: HTMLElement | null = null;
  /** Whether the target has been looked for once: until then, a null rect says nothing yet. */
  measured = false;

  private readonly host: ReactiveControllerHost;
  private readonly resolve: () => HTMLElement | null;
  private readonly settleFrames: number;
  private readonly retryFrames: number;
  private readonly pollInterval: number;
  private frameTimer: ReturnType<typeof setTimeout> | undefined;
  private framesLeft = 0;
  private missedFrames = 0;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private observeTimer: ReturnType<typeof setTimeout> | undefined;
  private resizeObserver: ResizeObserver | null = null;
  private scrollRoots: Array<Document | ShadowRoot> = [];
  private connected = false;

  constructor(host: ReactiveControllerHost, resolve: () => HTMLElement | null, options: AnchorOptions = {}) {
    this.host = host;
    this.resolve = resolve;
    this.settleFrames = options.settleFrames ?? 8;
    this.retryFrames = options.retryFrames ?? 120;
    this.pollInterval = options.pollInterval ?? 250;
    host.addController(this);
  }

  /** True when no check is pending: the rect is final until the next resize, scroll or update. */
  get idle(): boolean {
    return !awaitsFrame(this.tick) && this.frameTimer === undefined && this.pollTimer === undefined;
  }

  hostConnected(): void {
    if (this.connected) return;
    this.connected = true;
    window.addEventListener('resize', this.handleChange, { passive: true });
    // Capture: scroll events do not bubble, but every scroll of the document's elements passes here.
    window.addEventListener('scroll', this.handleChange, { capture: true, passive: true });
    this.resizeObserver = new ResizeObserver(this.handleResize);
    this.resizeObserver.observe(document.body);
    // Measured at the next frame, not now: the host is being rendered (the target maybe too), and a
    // read now would lay the page out once more before that frame does it anyway.
    this.settle(this.settleFrames);
  }

  hostDisconnected(): void {
    if (!this.connected) return;
    this.connected = false;
    window.removeEventListener('resize', this.handleChange);
    window.removeEventListener('scroll', this.handleChange, { capture: true });
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.listenToScrollRoots([]);
    cancelFrameWork(this.tick);
    clearTimeout(this.frameTimer);
    this.frameTimer = undefined;
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    clearTimeout(this.observeTimer);
    this.target = null;
  }

  hostUpdated(): void {
    this.settle(this.settleFrames);
  }

  /** Looks for the target again from the next frame on (after the site changed screen, say). */
  refresh(): void {
    this.missedFrames = 0;
    this.settle(this.settleFrames);
  }

  /** Stops listening for good: for hosts that drop this controller while staying connected. */
  dispose(): void {
    this.hostDisconnected();
    this.host.removeController(this);
  }

  /** Reads the target's rect now; returns whether it changed (the host was then asked to update). */
  measure(): boolean {
    if (!this.connected) return false;
    const el = this.resolve();
    if (el !== this.target) {
      this.retarget(el);
    }
    const box = el?.getBoundingClientRect();
    const rect = box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null;
    // The first look tells the host even that the target is missing: it then shows what stood waiting.
    const first = !this.measured;
    this.measured = true;
    if (!first && !rectChanged(this.rect, rect)) return false;
    this.rect = rect;
    this.host.requestUpdate();
    return true;
  }

  private readonly handleChange = (): void => {
    this.settle(Math.max(1, this.framesLeft));
  };

  /**
   * A size changed: observed while a frame is drawn (after its layout), where a check asked for in an
   * animation frame would make one more frame follow at once; a timer checks right after this one instead.
   */
  private readonly handleResize = (): void => {
    if (!this.connected) return;
    this.framesLeft = Math.max(this.framesLeft, 1);
    this.nextFrame(true);
  };

  private settle(frames: number): void {
    if (!this.connected) return;
    this.framesLeft = Math.max(this.framesLeft, frames);
    this.nextFrame();
  }

  /**
   * The next frame, or a timer where no frame comes: requestAnimationFrame stops in a page that is not
   * shown (a background tab, a test page run beside another) and the rect must still be kept right.
   */
  private nextFrame(later = false): void {
    if (awaitsFrame(this.tick) || this.frameTimer !== undefined) return;
    if (later) {
      this.frameTimer = setTimeout(this.tick, SETTLE_INTERVAL_MS);
      return;
    }
    // In the frame's read phase, with the other anchors: the page is laid out once for all of them.
    readInNextFrame(this.tick);
    this.frameTimer = setTimeout(this.tick, FRAME_FALLBACK_MS);
  }

  private readonly tick = (): void => {
    cancelFrameWork(this.tick);
    clearTimeout(this.frameTimer);
    this.frameTimer = undefined;
    // In a frame, a changed rect asks the host for an update that runs in the microtasks right after the
    // frame's reads, before its writes (frame-phases): the host is drawn in that frame.
    this.measure();
    this.framesLeft = Math.max(0, this.framesLeft - 1);
    if (this.target) {
      this.missedFrames = 0;
      if (this.framesLeft > 0) this.nextFrame(true);
      return;
    }
    // Not rendered yet (a screen still loading): every frame for a while, then a slow poll, so that a
    // target which appears late is still found without burning every frame.
    this.missedFrames += 1;
    if (this.missedFrames < this.retryFrames || this.framesLeft > 0) {
      this.nextFrame(true);
    } else if (this.pollTimer === undefined) {
      this.pollTimer = setTimeout(() => {
        this.pollTimer = undefined;
        this.settle(1);
      }, this.pollInterval);
    }
  };

  private retarget(el: HTMLElement | null): void {
    if (this.target) this.resizeObserver?.unobserve(this.target);
    this.target = el;
    clearTimeout(this.observeTimer);
    // Observed from the next task, not now: a target is found in a new step's task or the frame that draws
    // it, and observing it there asks for one more frame right after the step's (to report its first size), whose
    // commit waits for the raster of the first: the whole new screen, tens of milliseconds in software.
    // Its size until then is the one just measured; the settling checks that follow still read it.
    if (el) {
      this.observeTimer = setTimeout(() => {
        if (this.target === el && this.connected) this.resizeObserver?.observe(el);
      }, 0);
    }
    this.listenToScrollRoots(el ? shadowRootsAbove(el) : []);
  }

  private listenToScrollRoots(roots: Array<Document | ShadowRoot>): void {
    for (const root of this.scrollRoots) root.removeEventListener('scroll', this.handleChange, { capture: true });
    this.scrollRoots = roots;
    for (const root of roots) root.addEventListener('scroll', this.handleChange, { capture: true, passive: true });
  }
}

/**
 * Every shadow root met walking up the flat tree from `el` (through slots and shadow hosts): a scroller
 * that moves `el` is in one of them, and its non-composed scroll event is seen only there.
 */
export function shadowRootsAbove(el: Element): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let node: Node | null = el;
  while (node) {
    const slot: HTMLSlotElement | null = node instanceof Element || node instanceof Text ? node.assignedSlot : null;
    const parent: Node | null = slot ?? node.parentNode;
    if (parent instanceof ShadowRoot) {
      roots.push(parent);
      node = parent.host;
    } else {
      node = parent;
    }
  }
  return roots;
}
