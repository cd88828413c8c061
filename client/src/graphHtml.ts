/**
 * The webview's HTML page. Both the graph panel and the browser test harness build the page with
 * this, so the tests load exactly what VS Code shows. The page is a fixed skeleton: no data from the
 * task definition ever goes through this string; the script builds everything else with DOM calls.
 */

export interface WebviewHtmlOptions {
  /** URI of dist/webview.js as the webview sees it (webview.asWebviewUri). */
  scriptUri: string;
  /** URI of media/graph.css as the webview sees it. */
  styleUri: string;
  /** webview.cspSource: the origin the webview loads its local resources from. */
  cspSource: string;
  /** A fresh random nonce per page (createNonce). */
  nonce: string;
}

/** The Content-Security-Policy of the page: nothing but our own stylesheet and our nonce'd script. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function renderWebviewHtml(options: WebviewHtmlOptions): string {
  const { scriptUri, styleUri, cspSource, nonce } = options;
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce))
    throw new Error('the nonce must be at least 16 base64 characters');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(cspSource, nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${attr(styleUri)}">
  <title>Start Order</title>
</head>
<body>
  <main id="app" class="app">
    <p class="placeholder">Loading the start order…</p>
  </main>
  <script nonce="${attr(nonce)}" src="${attr(scriptUri)}"></script>
</body>
</html>
`;
}

/** A nonce from the platform's cryptographic random source (never Math.random). */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function attr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
