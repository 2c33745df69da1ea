# PyInstaller runtime hook (packaging/bundle.py RUNTIME_HOOKS): run by the frozen program before
# any of its imports. pypinyin then leaves its phrase table unread; the bundle does not carry it.
import os

os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
