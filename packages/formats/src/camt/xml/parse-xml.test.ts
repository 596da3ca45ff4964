import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidDataError } from '@recon/core';
import { decodeEntities, parseXml, type XmlElement } from './parse-xml';
import { attribute, at, textAt } from './query';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Document><BkToCstmrStmt><Stmt><Id>&lol9;</Id></Stmt></BkToCstmrStmt></Document>`;

describe('parseXml', () => {
  it('reads elements, attributes, text, prefixes, comments, processing instructions and CDATA', () => {
    const root = parseXml(`<?xml version="1.0"?>
<!-- a statement -->
<ns2:Document xmlns:ns2="urn:x"><ns2:Amt Ccy='EUR' ns2:x="1">12.50</ns2:Amt><Nm>A &amp; B &#x263A; &#65;<![CDATA[ <raw> & ]]></Nm><Empty/></ns2:Document>`);
    expect(root.name).toBe('Document');
    expect(root.children.map((c) => c.name)).toEqual(['Amt', 'Nm', 'Empty']);
    expect(textAt(root, 'Amt')).toBe('12.50');
    expect(attribute(at(root, 'Amt'), 'Ccy')).toBe('EUR');
    expect(attribute(at(root, 'Amt'), 'x')).toBe('1');
    expect(at(root, 'Nm')?.text).toBe('A & B ☺ A <raw> & ');
    expect(at(root, 'Empty')?.text).toBe('');
  });

  it('refuses a DTD, so the billion-laughs bomb never expands', () => {
    expect(() => parseXml(BILLION_LAUGHS)).toThrow(expect.objectContaining({ code: 'XML_DTD_FORBIDDEN' }));
    expect(() => parseXml('<!DOCTYPE x SYSTEM "file:///etc/passwd"><x>&xxe;</x>')).toThrow(InvalidDataError);
  });

  it('leaves undeclared entities as written instead of expanding anything', () => {
    expect(parseXml('<a>&lol9; &amp;</a>').text).toBe('&lol9; &');
    expect(decodeEntities('&#0; &#xD800; &#x110000;')).toBe('&#0; &#xD800; &#x110000;');
  });

  it('cannot be used to pollute prototypes: __proto__ is just a name', () => {
    const root = parseXml('<__proto__ __proto__="polluted" constructor="x"><__proto__><polluted>yes</polluted></__proto__><Amt __proto__="1">5</Amt></__proto__>');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(root.name).toBe('__proto__');
    expect(attribute(root, '__proto__')).toBe('polluted');
    expect(Object.getPrototypeOf(root.attributes)).toBeNull();
    expect(textAt(root, '__proto__', 'polluted')).toBe('yes');
  });

  it('limits nesting depth without recursion', () => {
    const deep = `${'<a>'.repeat(100)}${'</a>'.repeat(100)}`;
    expect(() => parseXml(deep)).toThrow(expect.objectContaining({ code: 'XML_TOO_DEEP' }));
    expect(parseXml(deep, { maxDepth: 200 }).name).toBe('a');
  });

  it('rejects malformed XML with the line of the problem', () => {
    expect(() => parseXml('<a>\n<b></a>')).toThrow(/line 2: end tag <\/a> does not close <b>/);
    expect(() => parseXml('<a><b>')).toThrow(expect.objectContaining({ code: 'XML_MALFORMED' }));
    expect(() => parseXml('<a x=1></a>')).toThrow(/not quoted/);
    expect(() => parseXml('<a></a><b></b>')).toThrow(/more than one root/);
    expect(() => parseXml('text')).toThrow(/outside the root/);
    expect(() => parseXml('')).toThrow(/no root element/);
  });

  it('hands detached elements to the callback and keeps them out of the tree', () => {
    const seen: Array<[string, string]> = [];
    const root = parseXml('<Stmt><Id>1</Id><Ntry><Amt>1</Amt></Ntry><Ntry><Amt>2</Amt></Ntry></Stmt>', {
      detach: new Set(['Ntry']),
      onDetached: (element: XmlElement, parent: XmlElement) => seen.push([parent.name, textAt(element, 'Amt') ?? '']),
    });
    expect(seen).toEqual([
      ['Stmt', '1'],
      ['Stmt', '2'],
    ]);
    expect(root.children.map((c) => c.name)).toEqual(['Id']);
  });

  it('only ever throws InvalidDataError on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('<', '>', '/', 'a', 'b', '"', "'", '=', ' ', '&', ';', '!', '?', '-', '[', ']', 'x') }), (text) => {
        try {
          parseXml(text);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidDataError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
