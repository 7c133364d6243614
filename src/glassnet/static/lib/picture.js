// @ts-check
/**
 * Pictures for slides and portfolios (the Export menu): the network diagram
 * (views/network/networkPicture.js) and the output map (views/output/mapPicture.js),
 * made in the browser from the state, as SVG or PNG at a chosen size.
 *
 * The SVG is vector (edges, points, labels) and scales to any size; each heatmap
 * inside it is a picture (a PNG data URL). The PNG is that SVG drawn onto a
 * canvas of the size asked for. Here: what the two share.
 */

/** @import { DataMessage } from "./messages.js" */
/** @import { DrawnState } from "./types.js" */

/** A picture: its SVG text and its size in pixels. @typedef {{ svg: string, width: number, height: number }} Picture */

/** A state a picture can be made of: a network and the data. @typedef {DrawnState & { data: DataMessage }} PictureState */

/** Makes a picture of a state, so many pixels wide. @typedef {(state: PictureState, width: number) => Picture} PictureMaker */

export const INK = "#1f2328";

/**
 * The SVG of some parts drawn in their own units (w × h), shown `width` pixels wide.
 * @param {string[]} parts SVG elements
 * @param {number} w
 * @param {number} h
 * @param {number} width
 * @returns {Picture}
 */
export function svgOf(parts, w, h, width) {
  const height = Math.round((width * h) / w);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${round(w)} ${round(h)}">` +
    `<rect width="100%" height="100%" fill="#ffffff"/>${parts.join("")}</svg>`;
  return { svg, width, height };
}

/**
 * A line of text, centred on y.
 * @param {number} x
 * @param {number} y
 * @param {string} words
 * @param {"start" | "end"} anchor
 * @param {number} size
 * @param {string} [color]
 */
export function svgText(x, y, words, anchor, size, color = INK) {
  return `<text x="${round(x)}" y="${round(y)}" text-anchor="${anchor}" dominant-baseline="central" ` +
    `font-size="${size}" font-family="system-ui, sans-serif" fill="${color}">${escapeXml(words)}</text>`;
}

/**
 * A canvas's picture, placed in the SVG.
 * @param {HTMLCanvasElement} canvas
 * @param {number} x
 * @param {number} y
 * @param {number} w
 * @param {number} h
 */
export function svgImage(canvas, x, y, w, h) {
  return `<image href="${canvas.toDataURL("image/png")}" x="${round(x)}" y="${round(y)}" width="${round(w)}" ` +
    `height="${round(h)}" preserveAspectRatio="none"/>`;
}

/**
 * A PNG of a picture, at its size.
 * @param {Picture} picture
 * @returns {Promise<Blob>}
 */
export async function pngOf(picture) {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = picture.width;
    canvas.height = picture.height;
    const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser made no PNG"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Text safe inside SVG. @param {string} s */
export function escapeXml(s) {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A coordinate to one decimal. @param {number} v */
export function round(v) {
  return Math.round(v * 10) / 10;
}
