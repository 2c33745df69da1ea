"""The command line: no sub-command starts the program; others work without a window."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from pairing_desktop.core.errors import PairingError, StorageError
from pairing_desktop.core.paths import default_db_path

if TYPE_CHECKING:
    from pairing_desktop.core.storage.db import Ledger


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pairing-desktop", description="城乡共建“1+1”结对帮扶台账")
    parser.add_argument("--db", type=Path, help="数据库文件（默认：用户数据目录下的 ledger.db）")
    sub = parser.add_subparsers(dest="command")

    demo = sub.add_parser("demo", help="生成演示县数据库")
    demo.add_argument("--db", type=Path, required=True, dest="db")
    demo.add_argument("--seed", type=int, default=2007, help="随机种子（同一种子生成相同数据）")

    report = sub.add_parser("report", help="生成结对帮扶工作统计报告（PDF 或 Excel 工作簿）")
    report.add_argument("--db", type=Path, required=True, dest="db")
    period = report.add_mutually_exclusive_group(required=True)
    period.add_argument("--year", type=int, help="统计年度")
    period.add_argument("--from", type=dt.date.fromisoformat, dest="date_from",
                        help="或：统计期间的开始日期（如 2025-07-01，须同时给出 --to）")
    report.add_argument("--to", type=dt.date.fromisoformat, dest="date_to",
                        help="统计期间的结束日期")
    report.add_argument("--township", help="只统计一个乡镇（名称）；不填为全县")
    report.add_argument("--out", type=Path, required=True, help="输出文件：.pdf 或 .xlsx")

    check = sub.add_parser("check", help="检查数据库：版本、完整性、记录数")
    check.add_argument("--db", type=Path, required=True, dest="db")

    letters = sub.add_parser("letters", help="批量生成责任书或联系卡（PDF）")
    letters.add_argument("--db", type=Path, required=True, dest="db")
    letters.add_argument("--kind", required=True, choices=("target", "cadre", "card"),
                         help="target 目标责任书 / cadre 干部帮扶责任书 / card 帮扶联系卡")
    letters.add_argument("--year", type=int, required=True, help="年度")
    letters.add_argument("--township", help="只生成该乡镇的")
    letters.add_argument("--unit", help="只生成该单位的")
    letters.add_argument("--out", type=Path, required=True,
                         help="输出 PDF 文件；与 --split 同用时为输出文件夹")
    letters.add_argument("--split", action="store_true", help="每份一个文件")

    verify = sub.add_parser("verify", help="核验责任书上的验证码")
    verify.add_argument("--db", type=Path, required=True, dest="db")
    verify.add_argument("code", help="验证码，如 ABCD-EFGH")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command is None:
            from pairing_desktop.ui.app import run

            return run(args.db or default_db_path())
        return COMMANDS[args.command](args)
    except PairingError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1


def _demo(args: argparse.Namespace) -> int:
    from pairing_desktop.core.demo import build_demo_county
    from pairing_desktop.core.entities import ENTITIES
    from pairing_desktop.core.storage.db import open_database

    if args.db.exists():
        print(f"错误：{args.db} 已存在；演示数据只写入新文件。", file=sys.stderr)
        return 1
    with open_database(args.db):
        counts = build_demo_county(seed=args.seed)
    print(f"已生成演示县：{args.db}")
    for key, count in counts.items():
        print(f"  {ENTITIES[key].label}：{count}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from pairing_desktop.core.entities import ENTITIES
    from pairing_desktop.core.storage.check import check_file

    report = check_file(args.db)
    print(f"文件：{report.path}")
    print(f"数据结构版本：{report.version}")
    print(f"完整性检查：{report.integrity}")
    for key, count in report.counts.items():
        print(f"  {ENTITIES[key].label}：{count}")
    return 0 if report.ok else 2


def _report(args: argparse.Namespace) -> int:
    from pairing_desktop.core.reports.export import export_report

    with _open_existing(args.db):
        path = export_report(args.out, args.year, args.township, args.date_from, args.date_to)
    print(f"已生成报告：{path}")
    return 0


def _letters(args: argparse.Namespace) -> int:
    from pairing_desktop.core.letters import KINDS
    from pairing_desktop.core.letters.batch import generate

    with _open_existing(args.db):
        result = generate(args.kind, args.year, args.out, township=args.township,
                          unit=args.unit, split=args.split)
    where = args.out if not args.split else f"{args.out}（{len(result.files)} 个文件）"
    print(f"已生成 {len(result.letters)} 份{KINDS[args.kind]}，共 {result.pages} 页：{where}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from pairing_desktop.core.letters.lifecycle import verify

    with _open_existing(args.db):
        outcome = verify(args.code)
    print(outcome.message, file=sys.stdout if outcome.result == "found" else sys.stderr)
    return {"found": 0, "changed": 3, "unknown": 4}[outcome.result]


def _open_existing(path: Path) -> Ledger:
    """Open a ledger that must already exist: a typo in --db must not create an empty one."""
    from pairing_desktop.core.storage.db import open_database

    if not path.is_file():
        raise StorageError(f"数据库文件 {path} 不存在。")
    return open_database(path)


COMMANDS = {"demo": _demo, "check": _check, "letters": _letters, "verify": _verify,
            "report": _report}
