"""Which `$parameters` a Cypher text uses, and turning text from a URL or a command line into typed values.

Detection blanks out comments, string literals and backtick-quoted names first,
so `'$not_a_param'` or `// $old` never count. Names starting with `_` are filled
by the server (the app), never from a URL or the command line.
"""
from __future__ import annotations

import json
import re
from typing import Any, Final

PARAM_TYPES: Final = ("string", "entity", "date", "integer", "float", "boolean", "list")

_NAME = re.compile(r"\$(?:([A-Za-z_][A-Za-z0-9_]*)|(\d+))")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def blank_literals(text: str, *, names: bool = True, fill: str = " ") -> str:
    """The text with comments, strings and (if `names`) `quoted names` replaced by spaces.

    Strings and names are filled with `fill` instead when given, so a caller can
    tell a trailing literal from trailing whitespace.
    The result has the same length, newlines kept.
    Keeping positions lets callers report a column in the original text and
    map a match in the blanked text back to the original.
    """
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        two = text[i : i + 2]
        if two == "//":
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif two == "/*":
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(_keep_newlines(text[i:j]))
            i = j
        elif c in ("'", '"') or (c == "`" and names):
            j = _closing(text, i)
            out.append(_keep_newlines(text[i:j], fill))
            i = j
        elif c == "`":  # keep the quoted name, but skip over it so a `//` inside is not a comment
            j = _closing(text, i)
            out.append(text[i:j])
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _closing(text: str, start: int) -> int:
    """Index just past the literal opened at `start`; backslash escapes in strings, doubled backticks in names."""
    quote = text[start]
    i, n = start + 1, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and quote != "`":
            i += 2
            continue
        if c == quote:
            if quote == "`" and text[i + 1 : i + 2] == "`":
                i += 2
                continue
            return i + 1
        i += 1
    return n  # unterminated: the rest is literal


def _keep_newlines(chunk: str, fill: str = " ") -> str:
    return "".join("\n" if ch == "\n" else fill for ch in chunk)


def named_parameters(text: str) -> list[str]:
    """Parameter names used in `text`, in order of first use, each once."""
    names: list[str] = []
    blanked = blank_literals(text)
    for m in re.finditer(r"\$", blanked):
        start = m.start()
        rest = blanked[start:]
        match = _NAME.match(rest)
        if match:
            name = match.group(1) or match.group(2)
        elif text[start + 1 : start + 2] == "`":  # $`quoted name`
            end = _closing(text, start + 1)
            name = text[start + 2 : end - 1].replace("``", "`")
        else:
            continue
        if name not in names:
            names.append(name)
    return names


def is_server_filled(name: str) -> bool:
    """`_`-prefixed parameters are supplied by the app, so a URL or --param can never set them."""
    return name.startswith("_")


def coerce(value: Any, type_: str, *, name: str = "value") -> Any:
    """A typed value from text (URL, --param, widget), or ValueError saying what was expected.

    The result is only ever passed as a query parameter, never spliced into Cypher.
    """
    if type_ not in PARAM_TYPES:
        raise ValueError(f"unknown parameter type {type_!r} for {name} (use one of {', '.join(PARAM_TYPES)})")
    if value is None:
        return None
    if type_ in ("string", "entity"):
        return str(value)
    if type_ == "date":
        text = str(value).strip()
        if text and not _DATE.match(text):
            raise ValueError(f"{name} must be a date like 2021, 2021-03 or 2021-03-02, not {text!r}")
        return text
    if type_ == "integer":
        if isinstance(value, bool):
            raise ValueError(f"{name} must be a whole number")
        try:
            return int(str(value).strip())
        except ValueError:
            raise ValueError(f"{name} must be a whole number, not {value!r}") from None
    if type_ == "float":
        try:
            return float(str(value).strip())
        except ValueError:
            raise ValueError(f"{name} must be a number, not {value!r}") from None
    if type_ == "boolean":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "yes", "1", "on"):
            return True
        if text in ("false", "no", "0", "off", ""):
            return False
        raise ValueError(f"{name} must be true or false, not {value!r}")
    # list: a JSON array, or comma-separated text
    if isinstance(value, list):
        return [str(v) for v in value]
    text = str(value).strip()
    if text.startswith("["):
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError:
            raise ValueError(f"{name} must be a JSON list or comma-separated values") from None
        if isinstance(parsed, list):
            return [str(v) for v in parsed]
    return [part.strip() for part in text.split(",") if part.strip()]


def to_text(value: Any, type_: str) -> str:
    """The inverse of `coerce`, for putting a value in a URL or on a command line."""
    if value is None:
        return ""
    if type_ == "boolean":
        return "true" if value else "false"
    if type_ == "list":
        return ",".join(str(v) for v in value)
    return str(value)


def infer(text: str) -> tuple[str, Any]:
    """A type and value for a parameter nobody declared (ad-hoc Cypher): numbers, true/false, [lists], else text."""
    stripped = text.strip()
    if re.fullmatch(r"-?\d+", stripped):
        return "integer", int(stripped)
    if re.fullmatch(r"-?\d+\.\d*|-?\d*\.\d+", stripped):
        return "float", float(stripped)
    if stripped.lower() in ("true", "false"):
        return "boolean", stripped.lower() == "true"
    if stripped.startswith("["):
        try:
            return "list", coerce(stripped, "list")
        except ValueError:
            pass
    return "string", text
