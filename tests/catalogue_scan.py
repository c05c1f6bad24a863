"""Find every user-facing Vietnamese sentence in kcdesk's source, by reading the code (ast).

A string literal with Vietnamese letters is user-facing when it is
- the message argument of a message call: the catalogue's `tr` and `label`, Qt's
  `self.tr`, `QCoreApplication.translate` and `QT_TRANSLATE_NOOP`, `FieldMessage`, any
  exception class (kcdesk's own, found by their bases, or Python's), and any function of
  kcdesk that hands one of its parameters on to a message call (found to a fixed point, so
  `_error(status, "...")` in the server or `check(ok, "...")` in the self-test count);
- help, description, title or metavar of an argparse option or command;
- a value in a module-level table of labels (`vocab.STATUSES`, `PROPOSAL_LABELS`...)
  outside the Vietnamese-only areas below;
- anything else in the window (kcdesk.ui): every word it holds is shown, bar comparisons
  with what a user typed and patterns that parse it.

Vietnamese-only by design, so not scanned for tables: the printed documents and workbooks
(kcdesk.reports, kcdesk.exchange: official Vietnamese forms), demo and reference data
(kcdesk.demo, kcdesk.db), and the self-test's sample records. Their messages to the user
(errors, progress) are still message calls and are still scanned.
"""

from __future__ import annotations

import ast
import builtins
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import kcdesk

PACKAGE = Path(kcdesk.__file__).parent
VIETNAMESE = re.compile(
    "[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"
    "ÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ]"
)
# Message calls by name, with the position of their message argument.
BASE_MESSAGE_CALLS = {
    "tr": 0,
    "label": 0,
    "vocab": 0,
    "FieldMessage": 0,
    "translate": 1,  # QCoreApplication.translate(context, text)
    "QT_TRANSLATE_NOOP": 1,
    "QT_TR_NOOP": 0,
}
ARGPARSE_CALLS = {
    "add_argument",
    "add_parser",
    "add_subparsers",
    "add_argument_group",
    "ArgumentParser",
    "KcArgumentParser",
}
ARGPARSE_WORDS = {"help", "description", "epilog", "title", "metavar", "usage"}
# Areas whose tables are Vietnamese documents or data, not the program's own words.
VIETNAMESE_ONLY = ("reports/", "exchange/", "demo/", "db/", "selftest/")
# Calls that compare or parse what a user typed, not show it.
PARSING_CALLS = {"compile", "replace", "removesuffix", "removeprefix", "startswith", "endswith", "set", "frozenset"}
# Language names are shown in their own language (the language menu, settings).
ENDONYMS = {"Tiếng Việt"}
# Python's own names: a kcdesk method that happens to share one (a form's `set`) must not
# turn every `set(...)` into a message call.
SHADOWED = set(dir(builtins))


@dataclass(frozen=True)
class Found:
    text: str
    where: str


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if not p.name.startswith("locale_en"))


@cache
def _trees() -> dict[str, ast.Module]:
    return {p.relative_to(PACKAGE).as_posix(): ast.parse(p.read_text(encoding="utf-8")) for p in modules()}


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def exception_classes() -> set[str]:
    """kcdesk's exception classes (by their bases, transitively) and Python's."""
    known = {n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException)}
    bases: dict[str, set[str]] = {}
    for tree in _trees().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(_name(b) for b in node.bases)
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in known and parents & known:
                known.add(name)
                grew = True
    return known


# A parameter with one of these names carries a message, wherever it goes next (into a
# JSON error body, an exception's attribute...).
MESSAGE_PARAMETERS = ("message", "problem")


@dataclass(frozen=True)
class MessageArgument:
    index: int | None
    keyword: str | None


def _calls_with_message(call: ast.Call, calls: dict[str, MessageArgument], errors: set[str]) -> Iterator[ast.expr]:
    """The argument of `call` that carries a message, if it is a message call."""
    name = _name(call.func)
    where = calls.get(name) or (MessageArgument(0, "message") if name in errors else None)
    if where is None:
        return
    if where.index is not None and len(call.args) > where.index:
        yield call.args[where.index]
    for kw in call.keywords:
        if kw.arg is not None and kw.arg == where.keyword:
            yield kw.value


def _parameters(fn: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    params = [a.arg for a in fn.args.posonlyargs + fn.args.args]
    return params[1:] if params[:1] in (["self"], ["cls"]) else params


@cache
def message_calls() -> dict[str, MessageArgument]:
    """BASE_MESSAGE_CALLS, every kcdesk callable with a `message` parameter (an exception's
    __init__ counts for its class), and every kcdesk function that hands one of its
    parameters on to a message call."""
    calls = {name: MessageArgument(index, None) for name, index in BASE_MESSAGE_CALLS.items()}
    errors = exception_classes()
    functions: list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]] = []
    for tree in _trees().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                functions += [
                    (node.name, f) for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"
                ]
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and not node.name.startswith("__"):
                functions.append((node.name, node))
    for name, fn in functions:
        params, keywords = _parameters(fn), [a.arg for a in fn.args.kwonlyargs]
        for word in MESSAGE_PARAMETERS:
            if word in params:
                calls.setdefault(name, MessageArgument(params.index(word), word))
            elif word in keywords:
                calls.setdefault(name, MessageArgument(None, word))
    grew = True
    while grew:
        grew = False
        for name, fn in functions:
            if name in calls or name in SHADOWED:
                continue
            params = _parameters(fn)
            for node in ast.walk(fn):
                if isinstance(node, ast.Call):
                    args = [a for a in _calls_with_message(node, calls, errors) if isinstance(a, ast.Name)]
                    hit = next((a.id for a in args if a.id in params), None)
                    if hit is not None:
                        calls[name] = MessageArgument(params.index(hit), hit)
                        grew = True
                        break
    return calls


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _is_vietnamese(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and bool(VIETNAMESE.search(node.value))


def _strings(node: ast.AST | None) -> Iterator[ast.Constant]:
    """Vietnamese literals of an expression, looking through `a if c else b` and tables."""
    if node is None:
        return
    if _is_vietnamese(node):
        assert isinstance(node, ast.Constant)
        yield node
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)
    elif isinstance(node, ast.Dict):
        for value in node.values:
            yield from _strings(value)
    elif isinstance(node, ast.Tuple | ast.List | ast.Set):
        for element in node.elts:
            yield from _strings(element)


def _module_tables(tree: ast.Module) -> Iterator[ast.Constant]:
    for stmt in tree.body:
        value = stmt.value if isinstance(stmt, ast.Assign | ast.AnnAssign) else None
        if isinstance(value, ast.Dict | ast.Tuple | ast.List):
            yield from _strings(value)


def _window_strings(tree: ast.Module) -> Iterator[ast.Constant]:
    parents = _parents(tree)
    for node in ast.walk(tree):
        if not _is_vietnamese(node):
            continue
        assert isinstance(node, ast.Constant)
        parent = parents.get(node)
        while isinstance(parent, ast.Tuple | ast.List | ast.Set):
            parent = parents.get(parent)
        if isinstance(parent, ast.Expr):  # a docstring
            continue
        if isinstance(parent, ast.Compare | ast.JoinedStr):  # a typed value, or a built string (below)
            continue
        if isinstance(parent, ast.Call) and _name(parent.func) in PARSING_CALLS:
            continue
        if node.value in ENDONYMS:
            continue
        yield node


def shown_strings() -> list[Found]:
    """Every user-facing Vietnamese literal of kcdesk, with where it is."""
    calls, errors = message_calls(), exception_classes()
    found: dict[tuple[str, int, str], Found] = {}

    def add(rel: str, node: ast.Constant) -> None:
        found[(rel, node.lineno, node.value)] = Found(node.value, f"kcdesk/{rel}:{node.lineno}")

    for rel, tree in _trees().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for arg in _calls_with_message(node, calls, errors):
                    for s in _strings(arg):
                        add(rel, s)
                if _name(node.func) in ARGPARSE_CALLS:
                    for kw in node.keywords:
                        if kw.arg in ARGPARSE_WORDS:
                            for s in _strings(kw.value):
                                add(rel, s)
            elif isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                for s in _strings(node.exc.args[0]):
                    add(rel, s)
        if not rel.startswith(VIETNAMESE_ONLY):
            for s in _module_tables(tree):
                if s.value not in ENDONYMS:
                    add(rel, s)
        if rel.startswith("ui/"):
            for s in _window_strings(tree):
                add(rel, s)
    return sorted(found.values(), key=lambda f: f.where)


def built_sentences() -> list[str]:
    """Messages built with an f-string that has Vietnamese words: the catalogue cannot hold
    them (the words change with the values), so each should be a '{placeholder}' message.
    Returned as their fixed text with {} where a value goes."""
    calls, errors = message_calls(), exception_classes()
    out = []
    for tree in _trees().values():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for arg in _calls_with_message(node, calls, errors):
                    if isinstance(arg, ast.JoinedStr) and any(_is_vietnamese(v) for v in arg.values):
                        out.append("".join(v.value if isinstance(v, ast.Constant) else "{}" for v in arg.values))
    return sorted(out)
