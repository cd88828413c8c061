/**
 * The smallest LSP session over stdio, written out by hand so that it depends on nothing of the
 * server's own: initialize, initialized, shutdown, exit. For the tests of the installed bins.
 */
import { spawn } from 'node:child_process';

function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

export interface StdioSession {
  capabilities: Record<string, unknown>;
  exitCode: number | null;
}

/** Starts `command --stdio`, waits for the answer to initialize, then shuts the server down. */
export async function initializeOverStdio(command: string, cwd: string): Promise<StdioSession> {
  const server = spawn(command, ['--stdio'], { cwd });
  const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
  let received = Buffer.alloc(0);
  const answer = new Promise<{ id: number; result: { capabilities: Record<string, unknown> } }>(
    (resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer to initialize in 10 s')), 10_000);
      server.stdout.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        const headerEnd = received.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(
          /Content-Length: (\d+)/.exec(received.subarray(0, headerEnd).toString())?.[1],
        );
        const body = received.subarray(headerEnd + 4);
        if (body.length < length) return;
        clearTimeout(timer);
        resolve(JSON.parse(body.subarray(0, length).toString('utf8')));
      });
    },
  );
  server.stdin.write(
    frame({
      id: 1,
      method: 'initialize',
      params: { processId: process.pid, rootUri: null, capabilities: {} },
    }),
  );
  try {
    const response = await answer;
    if (response.id !== 1) throw new Error(`unexpected first message: ${JSON.stringify(response)}`);
    server.stdin.write(frame({ method: 'initialized', params: {} }));
    server.stdin.write(frame({ id: 2, method: 'shutdown' }));
    server.stdin.write(frame({ method: 'exit' }));
    return { capabilities: response.result.capabilities, exitCode: await exited };
  } finally {
    server.kill();
  }
}
