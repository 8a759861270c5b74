import { HAND_ICON_TIP, HAND_ICON_VIEWBOX, handIcon } from '../slides/hand-icon';

/**
 * The overlay shows the very hand of the « Mode d'emploi » slide (src/tutorial/slides/hand-icon.ts),
 * so that what the trainee was told to look for is what appears on the site. Its viewBox is read as
 * numbers here, for placing the fingertip on the target.
 */
const [, , width, height] = HAND_ICON_VIEWBOX.split(/[\s,]+/).map(Number);

export const HAND_VIEWBOX = { width: width || 64, height: height || 64 } as const;
export const HAND_TIP = HAND_ICON_TIP;
export { handIcon };
