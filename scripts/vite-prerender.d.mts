import type { Plugin } from 'vite';
export declare function prerenderedFirstSlide(): Plugin;
export declare function prerenderFirstSlide(dir: string): Promise<{ html: string; fonts: string[] }>;
