// @ts-check
/**
 * Numbers for people: the engine's values, rounded for display only.
 */

/**
 * A number with a few significant digits, or a dash when there is none.
 * @param {number | null | undefined} v
 * @param {number} [digits=3] significant digits
 */
export function num(v, digits = 3) {
  if (v === null || v === undefined || Number.isNaN(v)) return "–";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "-∞";
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return v.toExponential(Math.max(0, digits - 1));
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
  return v.toFixed(Math.min(decimals, 6));
}

/**
 * A fraction as a percentage: 0.953 -> "95.3%".
 * @param {number | null | undefined} v
 */
export function percent(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  return `${(v * 100).toFixed(1)}%`;
}

/**
 * A whole number with thousands separators: 12345 -> "12,345". Written out, not
 * toLocaleString("en"): the browser's first use of its locale data costs 15-35 ms.
 * @param {number | string} n digits
 */
export function grouped(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * An epoch count with thousands separators, zero padded like the Playground: 000,123.
 * @param {number} n
 */
export function epochText(n) {
  return grouped(String(n).padStart(6, "0"));
}

/**
 * A signed number for formulas: "(-1.10)" for negatives, "0.52" otherwise.
 * @param {number} v
 * @param {number} [digits]
 */
export function term(v, digits = 3) {
  const s = num(v, digits);
  return v < 0 ? `(${s})` : s;
}

/**
 * How a class is called on screen: "class 0" for a number, a word from a file ("cat") as it is.
 * @param {string | number} name
 */
export function classLabel(name) {
  return /^\d+$/.test(String(name)) ? `class ${name}` : String(name);
}
