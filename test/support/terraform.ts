/** Terraform in tests: the parser loaded from node_modules, and analysis of .tf text. */
import { analyze, type Analysis, type AnalysisOptions } from '../../server/src/engine/index';
import { loadTerraform } from '../../server/src/node/terraform';

/** Load the HCL parser (call in `before`); every later analysis of .tf text is synchronous. */
export function terraformReady(): Promise<void> {
  return loadTerraform();
}

export function analyzeTf(text: string, options: AnalysisOptions = {}): Analysis {
  return analyze(text, { ...options, format: 'terraform' });
}
