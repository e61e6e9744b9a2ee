/**
 * The statements of the article beside it: speaker (or "speaker needed"), role, kind, confidence,
 * numbers, the review status, an unsure flag with its note, and a link to the statement.
 */
import { useEffect, useRef } from "preact/hooks";
import type { RunDoc } from "../api.js";
import { type Flag, type ReviewState, statementKey, statusOf } from "../decisions.js";
import type { NumberMention, Statement } from "../../schema.js";
import { effectiveSpans } from "./article.js";
import { statementHash } from "./use-queue.js";

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function numberText(n: NumberMention): string {
  const bits: string[] = [n.kind];
  if (n.value !== undefined) bits.push(String(n.value));
  if (n.low !== undefined || n.high !== undefined) bits.push(`${n.low ?? "…"}–${n.high ?? "…"}`);
  if (n.sides) bits.push(n.sides.join(" ↔ "));
  if (n.date) bits.push(n.date);
  if (n.unit) bits.push(n.unit);
  if (n.approx) bits.push("≈");
  return bits.join(" ");
}

/** The buttons of the current card. */
export type Action = "accept" | "reject" | "edit" | "speaker" | "note";

const STATUS_LABEL = { unreviewed: "to review", accepted: "✓ accepted", rejected: "✗ rejected", edited: "✎ edited", added: "＋ added" };

interface CardProps {
  doc: RunDoc;
  s: Statement;
  state: ReviewState | undefined;
  flag: Flag | undefined;
  current: boolean;
  onAction: (action: Action) => void;
}

function Card({ doc, s, state, flag, current, onAction }: CardProps) {
  const key = statementKey(doc.doc_id, s.id);
  const eff = effectiveSpans(s, state);
  const speaker = state && state.speaker !== undefined ? state.speaker : s.speaker;
  const status = statusOf(state);
  const content = eff.content.map((c) => c.text).join(" … ");
  const pct = Math.round(s.confidence * 100);
  return (
    <li class={`card status-${status}${current ? " current" : ""}`} data-k={key} data-id={s.id}>
      <div class="card-head">
        <span class={`chip st-${status}`}>{STATUS_LABEL[status]}</span>
        <span class="chip kind">{s.kind}</span>
        {s.cue_type && s.cue_type !== "speech" ? <span class="chip kind">{s.cue_type}</span> : null}
        {flag ? <span class="chip unsure">? unsure</span> : null}
        <span class="conf" title={`confidence ${s.confidence}`}>
          <span class="conf-bar">
            <span style={{ width: `${pct}%` }} />
          </span>
          {s.confidence.toFixed(2)}
        </span>
        <a class="link" href={statementHash(doc.doc_id, s.id)} title="Link to this statement" aria-label="Link to this statement">
          #
        </a>
      </div>
      <div class="speaker">
        {speaker ? (
          <>
            <strong>{speaker.name ?? <em>unnamed</em>}</strong>
            {speaker.role ? <span class="role">{clip(speaker.role, 90)}</span> : null}
          </>
        ) : (
          <em class="muted">no speaker</em>
        )}
        {state?.speakerNeeded ? <span class="chip needed">speaker needed</span> : state?.speaker !== undefined ? <span class="changed">changed</span> : null}
      </div>
      <div class="roles">
        <span class="lbl lbl-source">source</span>
        <span class="val">{eff.source?.text ?? "—"}</span>
        <span class="lbl lbl-cue">cue</span>
        <span class="val">{eff.cue?.text ?? "—"}</span>
      </div>
      <blockquote class="content">{clip(content, current ? 600 : 160)}</blockquote>
      {flag?.note ? <p class="note">{flag.note}</p> : null}
      {s.numbers.length > 0 ? (
        <div class="numbers">
          {s.numbers.map((i) => {
            const n = doc.numbers[i];
            return n ? (
              <span class="chip number" key={i} title={numberText(n)}>
                {n.text}
                <small>{n.kind}</small>
              </span>
            ) : null;
          })}
        </div>
      ) : null}
      {current ? (
        <div class="actions">
          <button type="button" class="btn accept" onClick={() => onAction("accept")}>
            Accept <kbd>A</kbd>
          </button>
          <button type="button" class="btn reject" onClick={() => onAction("reject")}>
            Reject <kbd>X</kbd>
          </button>
          <button type="button" class="btn" onClick={() => onAction("edit")}>
            Edit <kbd>E</kbd>
          </button>
          <button type="button" class="btn" onClick={() => onAction("speaker")}>
            Speaker <kbd>S</kbd>
          </button>
          <button type="button" class="btn" onClick={() => onAction("note")}>
            Unsure <kbd>U</kbd>
          </button>
        </div>
      ) : null}
    </li>
  );
}

export interface StatementListProps {
  doc: RunDoc;
  states: Record<string, ReviewState>;
  flags: Record<string, Flag>;
  currentKey: string | null;
  onPick: (key: string) => void;
  onAction: CardProps["onAction"];
}

export function StatementList({ doc, states, flags, currentKey, onPick, onAction }: StatementListProps) {
  const list = useRef<HTMLOListElement>(null);
  const ordered = [...doc.statements].sort((a, b) => a.content.start - b.content.start);

  useEffect(() => {
    const el = list.current;
    if (!el) return;
    const click = (ev: MouseEvent) => {
      const t = ev.target as HTMLElement;
      if (t.closest("button, a")) return;
      const card = t.closest<HTMLElement>("[data-k]");
      if (card?.dataset.k) onPick(card.dataset.k);
    };
    el.addEventListener("click", click);
    return () => el.removeEventListener("click", click);
  }, [onPick]);

  useEffect(() => {
    list.current?.querySelector(".current")?.scrollIntoView({ block: "nearest" });
  }, [currentKey]);

  return (
    <ol class="cards" ref={list}>
      {ordered.map((s) => {
        const key = statementKey(doc.doc_id, s.id);
        return <Card key={key} doc={doc} s={s} state={states[key]} flag={flags[key]} current={key === currentKey} onAction={onAction} />;
      })}
    </ol>
  );
}
