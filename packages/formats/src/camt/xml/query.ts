import type { XmlElement } from './parse-xml';

/** First direct child named `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (c.name === name) return c;
  return undefined;
}

/** Every direct child named `name`, in order. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  if (!element) return [];
  return element.children.filter((c) => c.name === name);
}

/** Follow direct children by name: `at(ntry, 'BookgDt', 'Dt')`. */
export function at(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = element;
  for (const name of names) {
    current = child(current, name);
    if (!current) return undefined;
  }
  return current;
}

/** Trimmed text of the element at `names`, or undefined when absent or empty. */
export function textAt(element: XmlElement | undefined, ...names: string[]): string | undefined {
  const found = at(element, ...names);
  if (!found) return undefined;
  const text = found.text.trim();
  return text === '' ? undefined : text;
}

/** The first of several paths that has text. */
export function firstText(element: XmlElement | undefined, ...paths: string[][]): string | undefined {
  for (const path of paths) {
    const text = textAt(element, ...path);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** Attribute value by its local name (`Ccy`), whatever prefix it was written with. */
export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  const attributes = element?.attributes;
  if (!attributes) return undefined;
  if (Object.prototype.hasOwnProperty.call(attributes, name)) return attributes[name];
  for (const key of Object.keys(attributes)) if (key.endsWith(`:${name}`)) return attributes[key];
  return undefined;
}
