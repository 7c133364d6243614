/** Placeholder while the view is being written. */
export function createExplainPanel(el, store) {
  return { update() {}, destroy() {} };
}
