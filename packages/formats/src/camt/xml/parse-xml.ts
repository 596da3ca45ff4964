import { FormatErrorCode, fileError } from '../../errors';

/** One element. Names are local names (`ns2:Ntry` → `Ntry`); attributes keep their written names. */
export interface XmlElement {
  name: string;
  /** Null-prototype record, or undefined when the element has none. */
  attributes: { [name: string]: string } | undefined;
  children: XmlElement[];
  /** Character data directly inside the element, entities decoded, not trimmed. */
  text: string;
  /** Offsets of the element in the source (start of `<`, end after `>`). */
  start: number;
  end: number;
}

/** Options of {@link parseXml}. */
export interface ParseXmlOptions {
  /**
   * Elements with these local names are handed to `onDetached` as soon as they close and are not
   * kept in the tree, so a 100 MB statement holds one entry's elements at a time, not all of them.
   */
  detach?: ReadonlySet<string>;
  onDetached?: (element: XmlElement, parent: XmlElement) => void;
  /** Nesting limit; deeper input is rejected (camt needs about 15). Default 64. */
  maxDepth?: number;
}

const LT = 60;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Decode the five predefined entities and character references. Nothing else is expanded: there
 * is no DTD to define entities in (it is refused), so an unknown `&name;` stays as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[A-Za-z]+);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return Object.prototype.hasOwnProperty.call(NAMED_ENTITIES, name) ? (NAMED_ENTITIES[name] as string) : whole;
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * A small XML parser for statement files, safe by construction:
 * - a DTD (`<!DOCTYPE`) is refused, so no entity can be declared and none expanded (billion laughs,
 *   external entities);
 * - element and attribute names never become object keys of ordinary objects (children are
 *   arrays, attributes a null-prototype record), so `__proto__` is just a name;
 * - nesting is limited, and the parser is iterative (no recursion to overflow).
 * It does what camt needs (elements, attributes, text, CDATA, comments, processing instructions)
 * and no more: no namespaces resolution beyond dropping prefixes, no validation.
 *
 * @throws InvalidDataError `XML_MALFORMED`, `XML_DTD_FORBIDDEN` or `XML_TOO_DEEP`.
 */
export function parseXml(text: string, options: ParseXmlOptions = {}): XmlElement {
  const maxDepth = options.maxDepth ?? 64;
  const detach = options.detach;
  const onDetached = options.onDetached;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  const length = text.length;
  const malformed = (why: string, at: number): never => {
    throw fileError(FormatErrorCode.XML_MALFORMED, `Malformed XML at line ${lineAt(text, at)}: ${why}`, text);
  };

  while (pos < length) {
    const lt = text.indexOf('<', pos);
    const textEnd = lt < 0 ? length : lt;
    if (textEnd > pos) {
      const current = stack[stack.length - 1];
      const chunk = text.slice(pos, textEnd);
      if (current) current.text += decodeEntities(chunk);
      else if (chunk.trim() !== '') malformed('text outside the root element', pos);
    }
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (next === SLASH) {
      const gt = text.indexOf('>', lt + 2);
      if (gt < 0) malformed('unterminated end tag', lt);
      const name = text.slice(lt + 2, gt).trim();
      const element = stack.pop();
      if (!element) return malformed(`end tag </${name}> without a start tag`, lt);
      if (localName(name) !== element.name) malformed(`end tag </${name}> does not close <${element.name}>`, lt);
      element.end = gt + 1;
      close(element);
      pos = gt + 1;
      continue;
    }
    if (next === QUESTION) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) malformed('unterminated processing instruction', lt);
      pos = end + 2;
      continue;
    }
    if (next === BANG) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) malformed('unterminated comment', lt);
        pos = end + 3;
        continue;
      }
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) malformed('unterminated CDATA section', lt);
        const current = stack[stack.length - 1];
        if (!current) malformed('CDATA outside the root element', lt);
        // CDATA is literal text: no entity decoding.
        (current as XmlElement).text += text.slice(lt + 9, end);
        pos = end + 3;
        continue;
      }
      if (/^<!DOCTYPE/i.test(text.slice(lt, lt + 9))) {
        throw fileError(FormatErrorCode.XML_DTD_FORBIDDEN, 'XML with a document type declaration (<!DOCTYPE) is refused: statement files never need one, and entity declarations are how XML bombs work', text);
      }
      malformed('unexpected markup declaration', lt);
    }
    // Start tag.
    let i = lt + 1;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c === 62 /* > */ || c === SLASH || c === 32 || c === 9 || c === 10 || c === 13) break;
      i++;
    }
    const qualified = text.slice(lt + 1, i);
    if (qualified === '' || qualified.charCodeAt(0) === LT) malformed('empty element name', lt);
    let attributes: { [name: string]: string } | undefined;
    let selfClosing = false;
    for (;;) {
      while (i < length && isSpace(text.charCodeAt(i))) i++;
      if (i >= length) malformed(`unterminated start tag <${qualified}>`, lt);
      const c = text.charCodeAt(i);
      if (c === 62) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (text.charCodeAt(i + 1) !== 62) malformed(`stray "/" in <${qualified}>`, i);
        selfClosing = true;
        i += 2;
        break;
      }
      const eq = text.indexOf('=', i);
      if (eq < 0) malformed(`attribute without a value in <${qualified}>`, i);
      const attrName = text.slice(i, eq).trim();
      if (attrName === '' || /[\s<>"']/.test(attrName)) malformed(`bad attribute name in <${qualified}>`, i);
      let q = eq + 1;
      while (q < length && isSpace(text.charCodeAt(q))) q++;
      const quote = text[q];
      if (quote !== '"' && quote !== "'") return malformed(`attribute ${attrName} of <${qualified}> is not quoted`, q);
      const close = text.indexOf(quote, q + 1);
      if (close < 0) malformed(`unterminated attribute ${attrName}`, q);
      attributes ??= Object.create(null) as { [name: string]: string };
      attributes[attrName] = decodeEntities(text.slice(q + 1, close));
      i = close + 1;
    }
    const element: XmlElement = { name: localName(qualified), attributes, children: [], text: '', start: lt, end: i };
    if (selfClosing) close(element, true);
    else {
      stack.push(element);
      if (stack.length > maxDepth) throw fileError(FormatErrorCode.XML_TOO_DEEP, `XML nested deeper than ${maxDepth} elements (line ${lineAt(text, lt)})`, text);
    }
    pos = i;
  }
  if (stack.length > 0) malformed(`<${(stack[stack.length - 1] as XmlElement).name}> is never closed`, length);
  if (!root) return malformed('no root element', 0);
  return root;

  function close(element: XmlElement, selfClosed = false): void {
    // Indentation between child elements is not content.
    if (!selfClosed && element.children.length > 0 && isBlank(element.text)) element.text = '';
    const parent = stack[stack.length - 1];
    if (!parent) {
      if (root) malformed('more than one root element', element.start);
      root = element;
      return;
    }
    if (detach?.has(element.name) && onDetached) onDetached(element, parent);
    else parent.children.push(element);
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}
