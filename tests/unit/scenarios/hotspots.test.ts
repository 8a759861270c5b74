import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHotspots, hotspotsModule, screenTags } from '../../../src/scenarios/hotspots';
import { GENERATED_HOTSPOTS } from '../../../src/scenarios/hotspots.generated';
import { siteGraph } from '../../../src/scenarios/check';
import { HOTSPOTS_FILE } from '../../../scripts/scenarios-cli';
import { readHotspots } from '../../../scripts/scenarios-env';

/** The zones of each screen, read from the screens' sources (src/scenarios/hotspots.ts). */

describe('the extractor', () => {
  // A small site in the style of src/site/screens: helpers with defaults, base-class methods, local
  // arrow functions, callbacks whose parameters are only known at run time.
  const files: Record<string, string> = {
    'src/site/render.ts': 'html`<mes-a data-screen="a" .ctx=${ctx}></mes-a>`; html`<mes-b data-screen="b"></mes-b>`;',
    'src/app/site-frame.ts': "@customElement('mes-site-frame') class F extends LitElement { render() { return html`<button data-hotspot=\"logo\"></button>`; } }",
    'src/site/screens/helpers.ts': `
      export function backButton(onClick: () => void, hotspot = 'back') { return html\`<button data-hotspot=\${hotspot}></button>\`; }
      export function mainButton(opts: { hotspot?: string }) { return html\`<button data-hotspot=\${opts.hotspot ?? 'submit'}></button>\`; }
      export abstract class Base extends LitElement {
        protected renderHelp(which: string) { return html\`<a data-hotspot="help-\${which}"></a>\`; }
        protected unused() { return html\`<a data-hotspot="never"></a>\`; }
      }`,
    'src/site/screens/a.ts': `
      @customElement('mes-a') class A extends Base {
        override render() {
          const option = (type: string) => html\`<label data-hotspot="card-\${type}"></label>\`;
          return html\`\${backButton(() => 1)} \${mainButton({ hotspot: 'go' })} \${option('x')} \${option('y')}
            \${this.renderHelp('nir')} \${this.items.map((item, n) => html\`<li data-hotspot=\${\`item-\${n}\`}></li>\`)}\`;
        }
      }`,
    'src/site/screens/b.ts': "@customElement('mes-b') class B extends LitElement { render() { return html`${mainButton({})} <p data-hotspot=${this.x}></p>`; } }",
  };
  const result = extractHotspots(files);

  it('follows helpers, defaults, methods of base classes and local functions', () => {
    expect(result.screens.a).toEqual(['back', 'card-x', 'card-y', 'go', 'help-nir', 'item-*']);
    expect(result.screens.b).toEqual(['submit']);
    expect(result.frame).toEqual(['logo']);
  });

  it('warns about a name known only at run time, with its place', () => {
    expect(result.warnings).toEqual(['src/site/screens/b.ts:1 data-hotspot']);
  });

  it('maps element tags to screens as render.ts does', () => {
    expect([...screenTags(files['src/site/render.ts'] ?? '')]).toEqual([
      ['mes-a', 'a'],
      ['mes-b', 'b'],
    ]);
  });
});

describe('the zones of the real screens', () => {
  const extracted = readHotspots();

  it('are all worked out from the sources (no warning)', () => {
    expect(extracted.warnings).toEqual([]);
  });

  it('cover every screen of the site machine, with the frame on each', () => {
    expect(Object.keys(extracted.screens).sort()).toEqual([...siteGraph().screens].sort());
    expect(extracted.frame).toEqual(['help', 'logo']);
    expect(extracted.screens.identify).toEqual(expect.arrayContaining(['code', 'nir', 'card-sans-photo', 'card-avec-photo', 'serial', 'submit', 'new-code']));
    expect(extracted.screens.opposed).toEqual(expect.arrayContaining(['download-proof', 'manage-*']));
  });

  it('are the ones the app reads: src/scenarios/hotspots.generated.ts is up to date (npm run scenarios:schema)', () => {
    const { warnings: _warnings, ...map } = extracted;
    expect(readFileSync(HOTSPOTS_FILE, 'utf8')).toBe(hotspotsModule(map));
    expect(GENERATED_HOTSPOTS).toEqual(map);
  });
});
