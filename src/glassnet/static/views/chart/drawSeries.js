// @ts-check
/**
 * Drawing a long series on the loss chart: the history may hold thousands of
 * entries, so each curve is decimated to the chart's pixel columns.
 */

/** Per pixel column: a series' first, lowest, highest and last value, and whether it has any. @typedef {ReturnType<typeof makeColumns>} Columns */

/** @param {number} n */
export function makeColumns(n) {
  return {
    first: new Float64Array(n),
    low: new Float64Array(n),
    high: new Float64Array(n),
    last: new Float64Array(n),
    used: new Uint8Array(n),
  };
}


/**
 * Draw one series, decimated to pixel columns: per column its first, lowest,
 * highest and last value, so a frame costs one pass however long the series.
 * @param {CanvasRenderingContext2D} ctx
 * @param {object} series
 * @param {number[]} series.epochs
 * @param {(number | null)[]} series.values one per epoch; null where there is none (no test points)
 * @param {(epoch: number) => number} series.x where an epoch goes
 * @param {(v: number) => number} series.y where a value goes
 * @param {string} series.color
 * @param {number} series.width the chart's width in CSS pixels
 * @param {Columns} series.columns scratch arrays of width + 1 columns (makeColumns)
 */
export function drawSeries(ctx, { epochs, values, x, y, color, width, columns }) {
  const n = epochs.length;
  const { first, low, high, last, used } = columns;
  used.fill(0);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null || !Number.isFinite(v)) continue;
    const c = Math.min(width, Math.max(0, Math.round(x(epochs[i]))));
    if (!used[c]) {
      used[c] = 1;
      first[c] = low[c] = high[c] = last[c] = v;
    } else {
      if (v < low[c]) low[c] = v;
      if (v > high[c]) high[c] = v;
      last[c] = v;
    }
  }
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.5;
  ctx.lineJoin = "round";
  ctx.beginPath();
  let points = 0;
  for (let c = 0; c <= width; c++) {
    if (!used[c]) continue;
    if (points === 0) ctx.moveTo(c, y(first[c]));
    else ctx.lineTo(c, y(first[c]));
    if (high[c] !== low[c]) {
      ctx.lineTo(c, y(first[c] <= last[c] ? low[c] : high[c]));
      ctx.lineTo(c, y(first[c] <= last[c] ? high[c] : low[c]));
    }
    ctx.lineTo(c, y(last[c]));
    points++;
  }
  ctx.stroke();
  if (points === 1) {
    const c = used.indexOf(1);
    ctx.beginPath();
    ctx.arc(c, y(last[c]), 2, 0, 2 * Math.PI);
    ctx.fill();
  }
}
