/**
 * The simulator's own wordmark « mon ESPACE SANTÉ » (not the official logo: no Marianne, no State
 * typeface). The markup lives here rather than behind an `import …svg` so that vite and the
 * web-test-runner's esbuild serve it alike; assets/wordmark.svg and assets/favicon.svg are byte-for-byte
 * copies, checked by tests/browser/frame.test.ts.
 *
 * Its words are outlines, not SVG text, so the logo needs no text layout and no font: each word is one
 * path of Open Sans glyphs (« mon » bold 700, ESPACE and SANTÉ extra-bold 800), stretched to its width
 * in the lock-up. Generated from the @fontsource/open-sans files by
 * `node scripts/wordmark-outline.mjs --write` (which rewrites this constant and assets/wordmark.svg);
 * tests/unit/app/wordmark-outline.test.ts fails when they no longer agree with it.
 */
export const WORDMARK_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 140 52" width="140" height="52">
  <title>mon ESPACE SANTÉ</title>
  <rect x="0" y="2" width="48" height="48" rx="12" fill="#0C419A"/>
  <circle cx="22" cy="29" r="12" fill="none" stroke="#FFFFFF" stroke-width="5"/>
  <circle cx="35" cy="16" r="6.5" fill="#D81E7E"/>
  <path fill="#0C419A" transform="matrix(.00518919 0 0 -.00585938 57 13)" d="M1473 1139q190 0 288-97t97-313v-729h-306v653q0 120-41 181t-127 61q-121 0-172-86t-51-248v-561h-305v653q0 80-18 134t-55 81-95 27q-85 0-133-42t-69-125-21-202v-526h-305v1118h233l41-143h17q34 58 86 94t113 53 126 17q123 0 209-40t131-124h27q50 86 142 125t188 39zm1714-578q0-140-37-248t-109-182-172-113-227-38q-118 0-216 38t-171 113-112 182-40 248q0 186 66 315t188 196 291 67q157 0 279-67t191-196 69-315zm-773 0q0-110 24-185t75-113 133-38 132 38 74 113 23 185-23 185q-24 73-75 110t-133 37q-121 0-175-83t-55-249zm1660 578q179 0 288-97t109-313v-729h-305v653q0 120-43 181t-137 61q-140 0-191-95t-51-274v-526h-305v1118h233l41-143h17q36 58 90 94t119 53 135 17z"/>
  <path fill="#0C419A" transform="matrix(.0106101 0 0 -.00927734 56 31)" d="M1026 0h-868v1462h868v-317h-473v-230h438v-317h-438v-276h473zm1212 444q0-119-60-225t-186-173-327-66q-100 0-175 9t-141 30-135 53v352q119-60 240-91t219-32q59 0 97 14t55 39 18 56q0 38-26 65t-85 55-153 72q-81 38-146 78t-112 92-72 120-25 163q0 141 70 237t194 143 287 48q143 0 258-32t205-73l-121-305q-94 43-185 69t-169 25q-51 0-83-12t-48-34-16-48q0-34 27-61t89-58 170-82q107-48 182-103t115-133 39-192zm732 1018q278 0 417-121t138-344q0-100-28-192t-93-164-171-114-263-42h-111v-485h-395v1462zm-9-319h-102v-336h78q51 0 95 18t71 57 26 105q0 69-41 113t-127 43zm1694-1143l-72 274h-475l-74-274h-434l477 1468h527l483-1468zm-154 598l-63 240q-10 39-29 112t-37 150-29 127q-9-50-25-123t-34-146-31-120l-63-240zm1395 561q-70 0-125-29t-94-86-59-136q-21-81-21-183 0-138 35-232t107-142 179-48q98 0 189 27t182 65v-334q-97-43-198-62t-216-19q-238 0-389 95t-223 262-72 390q0 166 47 304t136 240 223 157q132 55 303 55 106 0 224-24t229-79l-121-311q-80 38-162 64t-174 26zm1546-1159h-868v1462h868v-317h-473v-230h438v-317h-438v-276h473z"/>
  <path fill="#D81E7E" transform="matrix(.0098346 0 0 -.00927734 56 49)" d="M1114 444q0-119-60-225t-186-173-327-66q-100 0-175 9t-141 30-135 53v352q119-60 240-91t219-32q59 0 97 14t55 39 18 56q0 38-26 65t-85 55-153 72q-81 38-146 78t-112 92-72 120-25 163q0 141 70 237t194 143 287 48q143 0 258-32t205-73l-121-305q-94 43-185 69t-169 25q-51 0-83-12t-48-34-16-48q0-34 27-61t89-58 170-82q107-48 182-103t115-133 39-192zm1123-444l-72 274h-475l-74-274h-434l477 1468h527l483-1468zm-154 598l-63 240q-10 39-29 112t-37 150-29 127q-9-50-25-123t-34-146-31-120l-63-240zm2136-598h-518l-534 1030h-9q5-47 9-113t7-134 3-124v-659h-350v1462h516l532-1016h6q-3 48-6 112t-5 128-3 115v661h352zm961 0h-395v1139h-357v323h1108v-323h-356zm1433 0h-868v1462h868v-317h-473v-230h438v-317h-438v-276h473zm53 1899v-21q-36-29-92-70t-118-86-121-85-101-66h-260v29q35 38 84 91t98 107 82 101z"/>
</svg>
`;

/** The mark alone, for the browser tab. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">
  <title>mon ESPACE SANTÉ</title>
  <rect x="0" y="0" width="48" height="48" rx="12" fill="#0C419A"/>
  <circle cx="22" cy="27" r="12" fill="none" stroke="#FFFFFF" stroke-width="5"/>
  <circle cx="35" cy="14" r="6.5" fill="#D81E7E"/>
</svg>
`;
