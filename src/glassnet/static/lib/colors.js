// @ts-check
/**
 * Colours: one meaning everywhere.
 *
 * Signed values (weights, activations, regression targets) use TensorFlow
 * Playground's diverging scale: orange for negative, near-white for zero, blue
 * for positive. Orange and blue stay distinct for the common kinds of colour
 * blindness. Classes use the Okabe–Ito palette, whose first two colours are that
 * same orange and blue, so class 0 and class 1 look as in the Playground.
 */

export const NEGATIVE = [245, 147, 34]; // #f59322
export const NEUTRAL = [232, 234, 235]; // #e8eaeb
export const POSITIVE = [8, 119, 189]; // #0877bd

/**
 * Okabe–Ito, reordered so that class 0 is orange and class 1 is blue, then nine more.
 * NOT colour-blind safe past six classes: the first six (as many as blobs and
 * drawn data have) stay apart for the common kinds of colour blindness, but a
 * loaded file may have up to 16 classes (MAX_CLASSES), and from the seventh on
 * (sky blue, close to class 1's blue, then nine picked by eye) some look alike
 * to some people. There the legend's class names carry the meaning.
 * @type {[number, number, number][]}
 */
export const CLASS_COLORS = [
  [245, 147, 34],
  [8, 119, 189],
  [0, 158, 115],
  [204, 121, 167],
  [240, 228, 66],
  [213, 94, 0],
  [86, 180, 233],
  [90, 90, 90],
  [160, 110, 60],
  [120, 80, 170],
  [30, 190, 190],
  [190, 40, 80],
  [140, 170, 40],
  [255, 190, 120],
  [60, 60, 140],
  [170, 170, 170],
];

/** @typedef {[number, number, number] | number[]} RGB red, green, blue, each 0 to 255 */

/**
 * The diverging colour of a value, clamped to [-1, 1].
 * @param {number} v
 * @param {RGB} [out] an array to write [r, g, b] into
 * @returns {RGB}
 */
export function diverging(v, out = [0, 0, 0]) {
  const t = v > 1 ? 1 : v < -1 ? -1 : v;
  const end = t < 0 ? NEGATIVE : POSITIVE;
  const a = t < 0 ? -t : t;
  out[0] = NEUTRAL[0] + (end[0] - NEUTRAL[0]) * a;
  out[1] = NEUTRAL[1] + (end[1] - NEUTRAL[1]) * a;
  out[2] = NEUTRAL[2] + (end[2] - NEUTRAL[2]) * a;
  return out;
}

/**
 * The colour of a class, faded towards the neutral colour by (1 - strength).
 * @param {number} k class index
 * @param {number} strength 0 (neutral) to 1 (full colour)
 * @param {RGB} [out]
 * @returns {RGB}
 */
export function classShade(k, strength, out = [0, 0, 0]) {
  const c = CLASS_COLORS[k % CLASS_COLORS.length];
  const a = strength > 1 ? 1 : strength < 0 ? 0 : strength;
  out[0] = NEUTRAL[0] + (c[0] - NEUTRAL[0]) * a;
  out[1] = NEUTRAL[1] + (c[1] - NEUTRAL[1]) * a;
  out[2] = NEUTRAL[2] + (c[2] - NEUTRAL[2]) * a;
  return out;
}

/**
 * CSS text for an [r, g, b] colour.
 * @param {RGB} rgb
 * @param {number} [alpha]
 */
export function css(rgb, alpha = 1) {
  const [r, g, b] = rgb.map(Math.round);
  return alpha === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * The CSS colour of class k.
 * @param {number} k
 */
export function classColor(k) {
  return css(CLASS_COLORS[k % CLASS_COLORS.length]);
}
