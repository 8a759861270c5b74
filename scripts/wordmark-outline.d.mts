export interface Point {
  x: number;
  y: number;
  on: boolean;
}
export interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface Font {
  unitsPerEm: number;
  headBox: Box;
  numGlyphs: number;
  glyphId(char: string): number;
  advance(id: number): number;
  box(id: number): Box | null;
  contours(id: number): Point[][];
}
export interface Word {
  text: string;
  x: number;
  y: number;
  size: number;
  weight: number;
  fill: string;
  textLength: number;
}
export declare function fontFile(weight: number): string;
export declare function woffTables(bytes: Uint8Array): Map<string, Buffer>;
export declare function parseFont(bytes: Uint8Array): Font;
export interface Segment {
  control?: { x: number; y: number };
  to: { x: number; y: number };
}
export declare function contourSegments(contour: Point[]): { start: { x: number; y: number }; segments: Segment[] };
export declare function pathData(contours: Point[][], step?: number): string;
export declare function num(v: number): string;
export declare const STEP: number;
export declare function wordPath(
  font: Font,
  text: string,
  at: { x: number; y: number; size: number; textLength?: number },
  step?: number,
): { d: string; transform: string };
export declare const WORDS: readonly Word[];
export declare function wordmarkSvg(readFont?: (weight: number) => Font, step?: number): string;
export declare function withWordmark(source: string, svg: string): string;
