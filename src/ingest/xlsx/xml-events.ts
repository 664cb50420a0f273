import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** What {@link xmlEvents} calls while it parses. Tag names come without their namespace prefix. */
export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/**
 * Local name of a possibly prefixed tag.
 *
 * @param tag the tag name as written
 * @returns the name without its prefix
 * @example
 * localName('x:row'); // => 'row'
 */
export function localName(tag: string): string {
  const i = tag.indexOf(':');
  return i < 0 ? tag : tag.slice(i + 1);
}

/**
 * Parse an XML byte stream with a strict SAX parser (saxes), calling `handlers` as
 * elements open and close and text arrives, and yielding after each input chunk so the
 * caller can hand on what the chunk completed. saxes expands only the five predefined
 * entities and character references: a DOCTYPE cannot define entities that expand (no
 * "billion laughs"); an undefined entity is a parse error.
 *
 * @param chunks the bytes (UTF-8)
 * @param handlers element and text callbacks
 * @throws Error on malformed XML (the caller turns it into a message naming the part)
 * @example
 * for await (const _ of xmlEvents(zip.read('xl/workbook.xml'), { open: (n, a) => n === 'sheet' && list.push(a.name) }));
 */
export async function* xmlEvents(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: false, xmlns: false });
  let error: Error | null = null;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.on('doctype', () => {
    error ??= new Error('a DOCTYPE, which a workbook part never has');
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (t: SaxesTagPlain) => open(localName(t.name), t.attributes));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (t) => close(localName(t.name)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield;
  }
  parser.write(decoder.decode());
  parser.close();
  if (error) throw error;
}
