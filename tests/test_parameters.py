"""Parameter detection after removing comments, strings and quoted names; typing values from text."""
from __future__ import annotations

import pytest

from cypher.parameters import blank_literals, coerce, infer, is_server_filled, named_parameters


@pytest.mark.parametrize(
    ("cypher", "expected"),
    [
        ("MATCH (n {id: $id}) RETURN n", ["id"]),
        ("RETURN $a, $b, $a", ["a", "b"]),
        ("RETURN $a+$b2", ["a", "b2"]),
        ("RETURN '$not_a_param'", []),
        ('RETURN "$nope" AS x, $yes', ["yes"]),
        ("RETURN 'it\\'s $inside' AS s, $after", ["after"]),
        ('RETURN "a \\" $still_string" AS s', []),
        ("// $commented\nRETURN $real", ["real"]),
        ("RETURN 1 // trailing $comment", []),
        ("/* block $one\n $two */ RETURN $three", ["three"]),
        ("RETURN 1 AS `$quoted`, $x", ["x"]),
        ("RETURN 1 AS `weird `` $name`, $y", ["y"]),
        ("RETURN $`spaced name`", ["spaced name"]),
        ("RETURN $0, $1", ["0", "1"]),
        ("MATCH (n) WHERE n.url = 'http://x.org/$a' // $b\nRETURN n", []),
        ("RETURN '//not a comment', $p", ["p"]),
        ("RETURN \"/* not a comment */\", $p", ["p"]),
        ("RETURN $_server, $user", ["_server", "user"]),
        ("RETURN {k: $v}", ["v"]),
        ("RETURN 'unterminated $x", []),
        ("RETURN $", []),
        ("RETURN `a//b`, $p", ["p"]),
    ],
)
def test_named_parameters_ignore_comments_strings_and_quoted_names(cypher: str, expected: list[str]) -> None:
    assert named_parameters(cypher) == expected


def test_blanking_keeps_length_and_line_breaks_so_positions_still_match() -> None:
    text = "MATCH (n) // note\nWHERE n.name = 'a;b'\n/* x\ny */ RETURN n"
    blanked = blank_literals(text)
    assert len(blanked) == len(text)
    assert blanked.count("\n") == text.count("\n")
    assert ";" not in blanked and "note" not in blanked


def test_quoted_names_can_be_kept_for_procedure_checks() -> None:
    assert "`dbms`" in blank_literals("CALL `dbms`.x() // c", names=False)


@pytest.mark.parametrize(
    ("value", "type_", "expected"),
    [
        ("x'}) DETACH DELETE n //", "string", "x'}) DETACH DELETE n //"),
        ("al-Qaeda", "entity", "al-Qaeda"),
        ("2021-03", "date", "2021-03"),
        ("42", "integer", 42),
        (" 7 ", "integer", 7),
        ("2.5", "float", 2.5),
        ("true", "boolean", True),
        ("no", "boolean", False),
        ("", "boolean", False),
        ("a, b,,c", "list", ["a", "b", "c"]),
        ('["a", 1]', "list", ["a", "1"]),
    ],
)
def test_coerce_types_text_from_urls_and_command_lines(value: str, type_: str, expected: object) -> None:
    assert coerce(value, type_) == expected


@pytest.mark.parametrize(("value", "type_"), [("x", "integer"), ("1.5", "integer"), ("x", "float"),
                                              ("maybe", "boolean"), ("March 2021", "date"), ("1", "number")])
def test_coerce_refuses_values_that_do_not_fit_the_type(value: str, type_: str) -> None:
    with pytest.raises(ValueError):
        coerce(value, type_, name="p")


@pytest.mark.parametrize(("text", "expected"), [("5", ("integer", 5)), ("-1.5", ("float", -1.5)),
                                                ("TRUE", ("boolean", True)), ("[1,2]", ("list", ["1", "2"])),
                                                ("al-Qaeda", ("string", "al-Qaeda")), ("", ("string", ""))])
def test_infer_types_ad_hoc_parameter_values_by_their_look(text: str, expected: tuple[str, object]) -> None:
    assert infer(text) == expected


def test_underscore_names_are_server_filled() -> None:
    assert is_server_filled("_today") and not is_server_filled("today")
