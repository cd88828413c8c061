/**
 * DOM construction helpers. Text from the task definition only ever reaches the page through
 * `textContent` and `setAttribute` on elements built here: never through HTML parsing.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';

type Attributes = Record<string, string | number | undefined>;

function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, String(value));
  }
}

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  parent?: Element,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  if (text !== undefined) element.textContent = text;
  parent?.appendChild(element);
  return element;
}

export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  parent?: Element,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  if (text !== undefined) element.textContent = text;
  parent?.appendChild(element);
  return element;
}

/** Measures text in the page's font; an estimate when no canvas is available. */
export class TextMeasure {
  private readonly context: CanvasRenderingContext2D | null = document
    .createElement('canvas')
    .getContext('2d');
  private readonly family: string;

  constructor() {
    this.family = getComputedStyle(document.body).fontFamily || 'sans-serif';
  }

  width(text: string, size: number, weight = 400): number {
    if (!this.context) return text.length * size * 0.6;
    this.context.font = `${weight} ${size}px ${this.family}`;
    return this.context.measureText(text).width;
  }

  /** The width of the longest start of `text` that fits in `max` pixels (whole characters). */
  fittingWidth(text: string, max: number, size: number, weight = 400): number {
    const chars = [...text];
    let low = 0;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.width(chars.slice(0, mid).join(''), size, weight) <= max) low = mid;
      else high = mid - 1;
    }
    return this.width(chars.slice(0, low).join(''), size, weight);
  }
}
