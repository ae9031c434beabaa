#!/usr/bin/env python3
"""Where the wasm's bytes go: regex engine, lexicon data, serde, the core's own code, the rest.

    python3 scripts/wasm_size_split.py [target/wasm32-unknown-unknown/release/newslens.wasm]

Reads the module cargo builds (before wasm-bindgen and wasm-opt, so its name section still says
which crate each function comes from), groups function bodies by crate and data segments as
data, and gzips each group on its own (-9). The lexicons are measured as the gzipped size of the
word-list files compiled in with include_str! (src/lexicons/). Figures are before wasm-opt -Oz;
the shipped total after it is what tests/size_budget.sh prints.
"""
import gzip
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def leb(buf, i):
    result = shift = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def name(buf, i):
    n, i = leb(buf, i)
    return buf[i:i + n].decode("utf-8", "replace"), i + n


def sections(buf):
    assert buf[:4] == b"\0asm", "not a wasm module"
    i = 8
    while i < len(buf):
        sid = buf[i]
        size, j = leb(buf, i + 1)
        yield sid, buf[j:j + size]
        i = j + size


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "target/wasm32-unknown-unknown/release/newslens.wasm")
    buf = open(path, "rb").read()
    imported_funcs = 0
    bodies = []
    data = b""
    names = {}
    other = 0
    for sid, body in sections(buf):
        if sid == 2:  # imports
            count, i = leb(body, 0)
            for _ in range(count):
                _, i = name(body, i)
                _, i = name(body, i)
                kind = body[i]
                i += 1
                if kind == 0:
                    _, i = leb(body, i)
                    imported_funcs += 1
                elif kind == 1:
                    i += 1
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 2:
                    flags, i = leb(body, i)
                    _, i = leb(body, i)
                    if flags & 1:
                        _, i = leb(body, i)
                elif kind == 3:
                    i += 2
            other += len(body)
        elif sid == 10:  # code
            count, i = leb(body, 0)
            for _ in range(count):
                size, i = leb(body, i)
                bodies.append(body[i:i + size])
                i += size
        elif sid == 11:  # data
            data += body
        elif sid == 0:  # custom
            cname, i = name(body, 0)
            if cname == "name":
                while i < len(body):
                    sub = body[i]
                    size, i = leb(body, i + 1)
                    if sub == 1:
                        count, k = leb(body, i)
                        for _ in range(count):
                            idx, k = leb(body, k)
                            fname, k = name(body, k)
                            names[idx] = fname
                    i += size
            # debug and producers sections are dropped by wasm-opt: not counted
        else:
            other += len(body)

    groups = {}
    for n, code in enumerate(bodies):
        fname = names.get(imported_funcs + n, "")
        if re.search(r"regex_lite|regex_automata|regex_syntax|regex\d*::|aho_corasick|memchr", fname):
            g = "regex engine (regex-lite)"
        elif "serde" in fname:
            g = "serde, serde_json"
        elif "newslens" in fname:
            g = "NewsLens's own code"
        elif "wasm_bindgen" in fname or "js_sys" in fname:
            g = "wasm-bindgen glue"
        else:
            g = "std, alloc, core and the rest"
        groups.setdefault(g, bytearray()).extend(code)

    lex = bytearray()
    for d, _, files in sorted(os.walk(os.path.join(ROOT, "src/lexicons"))):
        for f in sorted(files):
            lex.extend(open(os.path.join(d, f), "rb").read())

    def gz(b):
        return len(gzip.compress(bytes(b), 9))

    print(f"{path}: {len(buf)} bytes raw, {gz(buf)} gzipped (before wasm-bindgen and wasm-opt)")
    print(f"  {'part':<72} {'raw':>9} {'gzipped':>9}")
    for g, code in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"  {'code: ' + g:<72} {len(code):>9} {gz(code):>9}")
    print(f"  {'data segments (all)':<72} {len(data):>9} {gz(data):>9}")
    print(f"  {'  of which lexicon files (src/lexicons, include_str!)':<72} {len(lex):>9} {gz(lex):>9}")
    print(f"  {'  the rest: rule descriptions, patterns, panic and error strings':<72} {len(data) - len(lex):>9} {'':>9}")
    print(f"  {'types, imports, exports, tables, globals':<72} {other:>9} {'':>9}")


if __name__ == "__main__":
    main()
