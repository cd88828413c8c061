/**
 * "Save as SVG": a standalone copy of the drawn graph. Outside VS Code there are no theme variables
 * and no stylesheet, so the colours the theme gives right now are written onto each element as
 * presentation attributes; interaction-only parts (focus rings, click areas) are left out.
 */
import { SVG_NS, svg } from './dom';

const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'letter-spacing',
  'paint-order',
] as const;

const INTERACTIVE_ONLY = ['focus-ring', 'edge-hit'];

export function exportSvg(source: SVGSVGElement, title: string): string {
  const clone = source.cloneNode(true) as SVGSVGElement;
  inlineStyles(source, clone);
  for (const el of [...clone.querySelectorAll(INTERACTIVE_ONLY.map((c) => `.${c}`).join(','))])
    el.remove();
  for (const el of [clone, ...clone.querySelectorAll('*')]) {
    for (const name of el.getAttributeNames()) {
      if (
        name === 'tabindex' ||
        name === 'role' ||
        name.startsWith('aria-') ||
        name.startsWith('data-') ||
        name === 'class'
      )
        el.removeAttribute(name);
    }
  }
  // The drawing's own size (the page may show it zoomed).
  const width = String(source.viewBox.baseVal.width);
  const height = String(source.viewBox.baseVal.height);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('version', '1.1');
  clone.setAttribute('width', width);
  clone.setAttribute('height', height);
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const background = svg('rect', {
    x: 0,
    y: 0,
    width,
    height,
    fill: getComputedStyle(document.body).backgroundColor || '#ffffff',
  });
  const heading = svg('title', {}, undefined, title);
  clone.insertBefore(background, clone.firstChild);
  clone.insertBefore(heading, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`;
}

/** Copies the computed presentation of each element of `source` onto the same element of `target`. */
function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  if (
    source instanceof SVGElement &&
    !(source instanceof SVGSVGElement) &&
    !(source instanceof SVGTitleElement)
  ) {
    for (const p of PROPERTIES) {
      const value = style.getPropertyValue(p);
      if (value && value !== 'normal') target.setAttribute(p, value);
    }
    if (style.display === 'none' || style.visibility === 'hidden')
      target.setAttribute('visibility', 'hidden');
  }
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length && i < targetChildren.length; i++)
    inlineStyles(sourceChildren[i]!, targetChildren[i]!);
}
