#!/usr/bin/env python3
"""Runs the Python binding's tests (the ctest test python_binding).

Exit status: 0 passed, 1 failed, 77 skipped (no shared library: libilc
built with BUILD_SHARED_LIBS=OFF, or not built yet).

Environment: ILC_LIBRARY (the library to test; set by CMake, empty when
there is no shared library), ILC_PRELOAD (the AddressSanitizer runtime of
a sanitizer build: the runner re-executes itself with LD_PRELOAD set,
because ASan must be loaded before any other library).
"""

import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77


def _needs_asan(path):
    try:
        with open(path, "rb") as f:
            return b"libasan.so" in f.read()
    except OSError:
        return False


def _asan_runtime():
    rt = os.environ.get("ILC_PRELOAD")
    if rt:
        return rt
    for cc in ("cc", "gcc"):
        try:
            out = subprocess.run([cc, "-print-file-name=libasan.so"],
                                 capture_output=True, text=True, check=True)
        except (OSError, subprocess.CalledProcessError):
            continue
        if os.path.sep in out.stdout.strip():
            return out.stdout.strip()
    return None


def main():
    lib = os.environ.get("ILC_LIBRARY")
    if lib == "":
        print("skipped: libilc was built without a shared library "
              "(BUILD_SHARED_LIBS=OFF); the Python binding needs libilc.so")
        return SKIP
    if lib and not os.path.exists(lib):
        print("skipped: %s is not built yet (make ilc)" % lib)
        return SKIP
    if lib and _needs_asan(lib) and "ILC_REEXEC" not in os.environ:
        rt = _asan_runtime()
        if not rt:
            print("%s is a sanitizer build and libasan.so was not found "
                  "(set ILC_PRELOAD)" % lib)
            return 1
        env = dict(os.environ, ILC_REEXEC="1", ILC_PRELOAD=rt)
        env["LD_PRELOAD"] = rt
        # the interpreter itself never frees everything at exit: leaks are
        # checked by a dedicated test that filters for libilc frames.  The
        # last setting of an option wins, so ours goes at the end.
        prev = env.get("ASAN_OPTIONS", "")
        env["ASAN_OPTIONS"] = (prev + ":" if prev else "") + "detect_leaks=0"
        return subprocess.call([sys.executable] + sys.argv, env=env)
    sys.path.insert(0, os.path.dirname(HERE))
    suite = unittest.defaultTestLoader.discover(HERE, pattern="test_*.py",
                                                top_level_dir=HERE)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    if not result.wasSuccessful():
        return 1
    if result.testsRun and len(result.skipped) == result.testsRun:
        return SKIP
    return 0


if __name__ == "__main__":
    sys.exit(main())
