import * as fs from 'fs';
import * as path from 'path';
import { ElbAnnotations } from '../src';
import { CATALOG } from '../src/annotations/catalog';
import { BOOLEAN, INTEGER, KEY_VALUES, LIST, jsonObject, jsonObjectArray } from '../src/annotations/codecs';
import { renderAnnotationReference } from '../src/annotations/reference-doc';

describe('docs/annotations.md', () => {
  test('is what the catalog generates (run `npx projen docs:annotations` after changing the catalog)', () => {
    const checkedIn = fs.readFileSync(path.join(__dirname, '..', 'docs', 'annotations.md'), 'utf8');
    expect(checkedIn).toEqual(renderAnnotationReference());
  });

  test('lists every catalog key and every JSON field', () => {
    const doc = renderAnnotationReference();
    for (const entry of CATALOG.values()) {
      // A per-Service key is listed with its placeholder: `kubernetes.io/elb.headers.<service>`.
      expect(doc).toContain(`| \`${entry.key}${entry.perService ? '&lt;service&gt;' : ''}\` |`);
      for (const field of Object.keys(entry.fields ?? {})) expect(doc).toContain(`| \`${field}\` |`);
    }
  });
});

describe('catalog coverage', () => {
  // Reference §2 keys that are neither unverified nor written by CCE: each needs a typed prop.
  const SETTABLE = [
    'class', 'id', 'ip', 'autocreate', 'subnet-id', 'enterpriseID', 'lb-algorithm', 'session-affinity-mode',
    'session-affinity-option', 'health-check-flag', 'health-check-option', 'health-check-options', 'pass-through',
    'protocol-port', 'cert-id', 'client-ca-cert-id', 'tls-certificate-ids', 'http2-enable', 'adaptive-weight', 'acl-id',
    'acl-status', 'acl-type', 'keepalive_timeout', 'client_timeout', 'member_timeout', 'tags', 'transparent-client-ip',
    'custom-eip-id', 'x-forwarded-port', 'x-forwarded-for-port', 'x-forwarded-host', 'connection-drain-enable',
    'connection-drain-timeout',
  ].map((k) => `kubernetes.io/elb.${k}`).concat('kubernetes.io/hws-hostNetwork');

  test.each(SETTABLE)('%s has a typed prop', (key) => {
    const entry = CATALOG.get(key);
    expect(entry).toBeDefined();
    expect(entry!.writtenByCce).toBeUndefined();
    expect(entry!.prop).toMatch(/^[A-Za-z]/);
  });

  test('the annotations CCE writes are exported, known to the catalog, and never settable as props', () => {
    expect(ElbAnnotations.WRITTEN_BY_CCE).toEqual([
      'kubernetes.io/elb.eip-id',
      'kubernetes.io/elb.custom-eip-status',
      'kubernetes.io/elb.mark',
      'kubernetes.io/elb.listener-port',
      'kubernetes.io/elb.listener-port-ranges-auto-generated',
      'kubernetes.io/elb.listener-master-ingress',
    ]);
    for (const key of ElbAnnotations.WRITTEN_BY_CCE) expect(CATALOG.get(key)?.writtenByCce).toBeDefined();
  });

  test('every ElbAnnotations key is in the catalog', () => {
    const keys = Object.values(ElbAnnotations).filter((v): v is string => typeof v === 'string');
    for (const key of keys) expect(CATALOG.has(key)).toBe(true);
  });
});

describe('codecs', () => {
  test('booleans are "true" or "false"; anything else names what is allowed', () => {
    expect(BOOLEAN.encode(true)).toBe('true');
    expect(BOOLEAN.decode('false')).toEqual({ ok: true, value: false });
    expect(BOOLEAN.decode('yes')).toEqual({ ok: false, problem: '"yes" is not allowed; allowed: "true" or "false"' });
  });

  test('integers are plain digits (a unit suffix such as "400s" is rejected)', () => {
    expect(INTEGER.decode('300')).toEqual({ ok: true, value: 300 });
    expect(INTEGER.decode('400s')).toEqual({ ok: false, problem: '"400s" is not allowed; allowed: digits only (a whole number from 0, without sign or unit) written as a string, such as "60"' });
  });

  test('lists split on commas; the empty string is the empty list', () => {
    expect(LIST.encode(['a', 'b'])).toBe('a,b');
    // Not trimmed: whether CCE trims is not documented, so " b" is checked as written.
    expect(LIST.decode('a, b')).toEqual({ ok: true, value: ['a', ' b'] });
    expect(() => LIST.encode(['a,b'])).toThrow('entry "a,b" is not allowed; allowed: a non-empty value without ","');
    expect(LIST.decode('')).toEqual({ ok: true, value: [] });
  });

  test('key=value maps round-trip and reject entries without "=" and repeated keys', () => {
    expect(KEY_VALUES.encode({ team: 'web', env: 'prod' })).toBe('team=web,env=prod');
    expect(KEY_VALUES.decode('team=web,env=')).toEqual({ ok: true, value: { team: 'web', env: '' } });
    expect(KEY_VALUES.decode('team')).toEqual({ ok: false, problem: 'entry "team" is not allowed; allowed: key=value pairs separated by commas, such as "team=web,env=prod"' });
    expect(KEY_VALUES.decode('a=1,a=2')).toEqual({ ok: false, problem: 'key "a" is given more than once; allowed: each key once' });
  });

  test('JSON objects are written compactly in the documented order, without undefined fields', () => {
    const codec = jsonObject(['type', 'name']);
    expect(codec.encode({ name: 'n', extra: 1, type: 'inner', gone: undefined })).toBe('{"type":"inner","name":"n","extra":1}');
    expect(codec.decode('[1]')).toEqual({ ok: false, problem: '"[1]" is not a JSON object; allowed: a JSON object' });
  });

  test.each([
    ['already in order', { type: 'inner', name: 'n', x: 1, y: 2 }, '{"type":"inner","name":"n","x":1,"y":2}'],
    ['known fields swapped', { name: 'n', type: 'inner' }, '{"type":"inner","name":"n"}'],
    ['an unknown field first', { y: 2, type: 'inner', x: 1 }, '{"type":"inner","y":2,"x":1}'],
    ['an undefined field last', { type: 'inner', name: undefined }, '{"type":"inner"}'],
    ['an undefined unknown field', { type: 'inner', x: undefined, y: 2 }, '{"type":"inner","y":2}'],
  ])('JSON object fields: %s', (_what, value, expected) => {
    expect(jsonObject(['type', 'name']).encode(value)).toBe(expected);
    expect(jsonObjectArray(['type', 'name']).encode([value, value])).toBe(`[${expected},${expected}]`);
  });

  test('JSON arrays hold objects only', () => {
    const codec = jsonObjectArray(['target_service_port']);
    expect(codec.decode('[{"target_service_port":"TCP:80"}]')).toEqual({ ok: true, value: [{ target_service_port: 'TCP:80' }] });
    expect(codec.decode('{"a":1}').ok).toBe(false);
    expect(codec.decode('[1]').ok).toBe(false);
    expect(codec.decode('[').ok).toBe(false);
  });
});
