export declare const BUDGETS: { firstSlideKb: number; allButPdfKb: number };
export declare function gzipSize(path: string): number;
export declare function pdfPackages(root?: string): Set<string>;
export interface DistScript {
  file: string;
  gzip: number;
  pdf: boolean;
}
export declare function inlineScripts(dist?: string): DistScript[];
export declare function distScripts(dist?: string, root?: string): DistScript[];
export declare function kb(bytes: number): number;
export declare function dataFiles(dist?: string): Array<{ file: string; gzip: number }>;
