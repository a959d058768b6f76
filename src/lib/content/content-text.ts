/**
 * The text of the owner's files, as the build may take it: UTF-8 only (a bad byte is an error at
 * its line, never a silent U+FFFD), no control characters (they make feeds invalid XML), and
 * messages that show such characters escaped, so content never drives the terminal.
 */
import type { Problem } from "./problems.ts";

/** C0 and C1 controls except tab, LF and CR, and DEL; plus the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/;

const NAMES: Record<number, string> = {
  0x00: "NUL",
  0x07: "BEL",
  0x08: "backspace",
  0x0b: "vertical tab",
  0x0c: "form feed",
  0x1b: "ESC",
  0x7f: "DEL",
  0x85: "NEL (next line)",
  0xa0: "no-break space",
  0x200b: "zero-width space",
  0x200e: "left-to-right mark",
  0x200f: "right-to-left mark",
  0x2028: "line separator",
  0x2029: "paragraph separator",
  0xfeff: "byte order mark (BOM)",
};

/** The first control character of a line, with its 1-based column, or null. */
export function findControlCharacter(line: string): { char: string; column: number } | null {
  const m = CONTROL.exec(line);
  return m ? { char: m[0], column: m.index + 1 } : null;
}

/** `the control character U+001B (ESC)`, naming a character a reader cannot see. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0)!;
  const name = NAMES[code] ?? (code < 0x20 || (code >= 0x7f && code < 0xa0) ? "control character" : null);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const kind = code < 0x20 || (code >= 0x7f && code < 0xa0) ? "the control character" : "the character";
  return name ? `${kind} ${hex} (${name})` : `${kind} ${hex}`;
}

/**
 * Terminal controls and bidi overrides shown as escapes (`\u001b`), so a message quoting content
 * prints as text: no colour, cursor move or reordered line comes from a content file.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex -- escaping control characters is this pattern's purpose
    /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/g,
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, "0")}`,
  );
}

/**
 * Decodes a content file's bytes as UTF-8 (a BOM is allowed). A byte sequence that is not UTF-8 is
 * a problem naming its line, and the text is null: no file is read with replacement characters.
 */
export function decodeContent(bytes: Uint8Array, file: string): { source: string | null; problems: Problem[] } {
  try {
    return { source: new TextDecoder("utf-8", { fatal: true }).decode(bytes), problems: [] };
  } catch {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    let start = 0;
    let line = 1;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return {
          source: null,
          problems: [
            {
              file,
              line,
              message:
                "is not valid UTF-8 on this line (a byte that no UTF-8 character starts with, as in Latin-1 or Windows-1252 text); save the file as UTF-8",
            },
          ],
        };
      }
      start = i + 1;
      line++;
    }
    return { source: null, problems: [{ file, line: 0, message: "is not valid UTF-8; save the file as UTF-8" }] };
  }
}
