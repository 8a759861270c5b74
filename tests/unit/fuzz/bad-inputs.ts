/**
 * A corpus of bad inputs for every field of the site's forms: empty and blank, too long, wrong NIR keys
 * and look-alike codes, control and invisible characters, emoji, other scripts and look-alike digits,
 * injected HTML and script, template and format strings. Each is refused by the format fields (code,
 * NIR, card type, serial, date of birth, e-mail, mobile, one-time code); the free-text fields
 * (identifier, password) may accept some, and the tests say what they expect then.
 */

export type BadInputKind = 'empty' | 'long' | 'wrongKey' | 'control' | 'emoji' | 'script' | 'html' | 'format';

export interface BadInput {
  kind: BadInputKind;
  value: string;
}

const entries: BadInput[] = [];
const add = (kind: BadInputKind, ...values: string[]) => {
  for (const value of values) entries.push({ kind, value });
};

// Empty and blank: nothing, spaces, tabs, non-breaking and other Unicode spaces.
add('empty', '', ' ', '   ', '\t', '\n', '\r\n', '\u00a0', '\u202f', '\u2003', '\u3000', ' \t \n ');

// Too long: far beyond every field's length.
add(
  'long',
  'a'.repeat(101),
  'A'.repeat(256),
  '1'.repeat(16),
  '1'.repeat(100),
  '9'.repeat(1000),
  'Kp7RmX2qLa9T'.repeat(2),
  'Kp7RmX2qLa9TX',
  '2690544109038571',
  '090734581260000',
  `${'x'.repeat(250)}@example.fr`,
  '06111213141516',
  '0611121314 0611121314',
  '1234567',
  '12/05/19690',
  'é'.repeat(5000),
  '😀'.repeat(300),
  'z'.repeat(10_000),
);

// Wrong keys and near misses: a NIR with a wrong key, the seed's placeholder, look-alike codes and dates.
add(
  'wrongKey',
  '269054410903858',
  '2 69 05 44 109 038 58',
  '1 55 12 55 555 555 55',
  '155125555555555',
  '369054410903857',
  '2691344109038 57',
  '26905441090385',
  '2 69 05 2C 109 038 57',
  'Kp7RmX2qLa9',
  'Kp7RmX2qLa9T!',
  'Kp7RmX2qLa9T.',
  'Kp7-RmX2-qLa9',
  'Kp7RmX2qLa9_',
  '0907345812A',
  '09-07-34-58-12',
  '+33 6 11 12 13',
  '06.11.12.13.1',
  '01.23.45.67.89',
  '05-11-12-13-14',
  '+44 7700 900123',
  '+33 5 11 12 13 14',
  '31/02/2000',
  '00/00/0000',
  '12/13/1969',
  '1969-05-12',
  '12/05-1969',
  '12 05 1969',
  '12/05/69',
  '32/01/1990',
  '29/02/2023',
  '01/01/1800',
  '01/01/2999',
  'martine.leguellec@',
  '@example.fr',
  'martine leguellec@example.fr',
  'martine@@example.fr',
  'martine@example',
  'martine@exa mple.fr',
  '.martine@example.fr',
  '12345',
  '1234567',
  '12 34 5',
  'abcdef',
  '12345a',
);

// Control, invisible and direction characters, alone and inside otherwise plausible values.
add(
  'control',
  '\u0000',
  'Kp7RmX2q\u0000La9T',
  '\u0007\u0008',
  '\u001b[31mrouge\u001b[0m',
  '\u007f',
  '\u0085',
  '\u200b',
  'Kp7RmX\u200b2qLa9T',
  '\u200c\u200d',
  '\u2060',
  '2690544\ufeff10903857',
  '\u202e269054410903857',
  '\u202dKp7RmX2qLa9T',
  '\u2028',
  '\u2029',
  '\ud800',
  '\udfff',
  '0611\u00ad121314',
  'martine\u0000@example.fr',
  '12/05\u0000/1969',
  '123\u0000456',
  'ligne 1\nligne 2',
  '\r',
  '\v\f',
  '\u0001\u0002\u0003',
  '\u009b',
  '\ufffd',
  '\uffff',
);

// Emoji: plain, with modifiers, joined sequences, flags, keycaps.
add(
  'emoji',
  '😀',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🇫🇷',
  '1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣',
  '❤️',
  'Kp7RmX2qLa9😀',
  '2690544109038😀',
  'martine😀@example.fr',
  '06 11 12 13 1😀',
  '12/05/1969😀',
  '🏥🩺💊',
  '🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖🤖',
  '🔑',
  '©®™',
);

// Other scripts and look-alike characters: Cyrillic and Greek letters that look Latin, full-width and
// Arabic-Indic digits, right-to-left text, ideographs, combining accents.
add(
  'script',
  'Кр7RmX2qLa9T',
  'Kp7RmX2qLa9Τ',
  'Κр7ЯmХ2qLа9Т',
  '２６９０５４４１０９０３８５７',
  '٢٦٩٠٥٤٤١٠٩٠٣٨٥٧',
  '۰۹۰۷۳۴۵۸۱۲۶',
  '०६१११२१३१४',
  '١٢/٠٥/١٩٦٩',
  '一二三四五六',
  '李雷',
  'مرحبا بالعالم',
  'שלום',
  'Привет мир',
  'Γειά σου',
  'こんにちは',
  '안녕하세요',
  'ไทย',
  'ሰላም',
  'e\u0301',
  'Kp7RmX2qLa9T\u0301',
  'ﬁ',
  'Ⅻ',
  '¹²³⁴⁵⁶',
  '𝟎𝟔𝟏𝟏𝟏𝟐𝟏𝟑𝟏𝟒',
  'ｍａｒｔｉｎｅ＠ｅｘａｍｐｌｅ．ｆｒ',
  'martine@exämple.fr',
  'mártine@example.fr',
  'ÀÉÎÕÜ',
);

// Injected HTML and script: must be shown as typed, never interpreted.
add(
  'html',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'><script>alert(document.cookie)</script>",
  '<b>gras</b>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">clic</a>',
  'javascript:alert(1)',
  '<style>*{display:none}</style>',
  '<!--',
  '-->',
  '<![CDATA[x]]>',
  '&lt;b&gt;',
  '&#60;script&#62;',
  '<math><mtext><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<body onload=alert(1)>',
  '<object data="data:text/html,<script>alert(1)</script>">',
  '<svg><use href="#x"/></svg>',
  '<img src=x onerror=alert(1)>@example.fr',
  '06<b>11</b>121314',
  '<p>269054410903857</p>',
  '</textarea><script>alert(1)</script>',
  '"onmouseover="alert(1)',
  "' onfocus='alert(1)",
  '<marquee>',
  '<template><script>alert(1)</script></template>',
  '<slot name="x"></slot>',
  '<mes-screen-home></mes-screen-home>',
);

// Template, format and injection strings of other languages.
add(
  'format',
  '{{persona.nir}}',
  '{{persona.provisionalCode}}',
  '${alert(1)}',
  '#{7*7}',
  '{{7*7}}',
  '%s%s%s%n',
  '%00',
  '%0a%0d',
  '%3Cscript%3E',
  "' OR 1=1 --",
  '"; DROP TABLE personnes; --',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'C:\\con\\nul',
  '\\',
  '\\u0000',
  '{"code":"Kp7RmX2qLa9T"}',
  '[]',
  '{}',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '0x1F',
  'true',
  '__proto__',
  'constructor',
  'toString',
  '$t(errors:nir.length)',
  '$(rm -rf /)',
  '`id`',
  '|| ls',
  'mailto:martine@example.fr',
  'http://example.fr',
  'file:///etc/passwd',
  'data:text/html,<h1>x</h1>',
  '*',
  '?',
  '.',
  '-',
  '_',
  '@',
  '+',
  '/',
);

/** Every bad input, each value once. */
export const BAD_INPUTS: readonly BadInput[] = entries.filter((e, i) => entries.findIndex((o) => o.value === e.value) === i);

export const BAD_VALUES: readonly string[] = BAD_INPUTS.map((e) => e.value);
