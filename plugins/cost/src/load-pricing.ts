import { resolve } from 'node:path';
import type { CostOptions } from './options.js';
import { PricingTable } from './pricing.js';
import { readPricingFile } from './pricing-file.js';

/**
 * The pricing table a run or command uses: the built-ins, then `pricing_file`, then inline `pricing`,
 * then `extraFile` (`atp estimate --pricing FILE`), each merged over the previous one.
 */
export async function loadPricing(options: Pick<CostOptions, 'pricing' | 'pricing_file'>, baseDir: string, extraFile?: { path: string; baseDir: string }): Promise<PricingTable> {
  let table = PricingTable.builtIn();
  if (options.pricing_file) table = table.withOverrides(await readPricingFile(resolve(baseDir, options.pricing_file)));
  if (options.pricing) table = table.withOverrides(options.pricing);
  if (extraFile) table = table.withOverrides(await readPricingFile(resolve(extraFile.baseDir, extraFile.path)));
  return table;
}
