// The RELAX NG engine on small grammars of our own: each construct, each message, each range.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/common/lineIndex';
import { parseGrammar } from '../../../server/src/kiwi/schema/rng';
import { validateTree } from '../../../server/src/kiwi/schema/validate';
import { parseXml } from '../../../server/src/kiwi/xml';

const RNG = `<grammar xmlns="http://relaxng.org/ns/structure/1.0" xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
    datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="root"/></start>
  <define name="root">
    <element name="root">
      <a:documentation>The root</a:documentation>
      <attribute name="version"><value>2.0</value></attribute>
      <optional><attribute name="mode"><choice><value>fast</value><value>slow</value></choice></attribute></optional>
      <ref name="items"/>
      <optional><element name="note"><text/></element></optional>
    </element>
  </define>
  <define name="items">
    <oneOrMore>
      <element name="item">
        <attribute name="name"><data type="token"><param name="pattern">[a-z]+</param></data></attribute>
        <optional><attribute name="count"><data type="nonNegativeInteger"/></attribute></optional>
        <empty/>
      </element>
    </oneOrMore>
    <interleave>
      <optional><element name="size"><data type="integer"><param name="minInclusive">1</param></data></element></optional>
      <zeroOrMore><element name="tag"><choice><value>a</value><value>b</value></choice></element></zeroOrMore>
    </interleave>
  </define>
  <define name="items" combine="choice"><element name="empty-marker"><empty/></element></define>
</grammar>`;

const g = parseGrammar(RNG);

function check(xml: string): string[] {
  const idx = new LineIndex(xml);
  return validateTree(g, parseXml(xml).root).map((p) => {
    const a = idx.positionAt(p.span.start);
    return `${a.line + 1}:${a.character + 1} ${xml.slice(p.span.start, p.span.end)} | ${p.message}`;
  });
}

test('the grammar parses: defines combine, documentation, element names', () => {
  assert.deepEqual(g.problems, []);
  assert.equal(g.docs.get('root'), 'The root');
  assert.deepEqual([...g.elementNames].sort(), ['empty-marker', 'item', 'note', 'root', 'size', 'tag']);
});

test('valid documents pass: groups, optional, oneOrMore, interleave in any order, combine="choice"', () => {
  assert.deepEqual(check('<root version="2.0" mode="fast"><item name="a" count="3"/><item name="b"/><tag>b</tag><size>4</size><tag>a</tag><note>hi</note></root>'), []);
  assert.deepEqual(check('<root version=" 2.0 "><empty-marker/></root>'), []);
});

test('element not allowed here / anywhere, with what was expected', () => {
  assert.deepEqual(check('<root version="2.0"><item name="a"/><note>x</note><item name="b"/></root>'), [
    '1:52 item | element "item" not allowed here; expected the element end-tag',
  ]);
  assert.deepEqual(check('<root version="2.0"><bogus/><item name="a"/></root>'), [
    '1:22 bogus | element "bogus" not allowed anywhere; expected element "empty-marker" or "item"',
  ]);
});

test('attributes: not allowed, invalid enumerated value, invalid data, missing required', () => {
  assert.deepEqual(check('<root version="2.0" speed="1"><item name="a"/></root>'), [
    '1:21 speed | attribute "speed" not allowed here; expected attribute "mode"',
  ]);
  assert.deepEqual(check('<root version="3.0" mode="medium"><item name="A1" count="-1"/></root>'), [
    '1:16 3.0 | value of attribute "version" is invalid; must be equal to "2.0"',
    '1:27 medium | value of attribute "mode" is invalid; must be equal to "fast" or "slow"',
    '1:47 A1 | value of attribute "name" is invalid; must be a string matching the regular expression "[a-z]+"',
    '1:58 -1 | value of attribute "count" is invalid; must be a value of type nonNegativeInteger',
  ]);
  assert.deepEqual(check('<root><item/></root>'), [
    '1:2 root | element "root" missing required attribute "version"',
    '1:8 item | element "item" missing required attribute "name"',
  ]);
});

test('character content: enumerated and data values, with the text span; empty content', () => {
  assert.deepEqual(check('<root version="2.0"><item name="a"/><tag> c </tag><size>0</size></root>'), [
    '1:43 c | character content of element "tag" invalid; must be equal to "a" or "b"',
    '1:57 0 | character content of element "size" invalid; must be a value of type integer',
  ]);
  assert.deepEqual(check('<root version="2.0"><item name="a"/><tag></tag></root>'), [
    '1:38 tag | character content of element "tag" invalid; must be equal to "a" or "b"',
  ].map((s) => s.replace('1:38 tag', '1:42 ')));
});

test('incomplete content names the missing element; errors do not cascade', () => {
  assert.deepEqual(check('<root version="2.0"></root>'), ['1:2 root | element "root" incomplete; expected element "empty-marker" or "item"']);
  assert.deepEqual(check('<root version="9"><item name="a"/></root>'), ['1:16 9 | value of attribute "version" is invalid; must be equal to "2.0"']);
});

test('bounded and tolerant: broken XML, unknown grammar constructs, deep nesting', () => {
  const bad = parseGrammar('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><externalRef href="x.rng"/></start></grammar>');
  assert.deepEqual(bad.problems, ['<externalRef> is not supported (ignored)']);
  assert.equal(parseGrammar('not xml').problems.length > 0, true);
  const deep = '<root version="2.0">' + '<item name="a"/>'.repeat(2000) + '</root>';
  assert.deepEqual(check(deep), []);
});
