// @ts-check
/**
 * Where the network diagram puts things: pure geometry, no DOM.
 *
 * The diagram has one column per layer of neurons: the input features, each
 * hidden layer, then the output. Columns are spread evenly across the width;
 * each column's neurons are centred vertically. Neurons are at most
 * MAX_NODE px wide and shrink when a column has many of them, so 32 neurons
 * still fit the height without scrolling (and a hand pose's 63 inputs, smaller).
 */

export const MAX_NODE = 40;
export const MIN_NODE = 10;
/** The narrowest distance between two columns; below it the diagram scrolls sideways. */
export const MIN_SPACING = 50;
/** Room left of the feature column for its labels (x₁, sin(x₂), ...). */
export const LEFT_LABELS = 46;
const PAD = 10; // above the first and below the last neuron (room for bias squares)

/**
 * @typedef {object} Column
 * @property {number} x the centre of the column
 * @property {number} size the width and height of each neuron in it
 * @property {number[]} ys the centre of each neuron
 */

/** @typedef {{width: number, spacing: number, columns: Column[]}} Layout width is at least the width asked for */

/**
 * Lay out the columns.
 * @param {object} options
 * @param {number} options.width the width available
 * @param {number} options.height the height of the neuron area
 * @param {number[]} options.counts neurons per column, features first
 * @param {number} options.right room right of the output column (for class names)
 * @param {number} [options.left] room left of the feature column (for their names)
 * @returns {Layout}
 */
export function layoutNetwork({ width, height, counts, right, left = LEFT_LABELS }) {
  const n = counts.length;
  const needed = left + right + MAX_NODE + (n - 1) * MIN_SPACING;
  const stageWidth = Math.max(width, needed);
  const first = left + MAX_NODE / 2;
  const last = stageWidth - right - MAX_NODE / 2;
  const spacing = n > 1 ? (last - first) / (n - 1) : 0;
  const columns = counts.map((count, c) => {
    const x = n > 1 ? first + c * spacing : (first + last) / 2;
    // A neuron and a quarter of itself as the gap must fit the height, count times.
    const fit = (height - 2 * PAD) / (count + (count - 1) * 0.25);
    // Below MIN_NODE only when even that does not fit (the 63 inputs of a hand pose).
    const size = Math.max(Math.min(MIN_NODE, fit), Math.min(MAX_NODE, spacing * 0.55 || MAX_NODE, fit));
    const pitch = Math.min(size * 1.75, (height - 2 * PAD) / count);
    const ys = [];
    for (let j = 0; j < count; j++) ys.push(height / 2 + (j - (count - 1) / 2) * pitch);
    return { x, size: Math.floor(size), ys };
  });
  return { width: stageWidth, spacing, columns };
}

/**
 * An edge as a smooth S-curve from the right side of one neuron to the left side of the next.
 * @param {Column} from
 * @param {number} i the neuron in `from`
 * @param {Column} to
 * @param {number} j the neuron in `to`
 * @returns {string} an SVG path
 */
export function edgePath(from, i, to, j) {
  const x1 = from.x + from.size / 2;
  const y1 = from.ys[i];
  const x2 = to.x - to.size / 2;
  const y2 = to.ys[j];
  const mid = (x1 + x2) / 2;
  return `M${r(x1)} ${r(y1)}C${r(mid)} ${r(y1)} ${r(mid)} ${r(y2)} ${r(x2)} ${r(y2)}`;
}

/** @param {number} v */
function r(v) {
  return Math.round(v * 10) / 10;
}

/** The stroke width of an edge of weight w: from 0.75 px (zero) to 5 px (|w| of 3 or more). */
export function edgeWidth(/** @type {number} */ w) {
  const a = Math.min(Math.abs(w), 3) / 3;
  return Math.round((0.75 + 4.25 * a) * 4) / 4;
}
