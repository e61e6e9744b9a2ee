/**
 * The syntax model: loaded once per process, lazily, from models/syntax.bin.gz under the package
 * root (trained on UD English EWT: CC BY-SA 4.0, see models/syntax.LICENSE.md).
 */
import { existsSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { packageRoot } from "../../package-info.js";
import { decodeModel, type ModelContents, type ModelTable } from "./model-file.js";
import type { ParserModel } from "./parser.js";
import { buildTagDictionary } from "./tag-dictionary.js";
import { mergePasses, type TaggerModel } from "./tagger.js";
import { buildTable, type WeightTable } from "./weight-table.js";

export interface SyntaxModel {
  /** UPOS names (the tagger's classes) */
  upos: string[];
  /** DEPREL names with subtypes */
  labels: string[];
  tagger: TaggerModel;
  parser: ParserModel;
}

export function modelPath(): string {
  return `${packageRoot()}/models/syntax.bin.gz`;
}

export function syntaxModelFrom(c: ModelContents): SyntaxModel {
  const part = (name: string): ModelTable => {
    const t = c.tables.get(name);
    if (!t) throw new Error(`syntax model: no table ${JSON.stringify(name)}`);
    return t;
  };
  const table = (name: string): WeightTable => {
    const t = part(name);
    return buildTable(t.classes, t.keys, t.weights);
  };
  const h = c.header;
  return {
    upos: h.tags,
    labels: h.labels,
    tagger: {
      tags: h.tags,
      dict: buildTagDictionary(c.dictKeys, c.dictValues),
      table: mergePasses(part("tag1"), c.tables.get("tag2") ?? null),
    },
    parser: {
      labels: h.labels,
      root: h.root,
      transitions: table("transitions"),
      labeller: table("labeller"),
    },
  };
}

let loaded: SyntaxModel | undefined;

/** The model of models/syntax.bin.gz, read on first use. */
export function syntaxModel(): SyntaxModel {
  if (!loaded) {
    const path = modelPath();
    if (!existsSync(path)) throw new Error(`no syntax model at ${path}: train it with npm run train:syntax`);
    loaded = syntaxModelFrom(decodeModel(gunzipSync(readFileSync(path))));
  }
  return loaded;
}
