// Chinese financial capitals (大写金额), as written on cheques, following the People's Bank of
// China rules for filling in bills (正确填写票据和结算凭证的基本规定):
//  - "整" after 元 when there are no 角 or 分, and also after 角 when there is no 分 (the rules allow
//    it to be left out there; we always write it so nothing can be appended): 叁角整, 壹元伍角整.
//  - 壹 is always written before 拾: 壹拾元整, 壹拾亿元整.
//  - One 零 for a run of zeros inside the number, within a 4-digit section (壹仟零伍元) or across
//    sections (壹亿零壹元, 壹佰万零伍元); none for trailing zeros (壹亿贰仟万元整).
//  - When 角 is 0 and 分 is not, 零 follows 元: 壹佰元零伍分. When the 元 digit is 0 but 角 is not,
//    the rules allow either; we write none: 壹拾元伍角整.
// Operators read this back in the confirm dialog, so it is the check against a wrongly typed 0.

const DIGITS = '零壹贰叁肆伍陆柒捌玖'; // DIGITS.charAt(7) is 柒
const PLACES = '仟佰拾'; // of the digits of a 4-digit section, left to right; the last has none
const SECTIONS = ['', '万', '亿'] as const; // 元, 万 and 亿 sections

/** 1万亿元: one section past 亿 would need 万亿, which no pledge or total comes near. */
const LIMIT_FEN = 10n ** 14n;

/** `toChineseCapital(500_000_000)` → `伍佰万元整`; throws RangeError for negative or fractional fen. */
export function toChineseCapital(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || BigInt(fen) >= LIMIT_FEN) {
    throw new RangeError(`Cannot write ${fen} fen in capitals: expected whole fen from 0 to under 1万亿元.`);
  }
  const value = BigInt(fen);
  const yuan = value / 100n;
  const jiao = Number((value / 10n) % 10n);
  const fenDigit = Number(value % 10n);

  if (value === 0n) {
    return '零元整';
  }
  let text = yuan > 0n ? integerPart(yuan) + '元' : '';
  if (jiao > 0) {
    text += DIGITS.charAt(jiao) + '角';
  } else if (fenDigit > 0 && yuan > 0n) {
    text += '零';
  }
  text += fenDigit > 0 ? DIGITS.charAt(fenDigit) + '分' : '整';
  return text;
}

function integerPart(yuan: bigint): string {
  const sections: number[] = [];
  for (let rest = yuan; rest > 0n; rest /= 10_000n) {
    sections.push(Number(rest % 10_000n));
  }
  let text = '';
  let zeroPending = false;
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i] ?? 0;
    if (section === 0) {
      zeroPending = text !== '';
      continue;
    }
    // A gap before this section (a zero section, or leading zeros of this one) reads as one 零.
    if (text !== '' && (zeroPending || section < 1000)) {
      text += '零';
    }
    text += sectionText(section) + SECTIONS[i];
    zeroPending = false;
  }
  return text;
}

/** One section of 1–9999: 壹仟零伍, 壹拾, 玖仟玖佰玖拾玖. */
function sectionText(section: number): string {
  const digits = String(section).padStart(4, '0');
  let text = '';
  let zeroPending = false;
  for (let i = 0; i < 4; i++) {
    const digit = Number(digits.charAt(i));
    if (digit === 0) {
      zeroPending = text !== '';
      continue;
    }
    if (zeroPending) {
      text += '零';
      zeroPending = false;
    }
    text += DIGITS.charAt(digit) + PLACES.charAt(i);
  }
  return text;
}

// ---- The same read-back in English words, for an operator working in English ----

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES = ['', 'thousand', 'million', 'billion', 'trillion'];

/**
 * `toEnglishWords(1_280_000_00)` → `one hundred twenty-eight thousand yuan`; fen below a yuan as
 * `… yuan and 50 fen`-style words: `one yuan and five fen`. Same range and errors as the capitals.
 */
export function toEnglishWords(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0 || BigInt(fen) >= LIMIT_FEN) {
    throw new RangeError(`Cannot write ${fen} fen in words: expected whole fen from 0 to under 1 trillion yuan.`);
  }
  const yuan = BigInt(fen) / 100n;
  const cents = fen % 100;
  if (yuan === 0n && cents === 0) {
    return 'zero yuan';
  }
  const parts: string[] = [];
  if (yuan > 0n) {
    parts.push(`${wholeNumberWords(yuan)} yuan`);
  }
  if (cents > 0) {
    parts.push(`${belowThousandWords(cents)} fen`);
  }
  return parts.join(' and ');
}

function wholeNumberWords(value: bigint): string {
  const groups: string[] = [];
  for (let rest = value, scale = 0; rest > 0n; rest /= 1000n, scale++) {
    const group = Number(rest % 1000n);
    if (group > 0) {
      groups.unshift([belowThousandWords(group), SCALES[scale]].filter(Boolean).join(' '));
    }
  }
  return groups.join(' ');
}

/** 1–999: `five`, `forty-two`, `one hundred seven`. */
function belowThousandWords(value: number): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const words: string[] = [];
  if (hundreds > 0) {
    words.push(`${ONES[hundreds]} hundred`);
  }
  if (rest >= 20) {
    const unit = rest % 10;
    words.push(unit === 0 ? (TENS[Math.floor(rest / 10)] ?? '') : `${TENS[Math.floor(rest / 10)]}-${ONES[unit]}`);
  } else if (rest > 0) {
    words.push(ONES[rest] ?? '');
  }
  return words.join(' ');
}
