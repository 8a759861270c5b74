import type { Mode, TutorialEvent } from './machine';

/**
 * The link between the player (the trainee's screen, often fullscreen on the room's projector) and the
 * presenter view (the trainer's own window of the same browser): a BroadcastChannel, so that no server
 * is involved. The player says where it is on every step change; the presenter sends commands, which
 * the player obeys as if its own keys had been pressed.
 */
export const PRESENTER_CHANNEL = 'mes-presenter';

export type PresenterCommand = 'NEXT' | 'PREV' | 'GOTO';

export interface PresenterState {
  type: 'state';
  scenario: string;
  stepIndex: number;
  mode: Mode;
}

export interface PresenterCommandMessage {
  type: 'command';
  command: PresenterCommand;
  stepIndex?: number;
}

/** A presenter window that opens after the player asks where it is (the player answers with its state). */
export interface PresenterHello {
  type: 'hello';
}

export type PresenterMessage = PresenterState | PresenterCommandMessage | PresenterHello;

/** What a BroadcastChannel offers that the link uses (a test may pass its own pair). */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

const MODES: readonly string[] = ['demo', 'guided', 'practice', 'evaluation'];

/** The message, if it is one of the link's (another page of the origin could post anything). */
export function parsePresenterMessage(data: unknown): PresenterMessage | null {
  if (!data || typeof data !== 'object') return null;
  const m = data as Record<string, unknown>;
  if (m.type === 'hello') return { type: 'hello' };
  if (m.type === 'state') {
    if (typeof m.scenario !== 'string' || !Number.isInteger(m.stepIndex) || !MODES.includes(m.mode as string)) return null;
    return { type: 'state', scenario: m.scenario, stepIndex: m.stepIndex as number, mode: m.mode as Mode };
  }
  if (m.type === 'command') {
    if (m.command !== 'NEXT' && m.command !== 'PREV' && m.command !== 'GOTO') return null;
    if (m.command === 'GOTO') return Number.isInteger(m.stepIndex) ? { type: 'command', command: 'GOTO', stepIndex: m.stepIndex as number } : null;
    return { type: 'command', command: m.command };
  }
  return null;
}

/** Where the player is, as far as a command is concerned. */
export interface PlayerPosition {
  mode: Mode;
  /** The tutorial waits for the trainee (not preparing nor playing a step). */
  waiting: boolean;
  /** The step has a zone to click on the site. */
  hasZone: boolean;
}

/**
 * The tutorial event a presenter's command stands for. NEXT on a guided step with a zone is the zone's
 * click (the presenter advances the room's screen, the site acting as the trainee would have); while the
 * player is busy, NEXT and PREV wait, as the player's own keys do.
 */
export function commandEvent(message: PresenterCommandMessage, at: PlayerPosition): TutorialEvent | null {
  switch (message.command) {
    case 'GOTO':
      return message.stepIndex === undefined ? null : { type: 'GOTO', stepIndex: message.stepIndex };
    case 'PREV':
      return { type: 'PREV' };
    case 'NEXT':
      if (!at.waiting) return null;
      return (at.mode === 'guided' || at.mode === 'demo') && at.hasZone ? { type: 'ZONE' } : { type: 'NEXT' };
  }
}

export interface PresenterLinkOptions {
  /** The player's side: obey a command. */
  onCommand?: (message: PresenterCommandMessage) => void;
  /** The presenter's side: the player moved. */
  onState?: (state: PresenterState) => void;
  /** The player's side: a presenter asks where the player is. */
  onHello?: () => void;
  channel?: ChannelLike;
}

/** One end of the link; the player and the presenter view each hold one. */
export class PresenterLink {
  private readonly channel: ChannelLike | null;
  private last: string | null = null;

  constructor(private readonly options: PresenterLinkOptions) {
    this.channel = options.channel ?? (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(PRESENTER_CHANNEL));
    this.channel?.addEventListener('message', this.receive);
  }

  private readonly receive = (event: MessageEvent): void => {
    const message = parsePresenterMessage(event.data);
    if (!message) return;
    if (message.type === 'command') this.options.onCommand?.(message);
    else if (message.type === 'state') this.options.onState?.(message);
    else this.options.onHello?.();
  };

  /** The player's position; sent only when it changed, unless `force` (an answer to a hello). */
  postState(state: Omit<PresenterState, 'type'>, force = false): void {
    const message: PresenterState = { type: 'state', ...state };
    const key = JSON.stringify(message);
    if (!force && key === this.last) return;
    this.last = key;
    this.channel?.postMessage(message);
  }

  command(command: PresenterCommand, stepIndex?: number): void {
    const message: PresenterCommandMessage = { type: 'command', command, ...(stepIndex === undefined ? {} : { stepIndex }) };
    this.channel?.postMessage(message);
  }

  hello(): void {
    this.channel?.postMessage({ type: 'hello' } satisfies PresenterHello);
  }

  close(): void {
    this.channel?.removeEventListener('message', this.receive);
    this.channel?.close();
  }
}
