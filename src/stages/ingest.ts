/**
 * ingest: finds the article body. Reads the optional first-line `date YYYY-MM-DD` header (the
 * header is outside every sentence; offsets still index the full text), skips a BOM, and reports
 * NUL/control characters and CRLF line ends as messages. Never changes the text.
 */
import type { Stage } from "../stage.js";

const HEADER = /^\uFEFF?[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?=\s|$)/;
// C0 controls except tab, LF, CR; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function isValidIsoDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const ingestStage: Stage = {
  name: "ingest",
  requires: [],
  provides: "body",
  run(doc) {
    const text = doc.text;
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const header = HEADER.exec(text);
    if (header) {
      const [y, m, d] = [Number(header[1]), Number(header[2]), Number(header[3])];
      const iso = `${header[1]}-${header[2]}-${header[3]}`;
      start = header[0].length;
      if (!isValidIsoDate(y, m, d)) {
        doc.message("ingest", "bad-date-header", `the header date ${iso} is not a calendar date; ignored`, {
          start: header.index + header[0].length - 10,
          end: header[0].length,
        });
      } else if (doc.meta.date === null) {
        doc.meta.date = iso;
      } else if (doc.meta.date !== iso) {
        doc.message(
          "ingest",
          "date-conflict",
          `the header says ${iso} but the input gave ${doc.meta.date}; using ${doc.meta.date}`,
        );
      }
    }
    while (start < text.length && /\s/.test(text[start]!)) start++;
    let end = text.length;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    doc.set("body", { start, end });

    CONTROL.lastIndex = 0;
    let count = 0;
    let first = -1;
    for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
      if (first < 0) first = m.index;
      count++;
    }
    if (count > 0) {
      doc.message(
        "ingest",
        "control-characters",
        `${count} control character(s) (e.g. U+${text.charCodeAt(first).toString(16).toUpperCase().padStart(4, "0")}) in the text; kept in place, treated as spaces`,
        { start: first, end: first + 1 },
      );
    }
    if (text.includes("\r\n")) doc.message("ingest", "crlf", "CRLF line ends; offsets index the text as given");
    if (start >= end) doc.message("ingest", "empty-body", "the document has no text after its header");
  },
};
