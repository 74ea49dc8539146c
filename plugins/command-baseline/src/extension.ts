/**
 * The `RunReport.extensions` key under which `atp baseline compare --html` hands the comparison to the
 * `html` reporter. The value is a `BaselineComparison`: exactly the JSON `--json` prints (a public,
 * versioned format: `version: "1.0"`), so any reporter can read it without importing this package.
 */
export const BASELINE_COMPARISON_EXTENSION = 'baseline_comparison';
