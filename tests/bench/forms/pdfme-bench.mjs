// pdfme-bench.mjs — pdfme's side of the forms benchmark, and the table.
//
//   node pdfme-bench.mjs KAKANAI.jsonl PROFILE.json OUTDIR N
//
// For each template kakanai rendered (one JSON line from bench-render each), the same text is
// rendered with pdfme (@pdfme/generator + @pdfme/schemas): every word kakanai drew, at the
// same position and size (read back with `pdftotext -bbox-layout`), with the same font file
// kakanai embedded (from `pdffonts`). Warm runs: one discarded, then the median of N.
// Then both PDFs go through `pdftotext`: is every character of the resident's name and
// address there? The table goes to stdout.
//
// What pdfme is not asked to draw: kakanai's vector lines and boxes (pdfme would draw them
// as extra schemas; leaving them out only helps pdfme's figures).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@pdfme/generator';
import { text } from '@pdfme/schemas';

const [jsonl, profilePath, outdir, nArg] = process.argv.slice(2);
const N = Math.max(1, Number(nArg || 15));
const PT_TO_MM = 25.4 / 72;

const FONT_FILES = [
  [/IPAmjMincho/i, '/usr/share/fonts/truetype/ipamj/ipamjm.ttf'],
  [/IPAexMincho/i, '/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf'],
  [/IPAexGothic/i, '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf'],
];

function run(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function unescapeXml(s) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

// Pages (mm) and words (pt boxes) of a PDF.
function readWords(pdf) {
  const html = run('pdftotext', ['-bbox-layout', pdf, '-']);
  const pages = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/word>/g;
  for (const m of html.matchAll(pageRe)) {
    const words = [];
    for (const w of m[3].matchAll(wordRe)) {
      const [x0, y0, x1, y1] = w.slice(1, 5).map(Number);
      words.push({ x0, y0, x1, y1, text: unescapeXml(w[5]) });
    }
    pages.push({ w: Number(m[1]), h: Number(m[2]), words });
  }
  return pages;
}

function fontOf(pdf) {
  const list = run('pdffonts', [pdf]);
  for (const [re, file] of FONT_FILES) if (re.test(list)) return file;
  return FONT_FILES[0][1];
}

function pdfmeJob(pages, fontName) {
  const schemas = [];
  const input = {};
  pages.forEach((pg, p) => {
    const list = [];
    pg.words.forEach((w, i) => {
      const name = `p${p}w${i}`;
      const hPt = Math.max(1, w.y1 - w.y0);
      list.push({
        name, type: 'text', fontName,
        position: { x: w.x0 * PT_TO_MM, y: w.y0 * PT_TO_MM },
        width: (w.x1 - w.x0) * PT_TO_MM * 1.05 + 1,
        height: hPt * PT_TO_MM * 1.2,
        fontSize: hPt, lineHeight: 1, characterSpacing: 0,
      });
      input[name] = w.text;
    });
    schemas.push(list);
  });
  const first = pages[0] || { w: 595.276, h: 841.89 };
  return {
    template: { basePdf: { width: first.w * PT_TO_MM, height: first.h * PT_TO_MM, padding: [0, 0, 0, 0] }, schemas },
    inputs: [input],
  };
}

const squash = (s) => (s || '').normalize('NFC').replace(/\s+/g, '');

// Every character of want, in order, in the PDF's text (lines may wrap anywhere).
function present(pdf, want) {
  const got = squash(run('pdftotext', ['-enc', 'UTF-8', pdf, '-']));
  return got.includes(squash(want));
}

function median(a) {
  const s = [...a].sort((x, y) => x - y);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

const profile = JSON.parse(fs.readFileSync(profilePath, 'utf8'));
const rows = [];
for (const line of fs.readFileSync(jsonl, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const k = JSON.parse(line);
  const pages = readWords(k.pdf);
  const fontFile = fontOf(k.pdf);
  const font = { Form: { data: fs.readFileSync(fontFile), fallback: true } };
  const job = pdfmeJob(pages, 'Form');
  const opts = { template: job.template, inputs: job.inputs, options: { font }, plugins: { text } };
  let pdf = await generate(opts); // warm
  const ms = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    pdf = await generate(opts);
    ms.push(performance.now() - t0);
  }
  const out = path.join(outdir, `${k.template}.pdfme.pdf`);
  fs.writeFileSync(out, pdf);
  const words = pages.reduce((n, p) => n + p.words.length, 0);
  rows.push({
    id: k.template, title: k.title, pages: k.pages, words, font: path.basename(fontFile),
    kMs: k.median_ms, pMs: median(ms), kKB: k.bytes / 1024, pKB: pdf.length / 1024,
    kName: present(k.pdf, profile.name), kAddr: present(k.pdf, profile.address),
    pName: present(out, profile.name), pAddr: present(out, profile.address),
  });
}

const yes = (a, b) => (a && b ? 'yes' : a ? 'addr missing' : b ? 'name missing' : 'NO');
const pad = (s, n) => String(s).padStart(n);
console.log(`forms benchmark: ${profilePath.split('/').pop()}, warm median of ${N} runs, one discarded`);
console.log('template                  pages words  kakanai ms  pdfme ms  faster×   kakanai KB  pdfme KB  size×   all chars (kakanai / pdfme)');
let sum = { kMs: 0, pMs: 0, kKB: 0, pKB: 0 };
for (const r of rows) {
  for (const f of Object.keys(sum)) sum[f] += r[f];
  console.log(`${r.id.padEnd(25)} ${pad(r.pages, 5)} ${pad(r.words, 5)} ${pad(r.kMs.toFixed(1), 11)} ${pad(r.pMs.toFixed(1), 9)} ${pad((r.pMs / r.kMs).toFixed(2), 8)}` +
    ` ${pad(r.kKB.toFixed(1), 12)} ${pad(r.pKB.toFixed(1), 9)} ${pad((r.kKB / r.pKB).toFixed(2), 6)}   ${yes(r.kName, r.kAddr)} / ${yes(r.pName, r.pAddr)}`);
}
if (rows.length > 0) {
  console.log(`${'all'.padEnd(25)} ${pad('', 5)} ${pad('', 5)} ${pad(sum.kMs.toFixed(1), 11)} ${pad(sum.pMs.toFixed(1), 9)} ${pad((sum.pMs / sum.kMs).toFixed(2), 8)}` +
    ` ${pad(sum.kKB.toFixed(1), 12)} ${pad(sum.pKB.toFixed(1), 9)} ${pad((sum.kKB / sum.pKB).toFixed(2), 6)}`);
  console.log(`faster× = pdfme ms / kakanai ms (goal ≥ 3); size× = kakanai KB / pdfme KB (goal < 1). Fonts: ${[...new Set(rows.map((r) => r.font))].join(', ')}.`);
  console.log('pdfme draws the words kakanai drew (positions from pdftotext -bbox-layout), not its lines and boxes.');
}
