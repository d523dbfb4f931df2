import type { Plugin } from 'vite';

/**
 * Escapes every non-ASCII character in emitted JavaScript. Chrome refuses a content script or
 * worker that is not valid UTF-8 the way it reads it, and Vite's minifier writes Dexie's
 * `String.fromCharCode(65535)` as a raw U+FFFF, which silently drops the whole extension.
 */
export function asciiOnly(): Plugin {
  return {
    name: 'precall:ascii-only',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') chunk.code = escapeNonAscii(chunk.code);
      }
    },
  };
}

export function escapeNonAscii(code: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range is the point
  return code.replace(/[^\x00-\x7f]/g, (char) => {
    const unit = char.charCodeAt(0);
    // Astral characters arrive as two UTF-16 units, each escaped on its own, which JS rejoins.
    return `\\u${unit.toString(16).padStart(4, '0')}`;
  });
}
