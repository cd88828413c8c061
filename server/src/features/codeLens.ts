/**
 * A code lens above each container: its start phase and what it waits for ("phase 2 · waits for
 * init-setup (SUCCESS) · 1 waits for it"). Clicking it opens the start-order graph on that container.
 */
import type { CodeLens } from 'vscode-languageserver-types';
import type { Analysis, StartOrder, TaskModel } from '../engine/index';
import { Commands } from '../../../shared/src/protocol';
import { nodeRange } from './located';
import { inCycle, phaseLabel, waitLabel } from './startOrderWords';

export function codeLenses(analysis: Analysis, uri: string): CodeLens[] {
  return analysis.definitions.flatMap(({ model, order, input }) =>
    containerLenses(model, order, uri, input.name),
  );
}

/** `definition`: the task definition's name in a file that can hold several (the graph opens on it). */
function containerLenses(
  model: TaskModel,
  order: StartOrder,
  uri: string,
  definition: string | undefined,
): CodeLens[] {
  return model.containers.map((c) => {
    const waitsFor = order.waitsFor.get(c)!;
    const waitedBy = order.waitedBy.get(c)!;
    const parts: string[] = [];
    if (inCycle(order, c)) parts.push('in a dependency cycle');
    else {
      parts.push(phaseLabel(order, c));
      parts.push(
        waitsFor.length === 0
          ? 'starts first'
          : `waits for ${waitsFor.map((e) => waitLabel(e, e.from)).join(', ')}`,
      );
    }
    if (waitedBy.length > 0)
      parts.push(`${waitedBy.length} wait${waitedBy.length === 1 ? 's' : ''} for it`);
    const title = parts.join(' · ');
    return {
      range: nodeRange(model.source, c.nameNode ?? c.node),
      command: {
        title,
        command: Commands.showGraphFor,
        arguments: definition === undefined ? [uri, c.id] : [uri, c.id, definition],
      },
    };
  });
}
