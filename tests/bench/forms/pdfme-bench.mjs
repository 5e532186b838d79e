// SPDX-FileCopyrightText: 2026 The kakanai authors
// SPDX-License-Identifier: MIT
// pdfme-bench.mjs — pdfme's side of the forms benchmark, and the table.
//
//   node pdfme-bench.mjs KAKANAI.jsonl PROFILE.json OUTDIR N
//
// For each template kakanai rendered (one JSON line from bench-render each), the same text is
// rendered with pdfme (@pdfme/generator + @pdfme/schemas): every text line kakanai drew, one
// pdfme text field each, at the same position and size and in the same font file (read back
// with `pdftotext -bbox-layout` and `pdftohtml -xml`). Warm runs: one discarded, then the
// median of N.
// Then both PDFs go through `pdftotext`: is every character of the resident's name and
// address there? The table goes to stdout.
//
// What pdfme is not asked to draw: kakanai's rules, boxes, check marks and circles (pdfme
// would draw them as extra schemas; leaving them out only helps pdfme's figures).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generate } from '@pdfme/generator';
import { text } from '@pdfme/schemas';

const [jsonl, profilePath, outdir, nArg] = process.argv.slice(2);
const N = Math.max(1, Number(nArg || 15));
const PT_TO_MM = 25.4 / 72;

// The font files kakanai's engine uses (form-pdf.h): IPAmj Mincho for Mincho text (values,
// most labels), IPAex Gothic for Gothic labels. pdfme gets the same files.
const MINCHO = '/usr/share/fonts/truetype/ipamj/ipamjm.ttf';
const GOTHIC = '/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf';
const font = {
  Mincho: { data: fs.readFileSync(MINCHO), fallback: true },
  Gothic: { data: fs.readFileSync(GOTHIC) },
};
// pdfme parses the whole font file on every generate(): IPAmj (46 MB) costs it far more than
// IPAex (8 MB). For reference, the same job with IPAex Mincho instead (pdfme's best case;
// 𠮷-type and IVS characters would then be missing).
const IPAEX_MINCHO = '/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf';
const fontEx = {
  Mincho: { data: fs.readFileSync(IPAEX_MINCHO), fallback: true },
  Gothic: { data: fs.readFileSync(GOTHIC) },
};

async function timeIt(opts) {
  let pdf = await generate(opts); // warm
  const ms = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    pdf = await generate(opts);
    ms.push(performance.now() - t0);
  }
  return { pdf, ms: median(ms) };
}

function run(cmd, args) {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

function unescapeXml(s) {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

// Pages and text lines of a PDF (pt, from the top-left): the lines and their boxes from
// `pdftotext -bbox-layout`, each line's font and size from `pdftohtml -xml` (the chunk that
// starts at the same place).
function readLines(pdf) {
  const html = run('pdftotext', ['-bbox-layout', pdf, '-']);
  const xml = run('pdftohtml', ['-xml', '-i', '-stdout', '-q', '-zoom', '1', pdf]);
  const fonts = {};
  for (const m of xml.matchAll(/<fontspec id="(\d+)" size="([\d.]+)" family="([^"]*)"/g)) {
    fonts[m[1]] = { size: Number(m[2]), gothic: /Gothic/i.test(m[3]) };
  }
  const chunksByPage = [];
  for (const pm of xml.matchAll(/<page number="(\d+)"[^>]*>([\s\S]*?)<\/page>/g)) {
    const chunks = [];
    for (const t of pm[2].matchAll(/<text top="([\d.-]+)" left="([\d.-]+)" width="[\d.-]+" height="[\d.-]+" font="(\d+)"/g)) {
      chunks.push({ top: Number(t[1]), left: Number(t[2]), font: fonts[t[3]] });
    }
    chunksByPage.push(chunks);
  }
  const pages = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const lineRe = /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
  const wordRe = /<word [^>]*>([\s\S]*?)<\/word>/g;
  let p = 0;
  for (const m of html.matchAll(pageRe)) {
    const chunks = chunksByPage[p++] || [];
    const lines = [];
    for (const l of m[3].matchAll(lineRe)) {
      const [x0, y0, x1, y1] = l.slice(1, 5).map(Number);
      const words = [...l[5].matchAll(wordRe)].map((w) => unescapeXml(w[1]));
      let best = null;
      let bestD = 4;
      for (const c of chunks) {
        const d = Math.abs(c.left - x0) + Math.abs(c.top - y0);
        if (d < bestD) { best = c; bestD = d; }
      }
      lines.push({ x0, y0, x1, y1, text: words.join(' '), gothic: best ? best.font.gothic : false,
        size: best ? best.font.size : Math.max(1, y1 - y0) });
    }
    pages.push({ w: Number(m[1]), h: Number(m[2]), lines });
  }
  return pages;
}

function pdfmeJob(pages) {
  const schemas = [];
  const input = {};
  pages.forEach((pg, p) => {
    const list = [];
    pg.lines.forEach((l, i) => {
      const name = `p${p}l${i}`;
      const hPt = Math.max(1, l.y1 - l.y0);
      list.push({
        name, type: 'text', fontName: l.gothic ? 'Gothic' : 'Mincho',
        position: { x: l.x0 * PT_TO_MM, y: l.y0 * PT_TO_MM },
        width: (l.x1 - l.x0) * PT_TO_MM * 1.05 + 1,
        height: hPt * PT_TO_MM * 1.2,
        fontSize: l.size, lineHeight: 1, characterSpacing: 0,
      });
      input[name] = l.text;
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
  const pages = readLines(k.pdf);
  const job = pdfmeJob(pages);
  const { pdf, ms } = await timeIt({ template: job.template, inputs: job.inputs, options: { font }, plugins: { text } });
  const ex = await timeIt({ template: job.template, inputs: job.inputs, options: { font: fontEx }, plugins: { text } });
  const out = path.join(outdir, `${k.template}.pdfme.pdf`);
  fs.writeFileSync(out, pdf);
  const words = pages.reduce((n, p) => n + p.lines.length, 0);
  rows.push({
    id: k.template, title: k.title, pages: k.pages, words,
    kMs: k.median_ms, pMs: ms, exMs: ex.ms, exKB: ex.pdf.length / 1024, kKB: k.bytes / 1024, pKB: pdf.length / 1024,
    kName: present(k.pdf, profile.name), kAddr: present(k.pdf, profile.address),
    pName: present(out, profile.name), pAddr: present(out, profile.address),
  });
}

const yes = (a, b) => (a && b ? 'yes' : a ? 'addr missing' : b ? 'name missing' : 'NO');
const pad = (s, n) => String(s).padStart(n);
console.log(`forms benchmark: ${profilePath.split('/').pop()}, warm median of ${N} runs, one discarded`);
console.log('template                  pages lines  kakanai ms  pdfme ms  faster×   kakanai KB  pdfme KB  size×   all chars (kakanai / pdfme)   pdfme+IPAex ms  KB');
let sum = { kMs: 0, pMs: 0, kKB: 0, pKB: 0, exMs: 0, exKB: 0 };
for (const r of rows) {
  for (const f of Object.keys(sum)) sum[f] += r[f];
  console.log(`${r.id.padEnd(25)} ${pad(r.pages, 5)} ${pad(r.words, 5)} ${pad(r.kMs.toFixed(1), 11)} ${pad(r.pMs.toFixed(1), 9)} ${pad((r.pMs / r.kMs).toFixed(2), 8)}` +
    ` ${pad(r.kKB.toFixed(1), 12)} ${pad(r.pKB.toFixed(1), 9)} ${pad((r.kKB / r.pKB).toFixed(2), 6)}   ${(yes(r.kName, r.kAddr) + ' / ' + yes(r.pName, r.pAddr)).padEnd(27)} ${pad(r.exMs.toFixed(1), 14)} ${pad(r.exKB.toFixed(1), 5)}`);
}
if (rows.length > 0) {
  console.log(`${'all'.padEnd(25)} ${pad('', 5)} ${pad('', 5)} ${pad(sum.kMs.toFixed(1), 11)} ${pad(sum.pMs.toFixed(1), 9)} ${pad((sum.pMs / sum.kMs).toFixed(2), 8)}` +
    ` ${pad(sum.kKB.toFixed(1), 12)} ${pad(sum.pKB.toFixed(1), 9)} ${pad((sum.kKB / sum.pKB).toFixed(2), 6)}   ${''.padEnd(27)} ${pad(sum.exMs.toFixed(1), 14)} ${pad(sum.exKB.toFixed(1), 5)}`);
  console.log('faster× = pdfme ms / kakanai ms (goal ≥ 3); size× = kakanai KB / pdfme KB (goal < 1).');
  console.log(`Fonts: ${path.basename(MINCHO)} and ${path.basename(GOTHIC)} for both. pdfme draws the text lines kakanai drew`);
  console.log('(positions from pdftotext -bbox-layout, font and size from pdftohtml -xml), not its rules and boxes.');
}
