import { describe, expect, it } from 'vitest';
import { detectCounts, detectJsCounts } from '../src/parsers/detect.js';
import { parseJest, parseMocha, parseNodeTest, parseVitest } from '../src/parsers/js-runners.js';
import { parseEslint, parseRuff } from '../src/parsers/lint.js';
import { parseWithPattern, toJsRegexSource } from '../src/parsers/pattern.js';
import { parsePytest, pytestRanNothing } from '../src/parsers/pytest.js';
import { passRate, stripAnsi } from '../src/test-counts.js';

// Outputs recorded from the real tools (pytest 9, vitest 3, node 20 --test), trimmed to their ends.
const PYTEST_MIXED = `test_a.py::test_ok PASSED                                                 [ 20%]
test_a.py::test_ok2 PASSED                                                [ 40%]
test_a.py::test_bad FAILED                                                [ 60%]
test_a.py::test_skip SKIPPED (x)                                          [ 80%]
test_a.py::test_xf XFAIL                                                  [100%]

=================================== FAILURES ===================================
___________________________________ test_bad ___________________________________

    def test_bad(): assert 1 == 2
E   assert 1 == 2

test_a.py:4: AssertionError
=========================== short test summary info ============================
FAILED test_a.py::test_bad - assert 1 == 2
============== 1 failed, 2 passed, 1 skipped, 1 xfailed in 8.04s ===============
`;
const PYTEST_COLLECTION_ERROR = `ERROR test_err.py
!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!
=============================== 1 error in 6.22s ===============================
`;
const PYTEST_NONE = `collected 0 items

============================ no tests ran in 6.63s =============================
`;
const PYTEST_QUIET = `..F.                                                                     [100%]
1 failed, 3 passed, 2 warnings in 0.12s
`;
const PYTEST_SLOW = `=================== 2 passed, 1 error in 61.10s (0:01:01) ====================\n`;

const VITEST = `
⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯


 Test Files  1 failed (1)
      Tests  1 failed | 1 passed | 1 skipped (3)
   Start at  00:36:37
   Duration  1.75s (transform 310ms, setup 0ms, collect 50ms, tests 55ms, environment 0ms, prepare 574ms)
`;
const VITEST_COLOURED = '\u001b[2m      Tests \u001b[22m \u001b[1m\u001b[32m4 passed\u001b[39m\u001b[22m\u001b[2m | \u001b[22m\u001b[33m1 todo\u001b[39m\u001b[90m (5)\u001b[39m\n';
const NODE_TAP = `not ok 2 - fails
  ---
  duration_ms: 0.30078
  ...
1..4
# tests 4
# suites 0
# pass 1
# fail 1
# cancelled 0
# skipped 1
# todo 1
# duration_ms 750.7475
`;
const NODE_SPEC = `✔ adds (0.5ms)
✖ fails (1.2ms)
ℹ tests 3
ℹ suites 0
ℹ pass 2
ℹ fail 0
ℹ cancelled 1
ℹ skipped 0
ℹ todo 0
ℹ duration_ms 61.2
`;
const JEST = `Test Suites: 1 failed, 1 passed, 2 total
Tests:       1 failed, 1 skipped, 3 passed, 5 total
Snapshots:   0 total
Time:        1.234 s
Ran all test suites.
`;
const MOCHA = `
  sum
    ✓ adds
    - skips
    1) fails

  3 passing (12ms)
  1 pending
  2 failing
`;

describe('pytest summary', () => {
  it.each([
    [PYTEST_MIXED, { passed: 2, failed: 1, skipped: 1, errors: 0, total: 4, format: 'pytest' }, 0.5],
    [PYTEST_COLLECTION_ERROR, { passed: 0, failed: 0, skipped: 0, errors: 1, total: 1, format: 'pytest' }, 0],
    [PYTEST_QUIET, { passed: 3, failed: 1, skipped: 0, errors: 0, total: 4, format: 'pytest' }, 0.75],
    [PYTEST_SLOW, { passed: 2, failed: 0, skipped: 0, errors: 1, total: 3, format: 'pytest' }, 2 / 3],
  ])('parses %#', (output, counts, rate) => {
    expect(parsePytest(output)).toEqual(counts);
    expect(passRate(parsePytest(output)!)).toBeCloseTo(rate, 10);
  });

  it('has no counts when no test ran, and says so', () => {
    expect(parsePytest(PYTEST_NONE)).toBeUndefined();
    expect(pytestRanNothing(PYTEST_NONE)).toBe(true);
    expect(pytestRanNothing(PYTEST_MIXED)).toBe(false);
  });

  it('ignores test output that merely looks like a summary in the middle', () => {
    expect(parsePytest('print: 5 passed in the morning\nnothing else')).toBeUndefined();
  });
});

describe('JavaScript runners', () => {
  it.each([
    ['vitest', parseVitest, VITEST, { passed: 1, failed: 1, skipped: 1, errors: 0, total: 3, format: 'vitest' }],
    ['vitest (coloured)', parseVitest, stripAnsi(VITEST_COLOURED), { passed: 4, failed: 0, skipped: 1, errors: 0, total: 5, format: 'vitest' }],
    ['node --test (tap)', parseNodeTest, NODE_TAP, { passed: 1, failed: 1, skipped: 2, errors: 0, total: 4, format: 'node-test' }],
    ['node --test (spec)', parseNodeTest, NODE_SPEC, { passed: 2, failed: 1, skipped: 0, errors: 0, total: 3, format: 'node-test' }],
    ['jest', parseJest, JEST, { passed: 3, failed: 1, skipped: 1, errors: 0, total: 5, format: 'jest' }],
    ['mocha', parseMocha, MOCHA, { passed: 3, failed: 2, skipped: 1, errors: 0, total: 6, format: 'mocha' }],
  ])('%s', (_name, parse, output, counts) => {
    expect(parse(output)).toEqual(counts);
    expect(detectJsCounts(output)).toEqual(counts);
    expect(detectCounts(output)).toEqual(counts);
  });

  it('each parser ignores the other runners’ output', () => {
    const outputs = { vitest: VITEST, jest: JEST, mocha: MOCHA, 'node-test': NODE_TAP, pytest: PYTEST_MIXED };
    const parsers = { vitest: parseVitest, jest: parseJest, mocha: parseMocha, 'node-test': parseNodeTest, pytest: parsePytest };
    for (const [name, parse] of Object.entries(parsers)) {
      const recognised = Object.entries(outputs).filter(([, output]) => parse(output) !== undefined).map(([format]) => format);
      expect(recognised).toEqual([name]);
    }
  });

  it('finds nothing in plain output', () => {
    expect(detectCounts('hello\nworld\n')).toBeUndefined();
    expect(detectCounts('')).toBeUndefined();
  });
});

describe('user patterns', () => {
  it('reads named groups from the last match; total defaults to passed + failed', () => {
    const regex = new RegExp(toJsRegexSource('(?P<passed>\\d+) ok, (?P<failed>\\d+) bad'), 'm');
    expect(parseWithPattern('round 1: 1 ok, 5 bad\nround 2: 7 ok, 1 bad\n', regex)).toEqual({ passed: 7, failed: 1, skipped: 0, errors: 0, total: 8, format: 'pattern' });
  });

  it('uses an explicit total', () => {
    expect(parseWithPattern('RESULT 3/5', /RESULT (?<passed>\d+)\/(?<total>\d+)/m)).toEqual({ passed: 3, failed: 0, skipped: 0, errors: 0, total: 5, format: 'pattern' });
  });

  it('is undefined when nothing matches', () => {
    expect(parseWithPattern('nothing', /(?<passed>\d+) ok/m)).toBeUndefined();
  });

  it('turns Python named groups into JavaScript ones', () => {
    expect(toJsRegexSource('(?P<passed>\\d+)-(?P<total>\\d+)')).toBe('(?<passed>\\d+)-(?<total>\\d+)');
  });
});

describe('linters', () => {
  it.each([
    [
      'ruff violations',
      `app.py:1:8: F401 [*] \`os\` imported but unused
app.py:3:1: E402 Module level import not at top of file
lib/util.py:10:80: E501 Line too long (101 > 79)
lib/util.py:12:5: SyntaxError: Expected an expression
Found 4 errors.
[*] 1 fixable with the \`--fix\` option.
`,
      { violations: 4, errors: 3, warnings: 1, linter: 'ruff' },
    ],
    ['ruff clean', 'All checks passed!\n', { violations: 0, errors: 0, warnings: 0, linter: 'ruff' }],
    ['ruff summary only', 'Found 2 errors.\n', { violations: 2, errors: 0, warnings: 2, linter: 'ruff' }],
  ])('%s', (_name, output, counts) => {
    expect(parseRuff(output)).toEqual(counts);
  });

  it.each([
    [
      'eslint stylish',
      `
/tmp/w/index.js
  1:7   error    'unused' is assigned a value but never used  no-unused-vars
  2:13  warning  Missing semicolon                            semi

✖ 2 problems (1 error, 1 warning)
  0 errors and 1 warning potentially fixable with the \`--fix\` option.
`,
      { violations: 2, errors: 1, warnings: 1, linter: 'eslint' },
    ],
    ['eslint lines only', '\n/tmp/w/a.js\n  3:1  error  Unexpected var  no-var\n  4:1  error  Unexpected var  no-var\n', { violations: 2, errors: 2, warnings: 0, linter: 'eslint' }],
    ['eslint clean', '', { violations: 0, errors: 0, warnings: 0, linter: 'eslint' }],
  ])('%s', (_name, output, counts) => {
    expect(parseEslint(output)).toEqual(counts);
  });

  it('does not invent counts from unrelated output', () => {
    expect(parseRuff('error: Failed to parse pyproject.toml\n')).toBeUndefined();
    expect(parseEslint('Oops! Something went wrong! :(\n')).toBeUndefined();
  });
});
