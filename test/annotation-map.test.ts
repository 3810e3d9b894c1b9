import { ApiObject, Lazy, Testing } from 'cdk8s';
import { annotationMapOf, hasAnnotations } from '../src/service/annotation-map';

function objectWith(annotations: Record<string, string>): ApiObject {
  return new ApiObject(Testing.chart(), 'obj', { apiVersion: 'v1', kind: 'Service', metadata: { annotations } });
}

describe('annotationMapOf', () => {
  test('GIVEN string annotations THEN it reads cdk8s\'s map, including annotations added later', () => {
    const obj = objectWith({ a: '1' });
    obj.metadata.addAnnotation('b', '2');
    expect(annotationMapOf(obj)).toEqual({ a: '1', b: '2' });
  });

  test('GIVEN a token among the annotations THEN it gives up (the caller renders the metadata)', () => {
    const obj = objectWith({ a: '1' });
    obj.metadata.addAnnotation('b', Lazy.any({ produce: () => '2' }));
    expect(annotationMapOf(obj)).toBeUndefined();
  });
});

describe('hasAnnotations', () => {
  test.each([
    ['the same strings', true, { a: '1', b: '2' }, 2],
    ['a value that differs', false, { a: '1', b: '3' }, 2],
    ['a key the object lacks', false, { a: '1', b: '2', c: '3' }, 3],
    ['a key the copy lacks', false, { a: '1' }, 1],
    ['a count that differs', false, { a: '1', b: '2' }, 3],
  ])('GIVEN %s THEN it answers %s', (_what, expected, copy, count) => {
    expect(hasAnnotations(objectWith({ a: '1', b: '2' }), copy, count)).toBe(expected);
  });

  test('GIVEN a key named like an inherited member THEN it is compared as data', () => {
    expect(hasAnnotations(objectWith({ toString: 'x' }), {}, 1)).toBe(false);
    expect(hasAnnotations(objectWith({ toString: 'x' }), { toString: 'x' }, 1)).toBe(true);
  });

  test('GIVEN a token among the annotations THEN it answers no', () => {
    const obj = objectWith({ a: '1' });
    obj.metadata.addAnnotation('b', Lazy.any({ produce: () => '2' }));
    expect(hasAnnotations(obj, { a: '1', b: '2' }, 2)).toBe(false);
  });
});
