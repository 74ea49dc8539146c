import { Secret } from '@atp/kernel';
import { describe, expect, it } from 'vitest';
import { FactualityConfigSchema } from '../src/index.js';

describe('factuality config schema', () => {
  it('applies the reference defaults', () => {
    expect(FactualityConfigSchema.parse({ ground_truth_file: 'truth.json' })).toEqual({
      ground_truth_file: 'truth.json',
      verification_method: 'ground_truth',
      min_confidence: 0.8,
      check_citations: true,
      detect_hallucinations: true,
      number_tolerance: 0,
      number_tolerance_mode: 'relative',
    });
  });

  it('llm_verify needs an endpoint; the api key may be a Secret', () => {
    const key = new Secret('sk-abc');
    const parsed = FactualityConfigSchema.parse({ verification_method: 'llm_verify', llm: { base_url: 'https://api.openai.com/v1', model: 'gpt-4o-mini', api_key: key } });
    expect(parsed.llm).toEqual({ base_url: 'https://api.openai.com/v1', model: 'gpt-4o-mini', api_key: key, timeout_seconds: 60, max_claims: 50 });
    expect(FactualityConfigSchema.safeParse({ verification_method: 'llm_verify' }).error?.issues).toEqual([
      { code: 'custom', path: ['llm'], message: 'llm: {base_url, model, api_key} is required with verification_method: llm_verify' },
    ]);
    expect(FactualityConfigSchema.safeParse({ ground_truth_file: 'x.json', llm: { base_url: 'https://x.io', model: 'm' } }).error?.issues).toEqual([
      { code: 'custom', path: ['llm'], message: 'llm has no effect unless verification_method is llm_verify' },
    ]);
    expect(FactualityConfigSchema.safeParse({ verification_method: 'llm_verify', llm: { base_url: 'ftp://x', model: 'm' } }).error?.issues[0]).toMatchObject({
      path: ['llm', 'base_url'],
      message: 'base_url must be an http(s) URL, e.g. https://api.openai.com/v1',
    });
  });

  it('rejects what cannot work, with the allowed values', () => {
    expect(FactualityConfigSchema.safeParse({}).error?.issues).toEqual([
      { code: 'custom', path: ['ground_truth_file'], message: 'ground_truth_file is required with verification_method: ground_truth' },
    ]);
    expect(FactualityConfigSchema.safeParse({ verification_method: 'rag' }).error?.issues[0]?.message).toBe(
      'unknown verification_method "rag"; expected one of ground_truth, llm_verify (rag is not supported)',
    );
    expect(FactualityConfigSchema.safeParse({ ground_truth_file: 'x.json', min_confidence: 1.5 }).error?.issues[0]?.path).toEqual(['min_confidence']);
    expect(FactualityConfigSchema.safeParse({ ground_truth_file: 'x.json', tolerance: 0.1 }).error?.issues).toEqual([
      { code: 'unrecognized_keys', keys: ['tolerance'], path: [], message: 'Unrecognized key: "tolerance"' },
    ]);
  });
});
