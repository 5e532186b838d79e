#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Contrast of the kiosk's CSS: every text colour against the background it is drawn on must
# reach WCAG 2 contrast 7:1 (level AAA), disabled controls included ("contrast
# >= 7:1 everywhere").
# The stylesheet runs through a small CSS cascade (compound selectors, the descendant
# combinator, specificity, then order): every selector in it, as an element inside the window
# (and the small window), in each state a control can be in (hover, active, checked,
# focus-visible, disabled), gets its computed text colour (inherited) and the background it
# is drawn on (its own or the nearest ancestor's). Icons count as text; scrollbar parts (no
# text) do not. The pixels on screen are measured by the GUI tests' layout check.
# usage: css-contrast.py KIOSK.CSS [--min 7] [--all]
import re
import sys

STATES = ('hover', 'active', 'checked', 'focus-visible', 'disabled')


def parse(css):
    css = re.sub(r'/\*.*?\*/', '', css, flags=re.S)
    rules = []
    for sels, body in re.findall(r'([^{}]+)\{([^}]*)\}', css):
        decls = {}
        for d in body.split(';'):
            if ':' in d:
                k, v = d.split(':', 1)
                decls[k.strip()] = v.strip()
        for sel in sels.split(','):
            rules.append((' '.join(sel.split()), decls))
    return rules


def colour(v):
    if v is None:
        return None
    m = re.search(r'#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b', v)
    if not m:
        return None
    h = m.group(1)
    if len(h) == 3:
        h = ''.join(c * 2 for c in h)
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def luminance(rgb):
    def lin(c):
        c /= 255.0
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def compound(text):
    """'button.lang:checked' -> (tag or None, frozenset of classes, frozenset of states)."""
    m = re.match(r'^([a-z*-]+)?', text)
    tag = m.group(1) if m.group(1) not in (None, '*') else None
    return (tag, frozenset(re.findall(r'\.([a-z0-9_-]+)', text)),
            frozenset(re.findall(r':([a-z-]+)', text)))


def chain(sel):
    return [compound(c) for c in sel.split(' ')]


def matches_compound(rule, el):
    return (rule[0] is None or rule[0] == el[0]) and rule[1] <= el[1] and rule[2] <= el[2]


def matches(rule_chain, el_chain):
    """The last compound matches the element, the others its ancestors, in order."""
    if not matches_compound(rule_chain[-1], el_chain[-1]):
        return False
    i = len(el_chain) - 2
    for rc in reversed(rule_chain[:-1]):
        while i >= 0 and not matches_compound(rc, el_chain[i]):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def specificity(rule_chain):
    return (sum(len(c) + len(s) for _, c, s in rule_chain),
            sum(1 for t, _, _ in rule_chain if t is not None))


def computed(rules, el_chain, prop):
    best = None
    for order, (sel, d) in enumerate(rules):
        v = d.get(prop)
        if prop == 'background' and v is None:
            v = d.get('background-color')
        if colour(v) is None:
            continue
        rc = chain(sel)
        if matches(rc, el_chain):
            key = (specificity(rc), order)
            if best is None or key > best[0]:
                best = (key, colour(v))
    return best[1] if best else None


def inherited(rules, el_chain, prop, default):
    for i in range(len(el_chain), 0, -1):
        c = computed(rules, el_chain[:i], prop)
        if c is not None:
            return c
    return default


def name_of(el):
    return ' '.join((t or '') + ''.join('.' + x for x in sorted(c)) +
                    ''.join(':' + x for x in sorted(s)) for t, c, s in el)


def main():
    path = sys.argv[1]
    minimum = float(sys.argv[sys.argv.index('--min') + 1]) if '--min' in sys.argv else 7.0
    rules = parse(open(path, encoding='utf-8').read())
    roots = [chain('window.kiosk'), chain('window.kiosk.small')]
    seen = {}
    for sel, _ in rules:
        c = chain(sel)
        body = c[1:] if c[0][0] == 'window' else c
        if any(t in ('scrollbar', 'slider', 'trough') for t, _, _ in body):
            continue
        for root in roots:
            for st in ('',) + STATES:
                el = root + list(body)
                if st:
                    if not any(t == 'button' for t, _, _ in body):
                        continue  # states belong to controls
                    t, cl, s = el[-1]
                    el[-1] = (t, cl, s | {st})
                    # a state belongs to the control: put it on the button the text sits in
                    for i in range(len(el) - 1, len(root) - 1, -1):
                        if el[i][0] == 'button':
                            t, cl, s = el[i]
                            el[i] = (t, cl, s | {st})
                            break
                fg = inherited(rules, el, 'color', (0, 0, 0))
                bg = inherited(rules, el, 'background', (255, 255, 255))
                seen[name_of(el)] = (fg, bg)
    bad = 0
    for name, (fg, bg) in sorted(seen.items()):
        r = ratio(fg, bg)
        if r < minimum or '--all' in sys.argv:
            bad += r < minimum
            print('%-72s #%02x%02x%02x on #%02x%02x%02x %6.2f:1%s' %
                  ((name,) + fg + bg + (r, ' TOO LOW' if r < minimum else '')))
    worst = min(seen.items(), key=lambda kv: ratio(*kv[1]))
    print('css-contrast: %d elements × states, %d below %.1f:1 (lowest %.2f:1: %s)' %
          (len(seen), bad, minimum, ratio(*worst[1]), worst[0]))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
