import { describe, expect, it } from 'vitest';
import { diagnosticsReport, formatDrift } from '../../../lib/view/popup-diagnostics';
import { type QuotaState, STATE_VERSION } from '../../../lib/core/quota-state';
import { account, block, feature } from '../components/popup-states';

const quota: QuotaState = {
  version: STATE_VERSION,
  activeAccount: 'acct-00000000000000a1',
  accounts: {
    'acct-00000000000000a1': account([feature('image_gen', 3), feature('quantum_canvas', 1)], {
      unknownFields: ['limits_progress[].cadence', 'banner_v2'],
    }),
    default: account([feature('send', 2)], { unknownFields: ['banner_v2'], blocked: [block('video_gen'), block('file_upload')] }),
  },
};

describe('formatDrift', () => {
  it.each<[string, QuotaState, ReturnType<typeof formatDrift>]>([
    [
      'nothing new',
      { version: STATE_VERSION, activeAccount: 'default', accounts: { default: account([feature('image_gen', 3)]) } },
      { unknownFields: [], unknownFeatures: [] },
    ],
    [
      'unknown fields and feature names of every account, once each, sorted',
      quota,
      { unknownFields: ['banner_v2', 'limits_progress[].cadence'], unknownFeatures: ['quantum_canvas', 'video_gen'] },
    ],
  ])('%s', (_, state, expected) => {
    expect(formatDrift(state)).toEqual(expected);
  });
});

describe('diagnosticsReport', () => {
  it('holds exactly the version, the last findings, the drift and the ignored readings: no account key', () => {
    const lastFindings = { init: { at: 1, finding: { kind: 'quota', carrier: 'init', quota: { limits_progress: [] } } } };
    const ignored = [{ at: 2, where: 'stream', reason: 'body too large' }];
    const report = diagnosticsReport('0.1.0', quota, lastFindings, ignored);
    expect(report).toEqual({ extensionVersion: '0.1.0', lastFindings, drift: formatDrift(quota), ignored });
    expect(JSON.stringify(report)).not.toContain('acct-');
  });
});
