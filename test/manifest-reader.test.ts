import * as fs from 'fs';
import { INPUT_WAIT_MS, ManifestObject, readManifestFile } from '../src/lint/manifest-reader';

// Standard input is read with fs.readSync: replaced here, so that a read can answer EAGAIN.
jest.mock('fs', () => {
  const actual = jest.requireActual('fs');
  return { ...actual, readSync: jest.fn(actual.readSync) };
});

describe('standard input with no data yet', () => {
  test('GIVEN reads that find no data (EAGAIN) THEN it waits between them, then reads what comes', () => {
    // A non-blocking pipe or a terminal answers EAGAIN until the producer writes.
    const data = Buffer.from('apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n');
    let calls = 0;
    jest.mocked(fs.readSync).mockImplementation(((fd: number, buffer: Buffer) => {
      expect(fd).toBe(0);
      calls++;
      if (calls <= 3) throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, read'), { code: 'EAGAIN' });
      return calls === 4 ? data.copy(buffer) : 0;
    }) as unknown as typeof fs.readSync);
    const wait = jest.spyOn(Atomics, 'wait');
    try {
      const objects: ManifestObject[] = [];
      readManifestFile('-', { object: (o) => objects.push(o), problem: (p) => { throw new Error(p.message); } });
      expect(objects.map((o) => o.value)).toEqual([{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } }]);
      expect(wait).toHaveBeenCalledTimes(3);
      for (const call of wait.mock.calls) expect(call[3]).toBe(INPUT_WAIT_MS);
    } finally {
      jest.mocked(fs.readSync).mockReset();
      wait.mockRestore();
    }
  });
});
