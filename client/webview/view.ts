/**
 * The page: renders a graph (or a message) into #app and turns clicks and keys on containers and
 * arrows into reveal requests. A new graph replaces the drawing in place, keeping the scroll position,
 * the focused element and the selection, so that typing in the editor does not make the view jump.
 */
import type { Range, StartOrderGraph } from '../../shared/src/graph';
import { renderHeader, renderLegend, renderMessage, renderStory } from './chrome';
import { TextMeasure, html } from './dom';
import { toMermaid } from './mermaid';
import { renderGraph } from './render';
import { exportSvg } from './svgExport';

export interface ViewEvents {
  reveal(uri: string, range: Range): void;
  copyMermaid(text: string): void;
  saveSvg(svg: string): void;
  /** The shown graph or selection changed (the page saves its state). */
  changed(): void;
}

export class GraphView {
  graph: StartOrderGraph | undefined;
  documentUri: string | undefined;
  selectedId: string | undefined;
  private measure: TextMeasure | undefined;
  private svgElement: SVGSVGElement | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly events: ViewEvents,
  ) {
    root.addEventListener('click', (event) => this.activate(event.target));
    root.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      if (this.activate(event.target)) event.preventDefault();
    });
    root.addEventListener('focusin', (event) => this.highlight(event.target));
    root.addEventListener('focusout', () => this.highlight(null));
    root.addEventListener('pointerover', (event) => this.highlight(event.target));
    root.addEventListener('pointerleave', () => this.highlight(document.activeElement));
  }

  showGraph(graph: StartOrderGraph, documentUri: string): void {
    const focusKey = focusedKey();
    const scroller = this.root.querySelector('.graph-scroll');
    const scroll = scroller ? { left: scroller.scrollLeft, top: scroller.scrollTop } : undefined;
    const windowScroll = window.scrollY;
    if (documentUri !== this.documentUri) this.selectedId = undefined;
    this.graph = graph;
    this.documentUri = documentUri;
    if (this.selectedId !== undefined && !graph.nodes.some((n) => n.id === this.selectedId))
      this.selectedId = undefined;

    this.measure ??= new TextMeasure();
    this.root.replaceChildren();
    renderHeader(this.root, graph, documentUri, {
      copyMermaid: () => this.graph && this.events.copyMermaid(toMermaid(this.graph)),
      saveSvg: () =>
        this.svgElement &&
        this.events.saveSvg(
          exportSvg(this.svgElement, `Start order${graph.family ? ` of ${graph.family}` : ''}`),
        ),
    });
    const area = html(
      'section',
      { class: 'graph-scroll', 'aria-label': 'Start-order graph' },
      this.root,
    );
    if (graph.nodes.length === 0) {
      html('p', { class: 'placeholder' }, area, 'The task definition has no containers yet.');
      this.svgElement = undefined;
    } else {
      this.svgElement = renderGraph(graph, this.measure).element;
      area.appendChild(this.svgElement);
      renderLegend(this.root);
    }
    renderStory(this.root, graph.story);
    this.markSelection();

    if (scroll) [area.scrollLeft, area.scrollTop] = [scroll.left, scroll.top];
    window.scrollTo({ top: windowScroll });
    if (focusKey)
      (
        this.root.querySelector(
          `svg.graph [${focusKey.attribute}="${CSS.escape(focusKey.value)}"]`,
        ) as SVGElement | null
      )?.focus({ preventScroll: true });
    this.events.changed();
  }

  showMessage(message: string, documentUri?: string): void {
    this.graph = undefined;
    this.svgElement = undefined;
    if (documentUri !== undefined) this.documentUri = documentUri;
    this.root.replaceChildren();
    renderMessage(this.root, message, documentUri);
    this.events.changed();
  }

  /** Selects a container (from a code lens): highlights it and scrolls it into view. */
  select(containerId: string): void {
    if (!this.graph?.nodes.some((n) => n.id === containerId)) return;
    this.selectedId = containerId;
    const element = this.markSelection();
    element?.scrollIntoView({ block: 'center', inline: 'center' });
    (element as SVGElement | undefined)?.focus({ preventScroll: true });
    this.events.changed();
  }

  private markSelection(): Element | undefined {
    let selected: Element | undefined;
    for (const el of this.root.querySelectorAll('svg.graph [data-node-id]')) {
      const on = el.getAttribute('data-node-id') === this.selectedId;
      el.classList.toggle('selected', on);
      if (on) selected = el;
    }
    return selected;
  }

  /** Click, Enter or Space on a container or an arrow: reveal it in the editor. */
  private activate(target: EventTarget | null): boolean {
    if (!(target instanceof Element) || !this.graph || !this.documentUri) return false;
    const nodeEl = target.closest('svg.graph [data-node-id]');
    const edgeEl = nodeEl ? null : target.closest('svg.graph [data-edge-id]');
    if (nodeEl) {
      const node = this.graph.nodes.find((n) => n.id === nodeEl.getAttribute('data-node-id'));
      if (!node) return false;
      this.selectedId = node.id;
      this.markSelection();
      this.events.changed();
      this.events.reveal(this.documentUri, node.range);
      return true;
    }
    if (edgeEl) {
      const edge = this.graph.edges.find((e) => e.id === edgeEl.getAttribute('data-edge-id'));
      if (!edge) return false;
      this.events.reveal(this.documentUri, edge.range);
      return true;
    }
    return false;
  }

  /** While a container or an arrow is hovered or focused, its connections stand out. */
  private highlight(target: EventTarget | null): void {
    const svgRoot = this.svgElement;
    if (!svgRoot) return;
    for (const el of svgRoot.querySelectorAll('.related')) el.classList.remove('related');
    const element =
      target instanceof Element ? target.closest('[data-node-id], [data-edge-id]') : null;
    if (!element || !svgRoot.contains(element)) {
      svgRoot.classList.remove('has-highlight');
      return;
    }
    const nodeId = element.getAttribute('data-node-id');
    const edgeId = element.getAttribute('data-edge-id');
    const edges =
      this.graph?.edges.filter((e) =>
        nodeId !== null ? e.from === nodeId || e.to === nodeId : e.id === edgeId,
      ) ?? [];
    const ids = new Set(edges.flatMap((e) => [e.from, e.to]));
    if (nodeId !== null) ids.add(nodeId);
    for (const el of svgRoot.querySelectorAll('[data-node-id], [data-edge-id]')) {
      const related =
        ids.has(el.getAttribute('data-node-id') ?? '\0') ||
        edges.some((e) => e.id === el.getAttribute('data-edge-id'));
      if (related) el.classList.add('related');
    }
    svgRoot.classList.add('has-highlight');
  }
}

/** Which container or arrow has the focus, so that a redraw can give it back. */
function focusedKey(): { attribute: string; value: string } | undefined {
  const focused = document.activeElement;
  if (!(focused instanceof Element)) return undefined;
  for (const attribute of ['data-node-id', 'data-edge-id']) {
    const value = focused.getAttribute(attribute);
    if (value !== null) return { attribute, value };
  }
  return undefined;
}
