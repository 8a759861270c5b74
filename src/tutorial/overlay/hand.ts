import { svg } from 'lit';

/**
 * A pointing hand (own drawing), the seed's sign of « the only clickable zone ». The fingertip is at
 * HAND_TIP in the 48×56 viewBox, so that the overlay can put the tip on the target.
 */
export const HAND_VIEWBOX = { width: 48, height: 56 } as const;
export const HAND_TIP = { x: 18.5, y: 3.5 } as const;

export const handIcon = svg`
  <path
    d="M14 30V8a4.5 4.5 0 0 1 9 0V22a4 4 0 0 1 8 0V24a4 4 0 0 1 8 0V27a3.5 3.5 0 0 1 7 0V38c0 8-6 14-14 14h-5c-6 0-9-3-12-8l-8-12a3.5 3.5 0 0 1 5.5-4.3L14 30Z"
    fill="#fff"
    stroke="#0C419A"
    stroke-width="2.5"
    stroke-linejoin="round"
  />
  <path d="M23 22v8M31 24v7M39 27v6" fill="none" stroke="#0C419A" stroke-width="2" stroke-linecap="round" />
  <path d="M16 6.5a3 3 0 0 1 5 0" fill="none" stroke="#D81E7E" stroke-width="2" stroke-linecap="round" />
`;
