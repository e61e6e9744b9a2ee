/**
 * The review API's decision routes: the replayed state, decisions, added statements, article done
 * marks, undo and the tabs' goodbyes. Every change is one line appended to the log (the server is
 * its only writer), then the replay is redone on the next read.
 */
import type { Context, Hono } from "hono";
import type { Statement } from "../schema.js";
import type { DecisionResponse, DoneResponse, ReviewsInfo, UndoResponse } from "./api.js";
import { addLine, decisionLine, doneLine, type NewLine, textDoc } from "./decide.js";
import { addedStatement, type DecisionLine, lastUndoable, type Replayed, replay, statementKey } from "./decisions.js";
import { BadRequest, addRequest, byeRequest, decisionRequest, doneRequest, isClientId, undoRequest } from "./requests.js";
import type { ReviewLog } from "./review-log.js";
import type { ReviewDoc } from "./run.js";

/** A tab polls every 4 s; one not heard from for this long is gone. */
const TAB_GONE_MS = 12_000;

export function registerApiRoutes(app: Hono, docs: readonly ReviewDoc[], log: ReviewLog): void {
  const docsById = new Map(docs.map((d) => [d.doc_id, d]));
  let cache: Replayed | null = null;
  const replayed = () => {
    cache ??= replay(log.lines);
    return cache;
  };
  /** Tabs this server has heard from: when last, and whether they said goodbye. */
  const tabs = new Map<string, { seen: number; gone: boolean }>();
  const heard = (client: string) => tabs.set(client, { seen: Date.now(), gone: false });
  const isGone = (client: string) => {
    const t = tabs.get(client);
    return !t || t.gone || Date.now() - t.seen > TAB_GONE_MS;
  };

  const append = (line: NewLine): DecisionLine => {
    const written = log.append(line);
    cache = null;
    return written;
  };

  async function body(c: Context): Promise<unknown> {
    try {
      return await c.req.json();
    } catch {
      throw new BadRequest("Expected a JSON body");
    }
  }

  app.get("/api/reviews", (c) => {
    const client = c.req.header("x-review-client");
    if (isClientId(client)) heard(client);
    const r = replayed();
    const added: Record<string, Statement[]> = {};
    for (const line of r.added.values()) {
      const s = addedStatement(line);
      if (!s) continue;
      const list = added[line.doc_id] ?? [];
      list.push(s);
      added[line.doc_id] = list;
    }
    const info: ReviewsInfo = {
      seq: log.lastSeq,
      states: Object.fromEntries(r.states),
      flags: Object.fromEntries(r.flags),
      added,
      articles: Object.fromEntries(r.articles),
    };
    return c.json(info);
  });

  app.post("/api/decision", async (c) => {
    const req = decisionRequest(await body(c));
    heard(req.client);
    const doc = textDoc(docsById, req.doc_id);
    const written = append(decisionLine(req, doc, replayed(), req.client, new Date().toISOString()));
    const res: DecisionResponse = { line: written, state: replayed().states.get(statementKey(doc.doc_id, written.statement_id)) ?? null };
    return c.json(res);
  });

  app.post("/api/add", async (c) => {
    const req = addRequest(await body(c));
    heard(req.client);
    const doc = textDoc(docsById, req.doc_id);
    // the id names the line's seq: unique in the log (this server is its only writer)
    const id = `added-${log.lastSeq + 1}`;
    const written = append(addLine(req, doc, replayed(), id, req.client, new Date().toISOString()));
    const res: DecisionResponse = { line: written, state: replayed().states.get(statementKey(doc.doc_id, id)) ?? null };
    return c.json(res);
  });

  app.post("/api/done", async (c) => {
    const req = doneRequest(await body(c));
    heard(req.client);
    const doc = textDoc(docsById, req.doc_id);
    const written = append(doneLine(req, doc, req.client, new Date().toISOString()));
    const res: DoneResponse = { line: written, mark: replayed().articles.get(doc.doc_id) ?? null };
    return c.json(res);
  });

  app.post("/api/undo", async (c) => {
    const { client } = undoRequest(await body(c));
    heard(client);
    const target = lastUndoable(replayed(), client, isGone);
    if (!target) return c.json({ undone: null, state: null } satisfies UndoResponse);
    append({
      statement_id: target.statement_id,
      doc_id: target.doc_id,
      decision: "undo",
      undoes: target.seq,
      ts: new Date().toISOString(),
      client,
    });
    const res: UndoResponse = {
      undone: target,
      state: replayed().states.get(statementKey(target.doc_id, target.statement_id)) ?? null,
    };
    return c.json(res);
  });

  app.post("/api/bye", async (c) => {
    const { client } = byeRequest(await body(c));
    tabs.set(client, { seen: Date.now(), gone: true });
    return c.json({ ok: true });
  });
}
