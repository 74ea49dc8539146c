import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/claims.js';
import { compareDates, findDates, formatDate, parseDate } from '../src/dates.js';
import { compareNumbers, findNumbers, formatNumber } from '../src/numbers.js';
import { containsNormalized, mentionsAll, normalize, splitSentences } from '../src/text.js';

describe('dates', () => {
  it('finds ISO, month-name and bare-year dates', () => {
    const text = 'Completed 1889-03-31, opened on May 15, 1889 (or 15th of May 1889?), planned in March 1887 and repainted in 2024. Budget 1889 francs.';
    expect(findDates(text).map((d) => [d.raw, formatDate(d.value)])).toEqual([
      ['1889-03-31', '1889-03-31'],
      ['May 15, 1889', '1889-05-15'],
      ['15th of May 1889', '1889-05-15'],
      ['March 1887', '1887-03'],
      ['in 2024', '2024'],
    ]);
  });

  it('rejects impossible dates and reads ground-truth dates', () => {
    expect(findDates('on 2024-13-45 and 2024-02')).toEqual([{ value: { year: 2024, month: 2 }, raw: '2024-02', start: 18, end: 25 }]);
    expect([parseDate('1889'), parseDate('1889-03-31'), parseDate('March 31, 1889'), parseDate('31 March 1889'), parseDate('soon'), parseDate('in 1889')]).toEqual([
      { year: 1889 },
      { year: 1889, month: 3, day: 31 },
      { year: 1889, month: 3, day: 31 },
      { year: 1889, month: 3, day: 31 },
      undefined,
      { year: 1889 },
    ]);
  });

  it('compares on the parts both give', () => {
    expect(compareDates({ year: 1889, month: 3, day: 31 }, { year: 1889, month: 3, day: 31 })).toEqual({ agrees: true, exact: true });
    expect(compareDates({ year: 1889, month: 3, day: 31 }, { year: 1889 })).toEqual({ agrees: true, exact: false });
    expect(compareDates({ year: 1889, month: 3 }, { year: 1889, month: 4, day: 1 })).toEqual({ agrees: false, exact: false });
    expect(compareDates({ year: 1889 }, { year: 1887 })).toEqual({ agrees: false, exact: false });
  });
});

describe('numbers', () => {
  it('reads separators, decimals, scales, percentages, currencies and units', () => {
    const found = findNumbers('It cost $2.5bn, weighs 10,100 tonnes, grew 45% (or 12.5 percent), 1.5 million visitors, 7k fans, 330 m tall, −3 degrees.');
    expect(found.map((n) => ({ value: n.value, raw: n.raw, percent: n.percent, unit: n.unit }))).toEqual([
      { value: 2.5e9, raw: '$2.5bn', percent: false, unit: 'USD' },
      { value: 10100, raw: '10,100', percent: false, unit: 'tonnes' },
      { value: 45, raw: '45%', percent: true, unit: undefined },
      { value: 12.5, raw: '12.5 percent', percent: true, unit: undefined },
      { value: 1.5e6, raw: '1.5 million', percent: false, unit: 'visitors' },
      { value: 7000, raw: '7k', percent: false, unit: 'fans' },
      { value: 330, raw: '330', percent: false, unit: 'm' },
      { value: -3, raw: '−3', percent: false, unit: 'degrees' },
    ]);
  });

  it('reads number words from two to ninety-nine, with a scale', () => {
    expect(findNumbers('Mars has three moons, twenty-five craters, five million rocks and ninety percent dust; one of them is odd.').map((n) => [n.value, n.raw, n.percent, n.unit])).toEqual([
      [3, 'three', false, 'moons'],
      [25, 'twenty-five', false, 'craters'],
      [5e6, 'five million', false, 'rocks'],
      [90, 'ninety percent', true, undefined],
    ]);
  });

  it('skips numbers inside words, versions and the given ranges', () => {
    expect(findNumbers('COVID-19 and v2 and mp3 and 1.2.3 and item #4').map((n) => n.raw)).toEqual([]);
    expect(findNumbers('see [12] for 40 cases', [{ start: 4, end: 8 }]).map((n) => n.value)).toEqual([40]);
  });

  it('compares with relative or absolute tolerance', () => {
    expect(compareNumbers(330, 330, 0, 'relative')).toEqual({ agrees: true, closeness: 1 });
    expect(compareNumbers(330, 324, 0.02, 'relative')).toEqual({ agrees: true, closeness: expect.closeTo(1 - 6 / 6.6, 10) });
    expect(compareNumbers(330, 320, 0.02, 'relative')).toEqual({ agrees: false, closeness: 0 });
    expect(compareNumbers(100, 104, 5, 'absolute')).toEqual({ agrees: true, closeness: expect.closeTo(0.2, 10) });
    expect(compareNumbers(0.3, 0.1 + 0.2, 0, 'absolute').agrees).toBe(true);
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  });
});

describe('text', () => {
  it('normalises case, accents, punctuation and thousands separators', () => {
    expect(normalize('  Café—the   CAPITAL, of 1,000,000 “people”. Pi is 3.14!')).toBe('cafe the capital of 1000000 people pi is 3.14');
    expect(containsNormalized('Its capital is PARIS.', 'paris')).toBe(true);
    expect(containsNormalized('Parisian food', 'Paris')).toBe(false);
    expect(mentionsAll('The Eiffel Towers were completed', ['Eiffel Tower completed'])).toBe(true);
    expect(mentionsAll('The tower was completed', ['Eiffel Tower completed'])).toBe(false);
    expect(mentionsAll('anything', ['the of'])).toBe(false);
  });

  it('splits sentences on terminators, blank lines and list items, with offsets', () => {
    expect(splitSentences('Dr. Who was here. Then left!\n\n# Title\n- item one\n- item two')).toEqual([
      { text: 'Dr. Who was here.', start: 0 },
      { text: 'Then left!', start: 18 },
      { text: '# Title', start: 30 },
      { text: '- item one', start: 38 },
      { text: '- item two', start: 49 },
    ]);
  });
});

describe('claims', () => {
  const claimKinds = (text: string): Array<[string, string]> => extractClaims([{ id: 'a', text }]).map((c) => [c.kind, c.text]);

  it.each([
    ['The Eiffel Tower is 330 metres tall.', 'number'],
    ['Revenue grew 12% last year.', 'statistic'],
    ['The tower was completed on March 31, 1889.', 'date'],
    ['It opened in 1889.', 'date'],
    ['Einstein said "imagination is more important than knowledge".', 'quote'],
    ['Paris is the capital of France.', 'fact'],
    ['The company was founded by Jane Doe.', 'fact'],
  ])('%s → %s', (text, kind) => {
    expect(claimKinds(text)).toEqual([[kind, text]]);
  });

  it.each(['What is the capital of France?', 'I think Paris is lovely.', 'Thanks for reading.', 'Here is the summary you asked for.', 'In my opinion the tower is 330 metres tall.', 'see the docs'])(
    '%s is not a claim',
    (text) => {
      expect(claimKinds(text)).toEqual([]);
    },
  );

  it('numbers in citations, URLs and full dates are not claim numbers; ground-truth mentions are claims', () => {
    const [claim] = extractClaims([{ id: 'a', text: 'Opened 2020-05-01 per https://x.io/2021/report [3].' }]);
    expect([claim!.kind, claim!.numbers.map((n) => n.raw), claim!.cited]).toEqual(['date', [], true]);
    expect(extractClaims([{ id: 'a', text: 'the capital of france has museums' }], (s) => s.includes('capital'))).toEqual([
      { id: 1, artifact: 'a', text: 'the capital of france has museums', kind: 'fact', dates: [], numbers: [], cited: false },
    ]);
  });
});
