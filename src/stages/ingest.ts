/**
 * ingest: finds the article body and decides the document date. Reads the optional first-line
 * `date YYYY-MM-DD` header (the header is outside every sentence; offsets still index the full
 * text), skips a byte-order mark, and reports it, NUL/control characters and CRLF line ends as messages. Never
 * changes the text.
 *
 * The date, decided here and nowhere else: the header, else the input's own date field, else the
 * default date (the CLI's --date). A header and an input field that disagree give a message.
 */
import { parseDay } from "../calendar-day.js";
import type { Stage } from "../stage.js";

const HEADER = /^\uFEFF?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)/;
// C0 controls except tab, LF, CR; DEL; C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export const ingestStage: Stage = {
  name: "ingest",
  requires: [],
  provides: "body",
  run(doc, ctx) {
    const text = doc.text;
    const bom = text.charCodeAt(0) === 0xfeff;
    let start = bom ? 1 : 0;
    if (bom) ctx.report("bom", "a byte-order mark (U+FEFF) opens the text; it is outside every sentence", { start: 0, end: 1 });
    let date = doc.meta.date ?? doc.meta.defaultDate ?? null;
    const header = HEADER.exec(text);
    if (header) {
      const iso = header[1]!;
      start = header[0].length;
      const day = parseDay(iso);
      if (!day) {
        ctx.report("bad-date-header", `the header date ${iso} is not a calendar date; ignored`, {
          start: header.index + header[0].length - 10,
          end: header[0].length,
        });
      } else {
        if (doc.meta.date && doc.meta.date.iso !== iso) {
          ctx.report("date-conflict", `the header says ${iso} but the input gave ${doc.meta.date.iso}; using ${iso}`);
        }
        date = day;
      }
    }
    while (start < text.length && /\s/.test(text[start]!)) start++;
    let end = text.length;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    doc.set("body", { start, end, date });

    CONTROL.lastIndex = 0;
    let count = 0;
    let first = -1;
    for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
      if (first < 0) first = m.index;
      count++;
    }
    if (count > 0) {
      ctx.report(
        "control-characters",
        `${count} control character(s) (e.g. U+${text.charCodeAt(first).toString(16).toUpperCase().padStart(4, "0")}) in the text; kept in place, treated as spaces`,
        { start: first, end: first + 1 },
      );
    }
    if (text.includes("\r\n")) ctx.report("crlf", "CRLF line ends; offsets index the text as given");
    if (start >= end) ctx.report("empty-body", "the document has no text after its header");
  },
};
