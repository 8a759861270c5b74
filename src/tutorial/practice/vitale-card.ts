import { LitElement, css, html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PHOTO_SERIAL_LENGTH } from '../../domain/card';
import { formatNir } from '../../domain/nir';
import { redrawOnLanguageChange, t } from '../../i18n';
import type { PersonaData } from '../../scenarios/schema';

/**
 * The persona's carte Vitale, drawn (no official artwork, no logo): what the trainee reads the NIR and
 * the serial number from in practice and evaluation, and the figure of the fiche réflexe with the
 * number to find circled. The numbers sit where they are on the real cards: without photo, the NIR on
 * the front and the serial on the back, top left; with photo, NIR and serial on the front, the serial
 * top right.
 */

export type CardSide = 'front' | 'back';
export type CardHighlight = 'nir' | 'serial' | null;

/**
 * A card with photo prints a longer serial of which the person types the last 11 digits. Scenarios
 * store just those 11 (the value the site checks), so the drawing puts this fictitious prefix before
 * them: the trainee then has to pick the last 11, as with a real card.
 */
export const PHOTO_SERIAL_PREFIX = '8025';

/** The serial as printed on the card. */
export function printedSerial(card: PersonaData['card']): string {
  const digits = card.serial.replace(/\D/g, '');
  if (card.type === 'avec-photo' && digits.length <= PHOTO_SERIAL_LENGTH) return PHOTO_SERIAL_PREFIX + digits;
  return digits;
}

/** Where each number is drawn, or null when the side does not carry it. */
export function numberPlacement(type: PersonaData['card']['type'], side: CardSide): { nir: boolean; serial: 'top-left' | 'top-right' | null } {
  if (type === 'sans-photo') return side === 'front' ? { nir: true, serial: null } : { nir: false, serial: 'top-left' };
  return side === 'front' ? { nir: true, serial: 'top-right' } : { nir: false, serial: null };
}

// Card geometry: ISO ID-1 proportions (85.6 × 54 mm) at 5 units per millimetre.
const W = 428;
const H = 270;
const MONO = "'DejaVu Sans Mono', 'Liberation Mono', ui-monospace, monospace";
const SANS = "'Open Sans', Arial, Helvetica, sans-serif";
/** Advance of a monospace digit, in ems: enough to size the circle around a number. */
const MONO_ADVANCE = 0.6;
/** An average sans-serif capital, in ems: to squeeze a long name rather than let it overflow. */
const SANS_CAP_ADVANCE = 0.68;

const INK = '#1f2a1c';

function chip(x: number, y: number): SVGTemplateResult {
  return svg`<g>
    <rect x=${x} y=${y} width="58" height="44" rx="8" fill="#e8c85a" stroke="#a9862c" stroke-width="1.5" />
    <path d="M${x} ${y + 15}h20M${x} ${y + 29}h20M${x + 38} ${y + 15}h20M${x + 38} ${y + 29}h20M${x + 20} ${y}v44M${x + 38} ${y}v44"
      stroke="#a9862c" stroke-width="1.5" fill="none" />
  </g>`;
}

function bar(x: number, y: number, w: number, fill = '#9fc08a'): SVGTemplateResult {
  return svg`<rect x=${x} y=${y} width=${w} height="8" rx="4" fill=${fill} />`;
}

/** The brand line « carte Vitale » (own lettering) and the « Simulation » badge, on every side. */
function brand(x: number, y: number, color: string): SVGTemplateResult {
  return svg`<text x=${x} y=${y} font-family=${SANS} font-size="22" font-style="italic" fill=${color}>
    <tspan font-weight="400">${t('practice:card.brandSmall')}</tspan>
    <tspan font-weight="800">${t('practice:card.brandBig')}</tspan>
  </text>`;
}

function simulationBadge(x: number, y: number): SVGTemplateResult {
  return svg`<g>
    <rect x=${x} y=${y} width="104" height="24" rx="12" fill="#ffffff" stroke="#D81E7E" stroke-width="2" />
    <text x=${x + 52} y=${y + 17} text-anchor="middle" font-family=${SANS} font-size="13" font-weight="700" fill="#b0175f">
      ${t('practice:card.simulation')}
    </text>
  </g>`;
}

/** A line of text that is squeezed into `maxWidth` when it would run off the card. */
function fittedText(text: string, x: number, y: number, size: number, maxWidth: number, attrs: { family: string; weight: string; advance: number; cls: string }): SVGTemplateResult {
  const estimated = [...text].length * size * attrs.advance;
  return estimated > maxWidth
    ? svg`<text class=${attrs.cls} x=${x} y=${y} font-family=${attrs.family} font-size=${size} font-weight=${attrs.weight} fill=${INK}
        textLength=${maxWidth} lengthAdjust="spacingAndGlyphs">${text}</text>`
    : svg`<text class=${attrs.cls} x=${x} y=${y} font-family=${attrs.family} font-size=${size} font-weight=${attrs.weight} fill=${INK}>${text}</text>`;
}

/** The circle of the fiche réflexe around a number whose left edge, width and baseline are given. */
function ring(left: number, width: number, baseline: number, size: number): SVGTemplateResult {
  const cx = left + width / 2;
  const cy = baseline - size * 0.35;
  return svg`<ellipse class="ring" cx=${cx} cy=${cy} rx=${width / 2 + 16} ry=${size * 0.9 + 6}
    fill="none" stroke="#D81E7E" stroke-width="4" />`;
}

@customElement('mes-vitale-card')
export class MesVitaleCard extends LitElement {
  static override styles = css`
    :host {
      display: inline-block;
      width: 100%;
      max-width: 428px;
      vertical-align: top;
    }
    svg {
      display: block;
      width: 100%;
      height: auto;
      filter: drop-shadow(0 2px 6px rgba(38, 41, 57, 0.2));
    }
  `;

  constructor() {
    super();
    redrawOnLanguageChange(this);
  }

  /** The person whose card it is. */
  @property({ attribute: false }) persona!: PersonaData;
  @property({ reflect: true }) side: CardSide = 'front';
  /** The number to circle, for the fiche réflexe; nothing is circled when the side does not carry it. */
  @property({ attribute: false }) highlight: CardHighlight = null;

  /** What a screen reader says of the card: the same numbers, and where they are. */
  get label(): string {
    const p = this.persona;
    const type = p.card.type === 'sans-photo' ? 'sansPhoto' : 'avecPhoto';
    const values = {
      name: `${p.firstName} ${p.lastName}`,
      nir: formatNir(p.nir),
      serial: printedSerial(p.card),
    };
    let label = t(`practice:card.alt.${type}.${this.side}`, values);
    const placement = numberPlacement(p.card.type, this.side);
    if (this.highlight === 'nir' && placement.nir) label += ` ${t('practice:card.alt.highlightNir')}`;
    if (this.highlight === 'serial' && placement.serial) label += ` ${t('practice:card.alt.highlightSerial')}`;
    return label;
  }

  private get displayName(): string {
    return `${this.persona.firstName} ${this.persona.lastName}`.toLocaleUpperCase('fr');
  }

  private nirLine(x: number, y: number, size: number): SVGTemplateResult {
    const nir = formatNir(this.persona.nir);
    const width = [...nir].length * size * MONO_ADVANCE;
    return svg`<text class="nir" x=${x} y=${y} font-family=${MONO} font-size=${size} font-weight="700" fill=${INK}>${nir}</text>
      ${this.highlight === 'nir' ? ring(x, width, y, size) : nothing}`;
  }

  private serialLine(x: number, y: number, size: number, anchor: 'start' | 'end'): SVGTemplateResult {
    const serial = printedSerial(this.persona.card);
    const width = serial.length * size * MONO_ADVANCE;
    const left = anchor === 'start' ? x : x - width;
    return svg`<text class="serial" x=${x} y=${y} text-anchor=${anchor} font-family=${MONO} font-size=${size} font-weight="700" fill=${INK}>${serial}</text>
      ${this.highlight === 'serial' ? ring(left, width, y, size) : nothing}`;
  }

  private frontWithoutPhoto(): SVGTemplateResult {
    return svg`
      <rect x="1" y="1" width=${W - 2} height=${H - 2} rx="20" fill="url(#vitale-green)" stroke="#4f8a3a" stroke-width="2" />
      <path d="M1 120C120 80 250 170 427 110V249a20 20 0 0 1-20 20H21a20 20 0 0 1-20-20z" fill="#f3dc6b" opacity="0.75" />
      <path d="M1 150C140 118 260 196 427 140" stroke="#ffffff" stroke-width="3" fill="none" opacity="0.7" />
      ${brand(28, 46, '#ffffff')}
      ${simulationBadge(W - 132, 26)}
      ${chip(34, 92)}
      ${fittedText(this.displayName, 36, 200, 19, W - 72, { family: SANS, weight: '700', advance: SANS_CAP_ADVANCE, cls: 'name' })}
      ${this.nirLine(36, 236, 20)}
    `;
  }

  private backWithoutPhoto(): SVGTemplateResult {
    return svg`
      <rect x="1" y="1" width=${W - 2} height=${H - 2} rx="20" fill="#e6f2d9" stroke="#4f8a3a" stroke-width="2" />
      ${this.serialLine(28, 44, 19, 'start')}
      ${bar(28, 80, 300)} ${bar(28, 98, 260)} ${bar(28, 116, 330)} ${bar(28, 134, 220)}
      <rect x="1" y="168" width=${W - 2} height="40" fill="#9cc97a" />
      ${brand(28, 245, '#3d7a2a')}
      ${simulationBadge(W - 132, 226)}
    `;
  }

  private frontWithPhoto(): SVGTemplateResult {
    return svg`
      <rect x="1" y="1" width=${W - 2} height=${H - 2} rx="20" fill="url(#vitale-photo)" stroke="#4f8a3a" stroke-width="2" />
      ${brand(24, 42, '#2f6a22')}
      ${this.serialLine(W - 24, 42, 16, 'end')}
      <g class="photo">
        <rect x="26" y="70" width="96" height="122" rx="8" fill="#c9d3ea" stroke="#8a94b0" stroke-width="1.5" />
        <circle cx="74" cy="116" r="24" fill="#ffffff" />
        <path d="M36 192c4-36 72-36 76 0z" fill="#ffffff" />
      </g>
      ${chip(146, 84)}
      ${fittedText(this.displayName, 146, 170, 17, W - 146 - 24, { family: SANS, weight: '700', advance: SANS_CAP_ADVANCE, cls: 'name' })}
      ${this.nirLine(146, 204, 17)}
      ${simulationBadge(W - 128, H - 44)}
    `;
  }

  private backWithPhoto(): SVGTemplateResult {
    return svg`
      <rect x="1" y="1" width=${W - 2} height=${H - 2} rx="20" fill="#eef6df" stroke="#4f8a3a" stroke-width="2" />
      <rect x="1" y="30" width=${W - 2} height="34" fill="#b9d98f" />
      ${bar(28, 92, 320)} ${bar(28, 110, 280)} ${bar(28, 128, 340)} ${bar(28, 146, 240)} ${bar(28, 164, 300)}
      ${brand(28, 236, '#3d7a2a')}
      ${simulationBadge(W - 132, 218)}
    `;
  }

  override render(): TemplateResult | typeof nothing {
    if (!this.persona) return nothing;
    const withPhoto = this.persona.card.type === 'avec-photo';
    const body =
      this.side === 'front'
        ? withPhoto
          ? this.frontWithPhoto()
          : this.frontWithoutPhoto()
        : withPhoto
          ? this.backWithPhoto()
          : this.backWithoutPhoto();
    return html`<svg
      viewBox="0 0 ${W} ${H}"
      role="img"
      aria-label=${this.label}
      data-card-type=${this.persona.card.type}
      data-side=${this.side}
    >
      <defs>
        <linearGradient id="vitale-green" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stop-color="#3f9a3a" />
          <stop offset="0.55" stop-color="#7cc05a" />
          <stop offset="1" stop-color="#c9e27a" />
        </linearGradient>
        <linearGradient id="vitale-photo" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stop-color="#d8eec6" />
          <stop offset="0.6" stop-color="#eef5c8" />
          <stop offset="1" stop-color="#f6e58a" />
        </linearGradient>
      </defs>
      ${body}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mes-vitale-card': MesVitaleCard;
  }
}
