/**
 * The Node entry point of the language server (dist/server.js, also the
 * `ecs-init-order-language-server --stdio` bin). `createConnection` picks the transport from the
 * command line: --stdio, --node-ipc, --socket=<port> or --pipe=<name>. The connection exits by
 * itself when stdin ends (--stdio) or the client process named in `initialize` goes away.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { loadTerraform } from './terraform';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, { loadTerraform });

// With --node-ipc the channel to the parent closes when the client goes away.
process.on('disconnect', () => process.exit(0));
