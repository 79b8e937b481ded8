/**
 * What the disclosure engine needs to know about an RE2 pattern before running it:
 *
 * - `literals`: runs of ASCII text that every match contains. The engine skips RE2 for a text
 *   that lacks one of them, so the analysis must be sound: a run is only reported when no match
 *   can do without it. Anything this parser is not sure about gives no runs (RE2 then always
 *   runs), never a guess.
 * - `matchesEmpty`: the pattern can match the empty string (somewhere), so it would flag every
 *   text; rules refuse it.
 *
 * Rules always run case-insensitively. Runs are lower case and meant to be compared with a text
 * whose letters are read as lower case (see Automaton's `caseFold`). Only ASCII characters go into
 * runs: under case folding a non-ASCII letter matches characters whose lower case is something
 * else (ſ/S, K/k Kelvin, σ/ς, ẞ/ß), so a run ends at any non-ASCII character.
 */

type Node =
  | { kind: 'char'; code: number }
  /** exactly one character of a set: a class, `.`, `\d`, `\pL`, a hex or octal escape */
  | { kind: 'set' }
  /** zero width: `^ $ \b \B \A \z` */
  | { kind: 'assert' }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; alts: Node[] }
  | { kind: 'repeat'; min: number; max: number; body: Node };

export type RegexFacts = { literals: string[]; matchesEmpty: boolean };

const MAX_LITERALS = 3;
const REPEAT = /^\{(\d+)(,(\d*))?\}/;
const FLAGS = /^[imsU]*(-[imsU]*)?$/;

class Parser {
  i = 0;
  /** something the literal analysis does not vouch for: no prefilter for this pattern */
  doubtful = false;
  constructor(readonly p: string) {}

  alternation(): Node {
    const alts = [this.sequence()];
    while (this.p[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts.length === 1 ? (alts[0] as Node) : { kind: 'alt', alts };
  }

  sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.p.length && this.p[this.i] !== '|' && this.p[this.i] !== ')') {
      const atom = this.atom();
      if (!atom) continue;
      items.push(this.quantified(atom));
    }
    return { kind: 'seq', items };
  }

  quantified(atom: Node): Node {
    let node = atom;
    for (;;) {
      const c = this.p[this.i];
      let min: number;
      let max: number;
      if (c === '?') [min, max] = [0, 1];
      else if (c === '*') [min, max] = [0, Infinity];
      else if (c === '+') [min, max] = [1, Infinity];
      else if (c === '{') {
        const m = REPEAT.exec(this.p.slice(this.i, this.i + 16));
        if (!m) return node; // a literal brace: atom() reads it next
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
        this.i += m[0].length - 1;
      } else return node;
      this.i++;
      if (this.p[this.i] === '?') this.i++; // non-greedy: the same strings
      node = { kind: 'repeat', min, max, body: node };
    }
  }

  /** One atom, or null for a flag setting like (?i) that matches nothing itself. */
  atom(): Node | null {
    const p = this.p;
    const c = p[this.i] as string;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.charClass();
      case '.':
        this.i++;
        return { kind: 'set' };
      case '^':
      case '$':
        this.i++;
        return { kind: 'assert' };
      case '\\':
        return this.escape();
      case '{':
        // RE2 reads a brace that starts no repetition as itself; unusual enough to stay out of it
        this.doubtful = true;
        this.i++;
        return { kind: 'char', code: 123 };
      case '*':
      case '+':
      case '?':
        // a repetition of nothing: RE2 refuses the pattern anyway
        this.doubtful = true;
        this.i++;
        return { kind: 'set' };
    }
    const code = p.codePointAt(this.i) as number;
    this.i += code > 0xffff ? 2 : 1;
    return { kind: 'char', code };
  }

  group(): Node | null {
    const p = this.p;
    this.i++;
    if (p[this.i] === '?') {
      this.i++;
      if (
        p[this.i] === 'P' ||
        (p[this.i] === '<' && p[this.i + 1] !== '=' && p[this.i + 1] !== '!')
      ) {
        // a named group: (?P<name>…) or (?<name>…)
        const close = p.indexOf('>', this.i);
        if (close < 0) return this.giveUp();
        this.i = close + 1;
      } else {
        let end = this.i;
        while (end < p.length && p[end] !== ')' && p[end] !== ':') end++;
        if (!FLAGS.test(p.slice(this.i, end)) || end >= p.length) return this.giveUp();
        this.i = end + 1;
        if (p[end] === ')') return null;
      }
    }
    const body = this.alternation();
    if (p[this.i] !== ')') return this.giveUp();
    this.i++;
    return body;
  }

  charClass(): Node {
    const p = this.p;
    let j = this.i + 1;
    if (p[j] === '^') j++;
    if (p[j] === ']') j++; // a leading ] is itself
    while (j < p.length && p[j] !== ']') {
      if (p[j] === '\\') {
        // \p{Greek}, \x{263a}: up to the closing brace; any other escape is two characters
        const close = p[j + 2] === '{' ? p.indexOf('}', j + 2) : -1;
        j = close >= 0 ? close + 1 : j + 2;
      } else if (p.startsWith('[:', j)) {
        const close = p.indexOf(':]', j + 2);
        j = close < 0 ? j + 1 : close + 2;
      } else j++;
    }
    if (j >= p.length) this.doubtful = true;
    this.i = j + 1;
    return { kind: 'set' };
  }

  escape(): Node {
    const p = this.p;
    const c = p[this.i + 1];
    if (c === undefined) return this.giveUp();
    this.i += 2;
    if ('dDwWsS'.includes(c)) return { kind: 'set' };
    if ('bBAz'.includes(c)) return { kind: 'assert' };
    if (c === 'p' || c === 'P' || c === 'x') {
      if (p[this.i] === '{') {
        const close = p.indexOf('}', this.i);
        this.i = close < 0 ? p.length : close + 1;
      } else this.i += c === 'x' ? 2 : 1;
      return { kind: 'set' };
    }
    if (c >= '0' && c <= '7') {
      while (this.i < p.length && (p[this.i] as string) >= '0' && (p[this.i] as string) <= '7')
        this.i++;
      return { kind: 'set' };
    }
    if ('afnrtv'.includes(c)) return { kind: 'set' };
    if (c === 'Q') {
      // quoted text up to \E; taken literally by RE2, but rare enough not to vouch for
      this.doubtful = true;
      const close = p.indexOf('\\E', this.i);
      const end = close < 0 ? p.length : close;
      const items: Node[] = [];
      for (const ch of p.slice(this.i, end))
        items.push({ kind: 'char', code: ch.codePointAt(0) as number });
      this.i = close < 0 ? p.length : close + 2;
      return { kind: 'seq', items };
    }
    const code = c.charCodeAt(0);
    // escaped punctuation (\- \. \$ …) is the character itself
    if (code < 0x80 && !/[A-Za-z0-9]/.test(c)) return { kind: 'char', code };
    return this.giveUp();
  }

  private giveUp(): Node {
    this.doubtful = true;
    this.i = this.p.length;
    return { kind: 'set' };
  }
}

function nullable(node: Node): boolean {
  switch (node.kind) {
    case 'char':
    case 'set':
      return false;
    case 'assert':
      return true;
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.alts.some(nullable);
    case 'repeat':
      return node.min === 0 || nullable(node.body);
  }
}

/** Collects the literal runs of a node every match of it contains. */
function collectRuns(node: Node, runs: string[]): void {
  let run = '';
  const end = () => {
    if (run) runs.push(run);
    run = '';
  };
  const walk = (n: Node) => {
    switch (n.kind) {
      case 'char':
        if (n.code < 0x80) run += String.fromCharCode(n.code).toLowerCase();
        else end();
        return;
      case 'set':
      case 'assert':
      case 'alt':
        // nothing required that can be named (an alternative's branches differ)
        end();
        return;
      case 'seq':
        // a group matched exactly once is part of the sequence around it
        for (const item of n.items) walk(item);
        return;
      case 'repeat':
        if (n.min === 1 && n.max === 1) {
          walk(n.body);
          return;
        }
        if (n.body.kind === 'char') {
          // a+ and a{2,}: the character is there, but what follows it is not next to it
          if (n.min >= 1 && n.body.code < 0x80)
            run += String.fromCharCode(n.body.code).toLowerCase();
          end();
          return;
        }
        end();
        // a group that must match at least once: its own runs are required, on their own
        if (n.min >= 1) collectRuns(n.body, runs);
        return;
    }
  };
  walk(node);
  end();
}

/** The facts about an RE2 pattern (see the top of this file). */
export function regexFacts(pattern: string): RegexFacts {
  const parser = new Parser(pattern);
  let root = parser.alternation();
  // a stray ) ends the top level early: RE2 refuses such a pattern, so nothing is promised
  if (parser.i < pattern.length) {
    parser.doubtful = true;
    root = { kind: 'seq', items: [root, { kind: 'set' }] };
  }
  const matchesEmpty = nullable(root);
  if (parser.doubtful || root.kind === 'alt') return { literals: [], matchesEmpty };
  const runs: string[] = [];
  collectRuns(root, runs);
  // the longest runs filter best; a few are enough
  const literals = [...new Set(runs)].sort((a, b) => b.length - a.length).slice(0, MAX_LITERALS);
  return { literals, matchesEmpty };
}
