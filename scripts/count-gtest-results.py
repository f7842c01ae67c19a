#!/usr/bin/env python3
"""Prints how many gtest cases passed, failed and were skipped, from the XML files in a directory."""
import pathlib
import sys
import xml.etree.ElementTree as ET

root = pathlib.Path(sys.argv[1])
passed = failed = skipped = 0
files = sorted(root.rglob("*.xml"))
for path in files:
    for case in ET.parse(path).iter("testcase"):
        if case.find("failure") is not None:
            failed += 1
        elif case.get("status") != "run" or case.get("result") == "skipped" or case.find("skipped") is not None:
            skipped += 1
        else:
            passed += 1
print(f"test.sh: {passed} C++ test cases passed, {failed} failed, {skipped} skipped "
      f"(unit, store, HTTP and e2e suites, both backends; {len(files)} result files)")
