/**
 * The page: renders a graph (or a message) into #app, and runs what the user does with it.
 *
 * - Two views: the graph and the timeline. The graph's drawing is the columns graph, fitted to the
 *   panel's width, or below the width where the columns would shrink past legibility, the stacked
 *   list. The timeline draws the start simulation the extension sends for the chosen scenario
 *   (drawing.ts says what every drawing does).
 * - The containers are one tab stop (a roving tabindex, navigation.ts); Enter, Space or a click
 *   selects a container and reveals it in the editor. Focus and selection are separate marks.
 * - A status line announces the counts when they change; nothing else on the page is live, so
 *   typing in the editor (a new graph per keystroke) does not make a screen reader repeat the page.
 * - A new graph replaces the page in place, keeping the scroll position, the focus and the
 *   selection, so that typing in the editor does not make the view jump.
 */
import type { Range, StartOrderGraph } from '../../shared/src/graph';
import { SUCCEEDS, sameScenario, scenarioApplies, type Scenario } from '../../shared/src/scenarios';
import type { SimulationResult } from '../../shared/src/simulation';
import type { ViewMode } from '../../shared/src/webviewMessages';
import { renderHeader, renderLegend, renderMessage, renderStory, statusText } from './chrome';
import { renderDetails } from './details';
import { TextMeasure, html } from './dom';
import type { Drawing } from './drawing';
import { toMermaid } from './mermaid';
import { isNavigationKey, move } from './navigation';
import { renderGraph, type RenderedGraph } from './render';
import { renderStacked } from './stacked';
import { exportSvg } from './svgExport';
import { renderTimeline } from './timeline';
import {
  checkScenario,
  renderEvents,
  renderOutcome,
  renderScenarios,
  renderTimelineLegend,
} from './timelinePage';
import { present, zoomStep, type Presentation, type Zoom } from './zoom';

export interface ViewEvents {
  reveal(uri: string, range: Range): void;
  copyMermaid(text: string): void;
  saveSvg(svg: string): void;
  /** Ask the extension for the simulation in a scenario (and to keep it up to date). */
  simulate(scenario: Scenario): void;
  /** The shown graph, view, scenario or selection changed (the page saves its state). */
  changed(): void;
}

/** The simulation the extension sent last for the page's document, and its scenario. */
interface Simulation {
  scenario: Scenario;
  /** null: the extension could not run it. */
  result: SimulationResult | null;
}

const GRAPH_KEYS =
  'Arrow keys move between containers: Up and Down within a column, Left and Right along the arrows; Home and End go to the first and last. Enter shows the container in the editor.';
const TIMELINE_KEYS =
  'Arrow keys move between containers: Up and Down from bar to bar, Left to a container this one waits for, Right to one that waits for it; Home and End go to the first and last. Enter shows the container in the editor.';

export class GraphView {
  graph: StartOrderGraph | undefined;
  documentUri: string | undefined;
  selectedId: string | undefined;
  mode: ViewMode = 'graph';
  /** The scenario the timeline shows, or (until the extension answers) the one asked for. */
  scenario: Scenario = SUCCEEDS;
  private simulation: Simulation | undefined;
  /** The timeline's parts that change with the simulation, and the controls that stay. */
  private outcomeSlot: HTMLElement | undefined;
  private timelineSlot: HTMLElement | undefined;
  private scenarioControls: HTMLFieldSetElement | undefined;
  /** The container that holds the graph's one tab stop, and whose details are shown. */
  private currentId: string | undefined;
  private measure: TextMeasure | undefined;
  private drawing: Drawing | undefined;
  private columns: RenderedGraph | undefined;
  private details: HTMLElement | undefined;
  private zoom: Zoom = { fit: true };
  private readonly page: HTMLElement;
  private readonly status: HTMLElement;
  private resizePending = false;
  private restoringFocus = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly events: ViewEvents,
  ) {
    this.page = html('div', { class: 'page' });
    this.page.append(...root.childNodes);
    root.append(this.page);
    this.status = html('p', { class: 'visually-hidden', role: 'status' }, root);

    root.addEventListener('click', (event) => this.activate(event.target));
    root.addEventListener('keydown', (event) => this.onKey(event));
    root.addEventListener('focusin', (event) => {
      const id = this.nodeIdOf(event.target);
      if (id !== undefined) {
        this.setCurrent(id);
        // The browser scrolls a focused element only until some of it shows: show all of it
        // (but a redraw that gives the focus back leaves the scroll position alone).
        if (!this.restoringFocus)
          (event.target as Element).scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
      this.highlight(event.target);
    });
    root.addEventListener('focusout', () => this.highlight(null));
    root.addEventListener('pointerover', (event) => this.highlight(event.target));
    root.addEventListener('pointerleave', () => this.highlight(document.activeElement));
    window.addEventListener('resize', () => this.onResize());
  }

  showGraph(graph: StartOrderGraph, documentUri: string): void {
    if (documentUri !== this.documentUri) {
      this.selectedId = undefined;
      this.currentId = undefined;
      this.simulation = undefined;
      this.scenario = SUCCEEDS;
    }
    this.graph = graph;
    this.documentUri = documentUri;
    const known = (id: string | undefined) => graph.nodes.some((n) => n.id === id);
    if (!known(this.selectedId)) this.selectedId = undefined;
    if (!known(this.currentId)) this.currentId = this.selectedId;
    // The extension drops a scenario the file no longer allows, and sends its new simulation.
    if (!scenarioApplies(graph, this.scenario)) this.scenario = SUCCEEDS;
    this.render();
  }

  /** A simulation from the extension: drawn when it is of the page's document. */
  showSimulation(documentUri: string, scenario: Scenario, result: SimulationResult | null): void {
    if (documentUri !== this.documentUri || !this.graph) return;
    this.simulation = { scenario, result };
    this.scenario = scenario;
    if (this.mode === 'timeline') {
      if (this.scenarioControls?.isConnected && this.outcomeSlot && this.timelineSlot) {
        // The controls stay as they are (the focus may be on one); only the results change.
        checkScenario(this.scenarioControls, scenario);
        const kept = this.keepView();
        this.fillTimeline(this.graph);
        this.restoreView(kept);
      } else this.render();
    }
    this.events.changed();
  }

  /** Shows the graph or the timeline; the timeline asks the extension for its simulation. */
  show(mode: ViewMode): void {
    if (mode === 'timeline') this.events.simulate(this.scenario);
    if (mode === this.mode) return;
    this.mode = mode;
    if (this.graph && this.documentUri) this.render();
    this.events.changed();
  }

  /** The user picks a scenario: the extension runs it and answers with the simulation. */
  private choose(scenario: Scenario): void {
    if (sameScenario(scenario, this.scenario) && this.simulation) return;
    this.scenario = scenario;
    this.timelineSlot?.setAttribute('aria-busy', 'true');
    this.events.simulate(scenario);
    this.events.changed();
  }

  /** Builds the page for the graph and the view, keeping scroll positions and the focus. */
  private render(): void {
    const graph = this.graph;
    const documentUri = this.documentUri;
    if (!graph || documentUri === undefined) return;
    const kept = this.keepView();
    this.page.replaceChildren();
    this.details = undefined;
    this.outcomeSlot = undefined;
    this.timelineSlot = undefined;
    this.scenarioControls = undefined;
    const shown = this.mode === 'graph' ? this.draw(graph) : undefined;
    if (!shown) {
      this.drawing = undefined;
      this.columns = undefined;
    }
    renderHeader(
      this.page,
      graph,
      documentUri,
      this.mode,
      shown && { fit: this.zoom.fit, level: shown.stacked ? undefined : shown.level },
      {
        copyMermaid: () => this.graph && this.events.copyMermaid(toMermaid(this.graph)),
        saveSvg: () => this.saveSvg(),
        fitToWidth: () => this.setZoom(this.zoom.fit ? { fit: false, level: 1 } : { fit: true }),
        zoom: (step) => shown && this.setZoom(zoomStep(shown, step)),
        show: (mode) => this.show(mode),
      },
    );
    if (shown) this.renderGraphPage(graph, shown);
    else this.renderTimelinePage(graph);
    this.restoreView(kept);
    this.events.changed();
  }

  private renderGraphPage(graph: StartOrderGraph, shown: Presentation): void {
    const area = html(
      'section',
      {
        class: shown.stacked ? 'graph-scroll stacked-area' : 'graph-scroll',
        'aria-label': 'Start-order graph',
      },
      this.page,
    );
    if (!this.drawing) {
      html('p', { class: 'placeholder' }, area, 'The task definition has no containers yet.');
    } else {
      area.appendChild(this.drawing.element);
      this.renderFocusParts(GRAPH_KEYS);
      renderLegend(this.page, !shown.stacked);
    }
    renderStory(this.page, graph);
    this.markSelection();
    this.setCurrent(this.currentId ?? this.drawing?.columns[0]?.[0]);
    this.fitHeight(area);
    this.announce(statusText(graph));
  }

  /** The timeline: the outcome on top, the scenario controls, then the chart and its table. */
  private renderTimelinePage(graph: StartOrderGraph): void {
    this.outcomeSlot = html('div', { class: 'outcome-slot' }, this.page);
    this.scenarioControls = renderScenarios(this.page, graph, this.scenario, (s) => this.choose(s));
    this.timelineSlot = html('div', { class: 'timeline-slot' }, this.page);
    this.fillTimeline(graph);
  }

  /** Draws what depends on the simulation: the outcome, the chart, details, legend and events. */
  private fillTimeline(graph: StartOrderGraph): void {
    const outcome = this.outcomeSlot!;
    const slot = this.timelineSlot!;
    outcome.replaceChildren();
    slot.replaceChildren();
    slot.removeAttribute('aria-busy');
    this.details = undefined;
    this.drawing = undefined;
    const simulation = this.simulation;
    const area = html('section', { class: 'timeline-area', 'aria-label': 'Timeline' }, slot);
    if (!simulation) {
      html('p', { class: 'placeholder' }, area, 'Simulating the start…');
      this.announce('Simulating the start…');
      return;
    }
    if (!simulation.result) {
      const message = 'The start of this task definition could not be simulated.';
      html('p', { class: 'placeholder' }, area, message);
      this.announce(message);
      return;
    }
    const result = simulation.result;
    renderOutcome(outcome, result, graph);
    if (result.containers.length === 0) {
      html('p', { class: 'placeholder' }, area, 'The task definition has no containers yet.');
    } else {
      this.drawing = renderTimeline(graph, result, simulation.scenario, this.maxTicks());
      area.appendChild(this.drawing.element);
      this.renderFocusParts(TIMELINE_KEYS, slot);
      renderTimelineLegend(slot);
    }
    renderEvents(slot, result, graph);
    this.markSelection();
    this.setCurrent(this.currentId ?? this.drawing?.columns[0]?.[0]);
    this.announce(result.outcome);
  }

  /** The keys hint the drawing is described by, and the details of its focused container. */
  private renderFocusParts(keys: string, parent: Element = this.page): void {
    this.drawing!.element.setAttribute('aria-describedby', 'graph-keys');
    html('p', { id: 'graph-keys', class: 'keys-hint' }, parent, keys);
    this.details = html('section', { class: 'details', 'aria-label': 'Container details' }, parent);
  }

  /** How many intervals the timeline's axis has room for: one per 70 pixels of its track. */
  private maxTicks(): number {
    const width = this.availableWidth();
    const track = width < 620 ? width - 30 : width * 0.7 - 30;
    return Math.max(2, Math.min(10, Math.floor(track / 70)));
  }

  /** What a redraw should give back: the focus, and the scroll positions. */
  private keepView(): KeptView {
    const scroller = this.root.querySelector('.graph-scroll');
    return {
      focus: focusedKey(this.root),
      scroll: scroller ? { left: scroller.scrollLeft, top: scroller.scrollTop } : undefined,
      windowScroll: window.scrollY,
    };
  }

  private restoreView(kept: KeptView): void {
    const scroller = this.root.querySelector('.graph-scroll');
    if (scroller && kept.scroll)
      [scroller.scrollLeft, scroller.scrollTop] = [kept.scroll.left, kept.scroll.top];
    window.scrollTo({ top: kept.windowScroll });
    if (kept.focus) {
      this.restoringFocus = true;
      restoreFocus(this.root, kept.focus);
      this.restoringFocus = false;
    }
  }

  /** Draws the graph as columns, or as the stacked list where fitted columns would be unreadable. */
  private draw(graph: StartOrderGraph): Presentation {
    this.measure ??= new TextMeasure();
    this.columns = graph.nodes.length > 0 ? renderGraph(graph, this.measure) : undefined;
    const shown = present(this.zoom, this.columns?.layout.width ?? 0, this.availableWidth());
    this.drawing = shown.stacked ? renderStacked(graph) : this.columns;
    if (!shown.stacked) this.columns?.setZoom(shown.level);
    return shown;
  }

  showMessage(message: string, documentUri?: string): void {
    this.graph = undefined;
    this.drawing = undefined;
    this.columns = undefined;
    this.details = undefined;
    this.outcomeSlot = undefined;
    this.timelineSlot = undefined;
    this.scenarioControls = undefined;
    if (documentUri !== undefined && documentUri !== this.documentUri) {
      this.simulation = undefined;
      this.scenario = SUCCEEDS;
    }
    if (documentUri !== undefined) this.documentUri = documentUri;
    this.page.replaceChildren();
    renderMessage(this.page, message, documentUri);
    this.announce(message);
    this.events.changed();
  }

  /** Selects a container (from a code lens): marks it, scrolls it into view and focuses it. */
  select(containerId: string): void {
    if (!this.graph?.nodes.some((n) => n.id === containerId)) return;
    this.selectedId = containerId;
    this.markSelection();
    this.focusNode(containerId, 'center');
    this.events.changed();
  }

  /** Says `text` through the status line, only when it differs from what it said last. */
  private announce(text: string): void {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  private availableWidth(): number {
    const style = getComputedStyle(this.root);
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    // The graph area's border takes two pixels.
    return Math.max(1, this.root.clientWidth - padding - 2);
  }

  /** Keeps the graph area within the window, so that its scroll bars stay in reach. */
  private fitHeight(area: HTMLElement): void {
    if (!area.classList.contains('stacked-area')) {
      const top = area.getBoundingClientRect().top + window.scrollY;
      area.style.maxHeight = `${Math.max(240, window.innerHeight - Math.min(top, 120) - 16)}px`;
    }
  }

  private setZoom(zoom: Zoom): void {
    this.zoom = zoom;
    this.render();
  }

  private onResize(): void {
    // A zoomed graph keeps its size; a fitted graph and the timeline follow the panel's width.
    if (this.resizePending || (this.mode === 'graph' && !this.zoom.fit)) return;
    this.resizePending = true;
    requestAnimationFrame(() => {
      this.resizePending = false;
      this.render();
    });
  }

  private saveSvg(): void {
    const columns = this.columns;
    const graph = this.graph;
    if (!columns || !graph) return;
    // The stacked list has no drawing of its own to save: the graph is drawn, unseen, to copy it.
    const attached = columns.element.isConnected;
    if (!attached) {
      columns.element.classList.add('offscreen');
      this.page.appendChild(columns.element);
    }
    try {
      this.events.saveSvg(
        exportSvg(columns.element, `Start order${graph.family ? ` of ${graph.family}` : ''}`),
      );
    } finally {
      if (!attached) columns.element.remove();
    }
  }

  private nodeIdOf(target: EventTarget | null): string | undefined {
    if (!(target instanceof Element) || !this.drawing) return undefined;
    const el = target.closest('[data-node-id]');
    if (!el || !this.drawing.element.contains(el)) return undefined;
    return el.getAttribute('data-node-id') ?? undefined;
  }

  /** Gives `id` the graph's tab stop and shows its details. */
  private setCurrent(id: string | undefined): void {
    const drawing = this.drawing;
    const graph = this.graph;
    if (!drawing || !graph) return;
    // A container the drawing does not show (the timeline of the file before an edit) cannot hold
    // the tab stop: the first one does.
    if (id === undefined || !drawing.nodeElement(id)) id = drawing.columns[0]?.[0];
    this.currentId = id;
    for (const el of drawing.element.querySelectorAll('[data-node-id]'))
      el.setAttribute('tabindex', el.getAttribute('data-node-id') === id ? '0' : '-1');
    if (this.details)
      renderDetails(
        this.details,
        graph.nodes.find((n) => n.id === id),
        graph,
        { reveal: (range) => this.documentUri && this.events.reveal(this.documentUri, range) },
      );
  }

  private focusNode(id: string, block: ScrollLogicalPosition = 'nearest'): void {
    const element = this.drawing?.nodeElement(id);
    if (!element) return;
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block, inline: block });
  }

  private onKey(event: KeyboardEvent): void {
    const id = this.nodeIdOf(event.target);
    if (id === undefined || !this.drawing || !this.graph) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.activate(event.target);
    } else if (isNavigationKey(event.key) && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const next = move({ ...this.drawing, edges: this.graph.edges }, id, event.key);
      if (next !== undefined) this.focusNode(next);
    }
  }

  private markSelection(): void {
    if (!this.drawing) return;
    for (const el of this.drawing.element.querySelectorAll('[data-node-id]')) {
      const on = el.getAttribute('data-node-id') === this.selectedId;
      el.classList.toggle('selected', on);
      if (on) el.setAttribute('aria-current', 'true');
      else el.removeAttribute('aria-current');
    }
  }

  /** Click, Enter or Space on a container, or a click on an arrow: reveal it in the editor. */
  private activate(target: EventTarget | null): boolean {
    if (!(target instanceof Element) || !this.graph || !this.documentUri || !this.drawing)
      return false;
    const nodeId = this.nodeIdOf(target);
    if (nodeId !== undefined) {
      const node = this.graph.nodes.find((n) => n.id === nodeId);
      if (!node) return false;
      this.selectedId = node.id;
      this.markSelection();
      this.events.changed();
      this.events.reveal(this.documentUri, node.range);
      return true;
    }
    const edgeEl = target.closest('[data-edge-id]');
    if (edgeEl && this.drawing.element.contains(edgeEl)) {
      const edge = this.graph.edges.find((e) => e.id === edgeEl.getAttribute('data-edge-id'));
      if (!edge) return false;
      this.events.reveal(this.documentUri, edge.range);
      return true;
    }
    return false;
  }

  /** While a container or an arrow is hovered or focused, its arrows stand out and the rest recede. */
  private highlight(target: EventTarget | null): void {
    const svgRoot = this.drawing === this.columns ? this.columns?.element : undefined;
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

interface FocusKey {
  attribute: string;
  value: string;
}

interface KeptView {
  focus: FocusKey | undefined;
  scroll: { left: number; top: number } | undefined;
  windowScroll: number;
}

/** What has the focus (a container, a button), so that a redraw can give it back. */
function focusedKey(root: HTMLElement): FocusKey | undefined {
  const focused = document.activeElement;
  if (!(focused instanceof Element) || !root.contains(focused)) return undefined;
  for (const attribute of ['data-node-id', 'data-action']) {
    const value = focused.getAttribute(attribute);
    if (value !== null) return { attribute, value };
  }
  return undefined;
}

function restoreFocus(root: HTMLElement, key: FocusKey): void {
  const element = root.querySelector<HTMLElement | SVGElement>(
    `[${key.attribute}="${CSS.escape(key.value)}"]`,
  );
  element?.focus({ preventScroll: true });
}
