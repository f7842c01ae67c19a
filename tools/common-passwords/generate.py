#!/usr/bin/env python3
"""Writes src/service/common_passwords.txt: passwords that guessing tools try first.

Made from facts, not copied from any list: the base words are the ones that every published
"most common passwords" count (and Chinese ones such as woaini, 5201314) puts at the top, the
names of this product and its places, then the usual decorations people add to meet a length
rule (digits, years, "!", "@123"), sequences, repeats and keyboard walks. Lower case; the check
compares the lower-cased password. Run: python3 tools/common-passwords/generate.py
"""
import itertools
import pathlib

BASE = """password passw0rd p@ssw0rd p@ssword qwerty qwertyuiop asdfghjkl zxcvbnm asdfgh qazwsx
qweasdzxc 1q2w3e4r 1qaz2wsx zaq12wsx iloveyou admin administrator welcome monkey dragon letmein
football baseball basketball sunshine princess shadow master superman batman trustno1 abc123
starwars whatever michael jennifer jordan hunter harley ranger buster soccer hockey killer george
charlie andrew michelle love pepper daniel access thomas robert matthew ginger summer ashley nicole
chelsea freedom computer secret flower cheese internet changeme default guest root test login
woaini aini wodemima mima zhongguo china beijing shanghai shanxi taiyuan datong sanpi kaifaqu
user demo hello hellokitty lovely iloveu pokemon naruto liverpool arsenal samsung apple google
microsoft linux oracle database server system manager office company welcome1 qwerty123
""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "!", "!!", "1!",
            "123!", "@123", "#123", "@2022", "666", "888", "520", "1314", "5201314"] + \
           [str(y) for y in range(1990, 2031)]

out = set()
for word, suffix in itertools.product(BASE, SUFFIXES):
    out.add(word + suffix)
    out.add(suffix + word) if suffix.isdigit() else None

digits = "01234567890123456789"
for length in range(6, 21):
    for start in range(10):
        out.add(digits[start:start + length])                       # 123456..., 234567...
        out.add(digits[start:start + length][::-1])                 # ...654321
    for d in "0123456789":
        out.add(d * length)                                         # 000000, 111111...
    for c in "abcdefghijklmnopqrstuvwxyz":
        out.add(c * length)                                         # aaaaaa...
for pair in ["12", "123", "1234", "12345", "abc", "ab", "qwe", "asd", "zxc", "520", "1314", "woaini"]:
    for n in range(2, 8):
        out.add(pair * n)                                           # 121212, abcabcabc...
out.update(["5201314", "1314520", "147258369", "159357", "159753", "741852963", "789456123",
            "123qwe", "qwe123", "123abc", "abc123456", "a123456", "a12345678", "aa123456",
            "qq123456", "123456a", "123456aa", "iloveyou1", "password1", "password123"])

words = sorted(w for w in out if len(w) >= 6)
path = pathlib.Path(__file__).resolve().parents[2] / "src" / "service" / "common_passwords.txt"
path.write_text("\n".join(words) + "\n", encoding="utf-8")
print(f"{len(words)} passwords written to {path}")
