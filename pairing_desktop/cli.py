"""The command line: no sub-command starts the program; others work without a window."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pairing_desktop
from pairing_desktop.core.errors import PairingError, StorageError, os_reason

if TYPE_CHECKING:
    from pairing_desktop.core.storage.ledger import Ledger

PASSWORD_ENV = "PAIRING_PASSWORD"


class _Version(argparse.Action):
    """--version, read only when asked: reading the package metadata costs every start ~40 ms."""

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"pairing-desktop {pairing_desktop.__version__}")  # on stdout, as argparse's own
        parser.exit()



def ledger_address(text: str) -> Path | str:
    """--db: a ledger file, or a `postgresql://user@host/dbname` address of a shared server."""
    from pairing_desktop.core.storage.server import is_server_url

    return text if is_server_url(text) else Path(text)

def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pairing-desktop", description="城乡共建“1+1”结对帮扶台账")
    parser.add_argument("--db", type=ledger_address,
                        help="数据库文件（默认：用户数据目录下的 ledger.db），"
                             "或共用服务器的地址 postgresql://用户名@服务器/数据库名")
    parser.add_argument("--version", action=_Version, nargs=0, help="显示版本号并退出")
    parser.add_argument("--self-test", action="store_true",
                        help="自检：在临时文件夹里走一遍演示县、责任书、报告、备份和主窗口，然后退出")
    sub = parser.add_subparsers(dest="command")

    new = sub.add_parser("new", help="新建台账数据库，并建立县级管理员账户")
    new.add_argument("--db", type=ledger_address, required=True, dest="db")
    new.add_argument("--county", required=True, help="县名，如 黔西县")
    new.add_argument("--office", required=True, help="使用单位，如 县委组织部")
    new.add_argument("--admin", default="admin", help="管理员用户名（默认 admin）")
    new.add_argument("--reports-to", dest="reports_to",
                     help="乡镇台账向哪个单位报送（交换包的收件单位），如 县委组织部")
    new.add_argument("--township", help="乡镇台账所管的乡镇（默认与 --office 相同）")

    sync = sub.add_parser("sync", help="单位间的交换包：生成、导入、列出冲突")
    sync_sub = sync.add_subparsers(dest="sync_command", required=True)
    sync_export = sync_sub.add_parser("export", help="生成发往某单位的交换包")
    sync_export.add_argument("--db", type=ledger_address, required=True, dest="db")
    sync_export.add_argument("--to", required=True, help="收件单位，如 县委组织部 或 中坪镇")
    sync_export.add_argument("--out", type=Path, required=True, help="交换包文件（.pdx）")
    _user_option(sync_export)
    sync_import = sync_sub.add_parser("import", help="导入其他单位发来的交换包")
    sync_import.add_argument("--db", type=ledger_address, required=True, dest="db")
    sync_import.add_argument("file", type=Path, help="交换包文件（.pdx）")
    _user_option(sync_import)
    sync_conflicts = sync_sub.add_parser("conflicts", help="列出待处理的冲突（两边的版本逐项对照）")
    sync_conflicts.add_argument("--db", type=ledger_address, required=True, dest="db")

    demo = sub.add_parser("demo", help="生成演示县数据库")
    demo.add_argument("--db", type=ledger_address, required=True, dest="db")
    demo.add_argument("--seed", type=int, default=2007, help="随机种子（同一种子生成相同数据）")

    report = sub.add_parser("report", help="生成结对帮扶工作统计报告（PDF 或 Excel 工作簿）")
    report.add_argument("--db", type=ledger_address, required=True, dest="db")
    period = report.add_mutually_exclusive_group(required=True)
    period.add_argument("--year", type=int, help="统计年度")
    period.add_argument("--from", type=dt.date.fromisoformat, dest="date_from",
                        help="或：统计期间的开始日期（如 2025-07-01，须同时给出 --to）")
    report.add_argument("--to", type=dt.date.fromisoformat, dest="date_to",
                        help="统计期间的结束日期")
    report.add_argument("--township", help="只统计一个乡镇（名称）；不填为全县")
    report.add_argument("--out", type=Path, required=True, help="输出文件：.pdf 或 .xlsx")
    _user_option(report)

    check = sub.add_parser("check", help="检查数据库：版本、完整性、记录数")
    check.add_argument("--db", type=ledger_address, required=True, dest="db")

    letters = sub.add_parser("letters", help="批量生成责任书或联系卡（PDF）")
    letters.add_argument("--db", type=ledger_address, required=True, dest="db")
    letters.add_argument("--kind", required=True, choices=("target", "cadre", "card"),
                         help="target 目标责任书 / cadre 干部帮扶责任书 / card 帮扶联系卡")
    letters.add_argument("--year", type=int, required=True, help="年度")
    letters.add_argument("--township", help="只生成该乡镇的")
    letters.add_argument("--unit", help="只生成该单位的")
    letters.add_argument("--out", type=Path, required=True,
                         help="输出 PDF 文件；与 --split 同用时为输出文件夹")
    letters.add_argument("--split", action="store_true", help="每份一个文件")
    letters.add_argument("--date", type=dt.date.fromisoformat,
                         help="成文（签订）日期，如 2026-03-05，印作 2026年3月5日；默认今天")
    letters.add_argument("--check", action="store_true",
                         help="生成后按 GB/T 9704 测量页面、边距、行格、字体、字号和页码，"
                              "逐项打印；有一项不合格即以非零状态退出")
    _user_option(letters)

    verify = sub.add_parser("verify", help="核验责任书上的验证码")
    verify.add_argument("--db", type=ledger_address, required=True, dest="db")
    verify.add_argument("code", help="验证码，如 ABCD-EFGH")

    backup = sub.add_parser("backup", help="立即备份台账（程序运行时也可以）")
    backup.add_argument("--db", type=ledger_address, required=True, dest="db")
    backup.add_argument("--out", type=Path, help="备份文件；不填则存入备份文件夹并按规则轮换")
    _user_option(backup)

    restore = sub.add_parser("restore", help="用备份恢复台账（当前文件会先另存）")
    restore.add_argument("backup", type=Path, help="备份文件")
    restore.add_argument("--db", type=ledger_address, required=True, dest="db")

    hist = sub.add_parser("history", help="操作日志：每行一项修改")
    hist.add_argument("--db", type=ledger_address, required=True, dest="db")
    hist.add_argument("--record", help="只看一条记录（记录编号）")
    hist.add_argument("--since", type=dt.date.fromisoformat, help="从这一天起（如 2026-03-01）")
    _user_option(hist)

    template = sub.add_parser("template", help="生成导入用的空白 Excel 模板（每种记录一个工作表）")
    template.add_argument("--out", type=Path, required=True, help="输出的 .xlsx 文件")
    template.add_argument("--db", type=ledger_address, dest="db",
                          help="可选：台账文件，其乡镇、单位、职级、活动类型列入下拉列表")
    template.add_argument("--kind", action="append", help="只包含这种记录（可重复），如 贫困户")

    imp = sub.add_parser("import", help="从 Excel（.xlsx/.xls）或 CSV 导入记录：全部无误才写入")
    imp.add_argument("file", type=Path, help="要导入的文件")
    imp.add_argument("--db", type=ledger_address, required=True, dest="db")
    imp.add_argument("--dry-run", action="store_true", help="只检查并预览数量，不写入")
    imp.add_argument("--kind", help="文件中的记录种类（工作表名认不出时），如 贫困户 或 household")
    imp.add_argument("--map", action="append", default=[], metavar="他们的列=我们的字段",
                     help="指定列的对应（可重复），如 户主身份证号码=身份证号；"
                          "字段写“不导入”则忽略该列")
    imp.add_argument("--errors", type=Path,
                     help="错误工作簿的位置（默认：导入文件旁的 <文件名>.错误.xlsx）")
    _user_option(imp)

    exp = sub.add_parser("export", help="把记录导出为 Excel 工作簿（与导入格式相同）")
    exp.add_argument("--db", type=ledger_address, required=True, dest="db")
    exp.add_argument("--out", type=Path, required=True, help="输出的 .xlsx 文件")
    exp.add_argument("--kind", action="append", help="只导出这种记录（可重复），如 贫困户")
    exp.add_argument("--full-numbers", action="store_true",
                     help="导出完整的身份证号和电话号码（仅县级管理员；记入操作日志）")
    _user_option(exp)
    return parser


def _user_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--user", help="操作员用户名；密码从终端输入，"
                         f"或取自环境变量 {PASSWORD_ENV}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.self_test:
        from pairing_desktop.selftest import run as self_test

        return self_test()
    try:
        if args.command is None:
            from pairing_desktop.ui.app import run

            return run(args.db)  # None: the last ledger used, else the default file
        return COMMANDS[args.command](args)
    except PairingError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `history … | head`: the reader has all it wants; say nothing
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's recipe
        return 1
    except OSError as exc:  # disk full, read-only folder, a stick pulled out: one line, no trace
        where = f"（{exc.filename}）" if exc.filename else ""
        print(f"错误：文件操作失败{where}：{os_reason(exc)}。请检查磁盘空间、文件夹权限，"
              "以及 U 盘或网络盘是否仍连接；已保存的数据不受影响。", file=sys.stderr)
        return 1
    except MemoryError:
        print("错误：内存不足，操作未完成；已保存的数据不受影响。请关闭其他程序后重试。",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("已中断：未完成的操作没有保存。", file=sys.stderr)
        return 130


def _password(prompt: str, twice: bool = False) -> str:
    """The password from PAIRING_PASSWORD (scripts) or typed at the terminal, never an argument
    (arguments show in the process list and the shell history)."""
    import getpass
    import os

    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if not sys.stdin.isatty():
        raise PairingError(f"需要密码：请在终端运行，或设置环境变量 {PASSWORD_ENV}。")
    password = getpass.getpass(prompt)
    if twice and getpass.getpass("再输入一次：") != password:
        raise PairingError("两次输入的密码不一致。")
    return password


def _new(args: argparse.Namespace) -> int:
    from pairing_desktop.core import operations as ops
    from pairing_desktop.core.ledgers import open_ledger
    from pairing_desktop.core.profile import set_profile

    if args.db.exists():
        print(f"错误：{args.db} 已存在；新建只写入新文件。", file=sys.stderr)
        return 1
    password = _password(f"管理员 {args.admin} 的密码：", twice=True)
    from pairing_desktop.core.auth import check_password

    check_password(password)  # before the file exists: a refused password leaves no file
    with open_ledger(args.db) as ledger:
        ops.create_first_admin(ledger, args.admin, password)
        set_profile(ledger, county=args.county, office=args.office,
                    reports_to=args.reports_to, township=args.township)
    where = f"，向 {args.reports_to} 报送" if args.reports_to else ""
    print(f"已新建台账：{args.db}（{args.county} {args.office}{where}，管理员 {args.admin}）")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from pairing_desktop.core.demo import make_demo_file

    counts = make_demo_file(args.db, seed=args.seed)
    print(f"已生成演示县：{args.db}")
    _print_counts(counts)
    return 0


def _print_counts(counts: dict[str, int]) -> None:
    """One `名称：数量` line per kind of record (county scripts read these lines)."""
    from pairing_desktop.core.entities import ENTITIES

    for key, count in counts.items():
        print(f"  {ENTITIES[key].label}：{count}")


def _check(args: argparse.Namespace) -> int:
    from pairing_desktop.core.check import check_file

    report = check_file(args.db)
    print(f"文件：{report.path}")
    print(f"数据结构版本：{report.version}")
    print(f"完整性检查：{report.integrity}")
    _print_counts(report.counts)
    chain = report.chain
    print(f"操作日志：{'完整' if chain.ok else chain.problem}（已核对 {chain.entries} 条）")
    if not chain.ok:
        print(f"错误：{chain.problem}", file=sys.stderr)
    return 0 if report.ok else 2


def _report(args: argparse.Namespace) -> int:
    from pairing_desktop.core.reports.export import export_report

    with _open_existing(args) as ledger:
        path = export_report(ledger, args.out, args.year, args.township, args.date_from,
                             args.date_to)
    print(f"已生成报告：{path}")
    return 0


def _letters(args: argparse.Namespace) -> int:
    from pairing_desktop.core.letters import KINDS
    from pairing_desktop.core.letters.batch import generate
    from pairing_desktop.core.letters.check import check_files
    from pairing_desktop.core.letters.fonts import font_report
    from pairing_desktop.core.validation import cn_date

    with _open_existing(args) as ledger:
        _refuse_if_damaged(ledger)
        result = generate(ledger, args.kind, args.year, args.out, township=args.township,
                          unit=args.unit, split=args.split, day=args.date)
        fonts = font_report(ledger) if args.check else None
    where = args.out if not args.split else f"{args.out}（{len(result.files)} 个文件）"
    print(f"已生成 {len(result.letters)} 份{KINDS[args.kind]}，共 {result.pages} 页，"
          f"落款日期 {cn_date(result.day)}：{where}")
    if not args.check:
        return 0
    points = check_files(result.files, args.kind, fonts)
    for point in points:
        print(point)
    failed = [p for p in points if not p.ok]
    print(f"检查结果：{len(points) - len(failed)} 项通过，{len(failed)} 项不通过。")
    return 1 if failed else 0


def _verify(args: argparse.Namespace) -> int:
    from pairing_desktop.core.letters.lifecycle import verify

    with _open_existing(args) as ledger:
        outcome = verify(ledger, args.code)
    print(outcome.message, file=sys.stdout if outcome.result == "found" else sys.stderr)
    return {"found": 0, "changed": 3, "unknown": 4}[outcome.result]


def _history(args: argparse.Namespace) -> int:
    from pairing_desktop.core.history import HistoryFilter, entries
    from pairing_desktop.core.history_book import lines

    with _open_existing(args) as ledger:
        found = entries(ledger, HistoryFilter(record=args.record, since=args.since),
                        newest_first=False)
        for line in lines(ledger, found):
            print(line)
    return 0


def _backup(args: argparse.Namespace) -> int:
    from pairing_desktop.core.backups import make_backup

    with _open_existing(args) as ledger:
        result = make_backup(ledger, args.out)
    info = result.info
    print(f"已备份：{info.path}（完整性检查：{info.integrity}）")
    for path in result.copies:
        print(f"  另存一份：{path}")
    for warning in result.warnings:
        print(f"警告：{warning}", file=sys.stderr)
    return 0


def _restore(args: argparse.Namespace) -> int:
    from pairing_desktop.core.backups import inspect_backup, restore_backup

    info = inspect_backup(args.backup)
    print(f"备份：{info.path}")
    print(f"备份时间：{info.made_at:%Y-%m-%d %H:%M}（{info.age_text}）")
    print(f"完整性检查：{info.integrity}")
    _print_counts(info.counts)
    aside = restore_backup(args.backup, args.db)
    print(f"已恢复到 {args.db}；原文件另存为 {aside}")
    return 0


def _kinds(names: list[str] | None) -> list[str] | None:
    from pairing_desktop.core.exchange import kind_named

    try:
        return [kind_named(n) for n in names] if names else None
    except ValueError as exc:
        raise PairingError(str(exc)) from None


def _template(args: argparse.Namespace) -> int:
    from pairing_desktop.core.exchange import write_template

    kinds = _kinds(args.kind)
    if args.db is not None:
        with _open_existing(args) as ledger:
            path = write_template(args.out, ledger, kinds)
    else:
        path = write_template(args.out, None, kinds)
    print(f"已生成导入模板：{path}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from pairing_desktop.core.exchange import (
        import_book,
        plan_book,
        problem_lines,
        write_errors,
    )

    overrides = {}
    for item in args.map:
        theirs, sep, ours = item.partition("=")
        if not sep or not theirs.strip():
            raise PairingError(f"--map “{item}”应写成 他们的列=我们的字段")
        overrides[theirs.strip()] = ours.strip()
    kind = _kinds([args.kind])[0] if args.kind else None  # type: ignore[index]
    with _open_existing(args) as ledger:
        _refuse_if_damaged(ledger)
        book = plan_book(ledger, args.file, kind, overrides)
        for note in book.notes:
            print(note)
        for plan in book.plans:
            print(f"工作表“{plan.name}” → {plan.label}：标题在第"
                  f"{'、'.join(str(r + 1) for r in plan.heading_rows)}行，"
                  f"数据 {len(plan.data_rows)} 行"
                  + (f"（跳过 {len(plan.skipped)} 行：空行、合计或说明）" if plan.skipped else ""))
            if not plan.is_our_format():
                for line in plan.describe():
                    print(f"  {line}")
        result = import_book(ledger, book, dry_run=args.dry_run)
    for line in result.summary():
        print(line)
    if not result.ok:
        for line in problem_lines(result, limit=200):
            print(line, file=sys.stderr)
        where = write_errors(result, args.errors)
        print(f"有 {len(result.problems) + result.more_problems} 处问题，没有写入任何记录。"
              f"已标出错误：{where}", file=sys.stderr)
        return 2
    if args.dry_run:
        print("检查通过（预览）：没有写入。去掉 --dry-run 即按以上数量导入。")
        return 0
    for note in result.remembered:
        print(note)
    print(f"已导入：{args.file}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from pairing_desktop.core.exchange import export_workbook

    kinds = _kinds(args.kind)
    with _open_existing(args) as ledger:
        counts, _changes = export_workbook(ledger, args.out, kinds, args.full_numbers)
    _print_counts(counts)
    masked = "" if args.full_numbers else \
        "（身份证号和电话已隐去中间几位；完整号码用 --full-numbers）"
    print(f"已导出：{args.out}{masked}")
    return 0


def _sync(args: argparse.Namespace) -> int:
    from pairing_desktop.core import operations as ops
    from pairing_desktop.core.sync import conflicts

    if args.sync_command == "conflicts":
        with _open_existing(args) as ledger:
            waiting = conflicts.pending(ledger)
            for c in waiting:
                print(f"[{c.id}] {c.kind_label}“{c.title}”：本台账与{c.office}"
                      f"（第{c.package_seq}号交换包）都修改过")
                for f in c.differing:
                    print(f"    {f.label}：本台账 {f.ours or '（空）'} | {c.office} "
                          f"{f.theirs or '（空）'}")
        print(f"待处理的冲突：{len(waiting)} 个" + ("（在“数据交换 → 处理冲突”中选择保留哪个版本）"
                                                  if waiting else ""))
        return 0
    with _open_existing(args) as ledger:
        _refuse_if_damaged(ledger)
        if args.sync_command == "export":
            made = ops.export_package(ledger, args.to, args.out)
            print(f"已生成交换包：{args.out}（发往 {args.to}，第 {made.seq} 号，"
                  f"{made.count} 条记录，{made.size / 1024:.1f} KB）")
            return 0
        merged = ops.import_package(ledger, args.file)
        waiting = conflicts.count(ledger)
    print(f"已导入 {merged.sender} 的第 {merged.seq} 号交换包：{merged.result.summary()}")
    if merged.result.conflicts:
        print(f"有 {waiting} 个冲突待处理：pairing-desktop sync conflicts --db {args.db}")
    return 0


def _refuse_if_damaged(ledger: Ledger) -> None:
    """Before a command writes: the full integrity check (0.2 s on a county's file)."""
    from pairing_desktop.core.check import verify_integrity

    if verify_integrity(ledger) != "ok":
        raise StorageError(f"台账文件 {ledger.path} 已损坏（{ledger.damage}），没有写入任何内容。"
                           "请用 pairing-desktop restore 从最近的备份恢复。")


def _open_existing(args: argparse.Namespace) -> Ledger:
    """Open a ledger that must already exist (a typo in --db must not create an empty one) and
    log in: as --user with a password, else as the ledger's auto-login operator, if any."""
    from pairing_desktop.core import auth
    from pairing_desktop.core.ledgers import location_warning, open_ledger

    path = args.db
    if isinstance(path, Path) and not path.is_file():
        raise StorageError(f"数据库文件 {path} 不存在。")
    ledger = open_ledger(path)
    warning = location_warning(path) if isinstance(path, Path) else None
    if warning:
        print(f"警告：{warning}", file=sys.stderr)
    try:
        user = getattr(args, "user", None)
        if user:
            auth.login(ledger, user, _password(f"操作员 {user} 的密码："))
        else:
            auth.auto_login(ledger)
    except BaseException:
        ledger.close()
        raise
    return ledger


COMMANDS = {"new": _new, "demo": _demo, "check": _check, "letters": _letters, "verify": _verify,
            "report": _report, "history": _history, "backup": _backup, "restore": _restore,
            "template": _template, "import": _import, "export": _export, "sync": _sync}
