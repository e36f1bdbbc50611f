"""A recursive-descent parser for eligibility rules.

Grammar (keywords also in Vietnamese: ``và``, ``hoặc``, ``không``, ``thuộc``)::

    rule       := any END
    any        := all ("or" all)*
    all        := negation ("and" negation)*
    negation   := "not" negation | primary
    primary    := "(" any ")" | ref [comparison]
    comparison := OP literal | ["not"] "in" "(" literal ("," literal)* [","] ")"
    ref        := NAME ["(" literal ("," literal)* ")"]
    literal    := INT | TEXT

Every attribute, argument, operator and value is checked against :data:`ATTRIBUTES` while
parsing, so a rule that parses can always be evaluated and compiled.
"""

from __future__ import annotations

from collections.abc import Collection

from giamngheo.domain.eligibility.attributes import ATTRIBUTES, Attribute
from giamngheo.domain.eligibility.errors import RuleSyntaxError
from giamngheo.domain.eligibility.lexer import Token, TokenKind, tokenize
from giamngheo.domain.eligibility.nodes import (
    AllOf,
    AnyOf,
    Compare,
    Flag,
    Literal_,
    Node,
    Not,
    Op,
    Ref,
)
from giamngheo.domain.ethnicity import ETHNIC_GROUPS_BY_CODE

MAX_DEPTH = 40
_KIND_WORDS = {
    "int": "một số nguyên / an integer",
    "text": "một chuỗi trong dấu nháy / quoted text",
}


class Parser:
    """Parses one text; ``standards`` and ``indicators`` are the ids a rule may name."""

    def __init__(
        self, text: str, *, standards: Collection[str], indicators: Collection[str]
    ) -> None:
        self.tokens = tokenize(text)
        self.at = 0
        self.depth = 0
        self.standards = standards
        self.indicators = indicators

    def parse(self) -> Node:
        if self._peek().kind == "end":
            raise RuleSyntaxError(0, "empty")
        node = self._any()
        self._expect("end", "kết thúc quy tắc / end of rule")
        return node

    # -- logic ---------------------------------------------------------------------------
    def _any(self) -> Node:
        first = self._all()
        operands = [first]
        while self._accept("or"):
            operands.append(self._all())
        return first if len(operands) == 1 else AnyOf(operands=tuple(operands), pos=_pos(first))

    def _all(self) -> Node:
        first = self._negation()
        operands = [first]
        while self._accept("and"):
            operands.append(self._negation())
        return first if len(operands) == 1 else AllOf(operands=tuple(operands), pos=_pos(first))

    def _negation(self) -> Node:
        token = self._peek()
        if self._accept("not"):
            with_depth = self._deeper(token)
            node = Not(operand=self._negation(), pos=token.pos)
            self.depth = with_depth
            return node
        return self._primary()

    def _primary(self) -> Node:
        token = self._peek()
        if self._accept("("):
            with_depth = self._deeper(token)
            node = self._any()
            self._expect(")", "')'")
            self.depth = with_depth
            return node
        if token.kind != "name":
            raise RuleSyntaxError(token.pos, "unexpected", token.text or "END")
        return self._condition(self._ref())

    def _deeper(self, token: Token) -> int:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise RuleSyntaxError(token.pos, "too_deep")
        return self.depth - 1

    # -- conditions ----------------------------------------------------------------------
    def _condition(self, ref: Ref) -> Node:
        attribute = ATTRIBUTES[ref.name]
        token = self._peek()
        op = self._operator()
        if op is None:
            if attribute.kind != "bool":
                raise RuleSyntaxError(ref.pos, "needs_comparison", ref.name)
            return Flag(ref=ref, pos=ref.pos)
        if attribute.kind == "bool":
            raise RuleSyntaxError(token.pos, "not_comparable", ref.name)
        if attribute.kind == "text" and op in ("<", "<=", ">", ">="):
            raise RuleSyntaxError(token.pos, "bad_operator", op)
        if op in ("in", "not in"):
            values = self._list()
            value: Literal_ | tuple[Literal_, ...] = tuple(
                self._checked(attribute, t) for t in values
            )
        else:
            value = self._checked(attribute, self._literal())
        return Compare(ref=ref, op=op, value=value, pos=ref.pos)

    def _operator(self) -> Op | None:
        token = self._peek()
        if token.kind == "op":
            self.at += 1
            return token.value  # type: ignore[return-value]
        if token.kind == "in":
            self.at += 1
            return "in"
        if token.kind == "not" and self._peek(1).kind == "in":
            self.at += 2
            return "not in"
        return None

    def _list(self) -> list[Token]:
        self._expect("(", "'(' mở danh sách / '(' to open a list")
        items = [self._literal()]
        while self._accept(","):
            if self._peek().kind == ")":
                break
            items.append(self._literal())
        self._expect(")", "')'")
        return items

    def _literal(self) -> Token:
        token = self._peek()
        if token.kind not in ("int", "text"):
            raise RuleSyntaxError(token.pos, "expected", "một giá trị / a value")
        self.at += 1
        return token

    def _checked(self, attribute: Attribute, token: Token) -> Literal_:
        if token.kind != attribute.kind:
            raise RuleSyntaxError(token.pos, "wrong_type", _KIND_WORDS[attribute.kind])
        value = token.value
        assert value is not None
        if attribute.values and value not in attribute.values:
            raise RuleSyntaxError(
                token.pos, "bad_value", f"{value} ({', '.join(attribute.values)})"
            )
        if attribute.name == "ethnicity" and value not in ETHNIC_GROUPS_BY_CODE:
            raise RuleSyntaxError(token.pos, "bad_value", f"{value} (01–54)")
        if attribute.kind == "int" and isinstance(value, int) and value < 0:
            raise RuleSyntaxError(token.pos, "bad_value", str(value))
        return value

    # -- references ----------------------------------------------------------------------
    def _ref(self) -> Ref:
        token = self._peek()
        self.at += 1
        attribute = ATTRIBUTES.get(str(token.value))
        if attribute is None:
            raise RuleSyntaxError(token.pos, "unknown_attribute", token.text)
        args: list[Token] = []
        if self._peek().kind == "(" and attribute.arguments == "none":
            raise RuleSyntaxError(self._peek().pos, "arguments", _signature(attribute))
        if self._peek().kind == "(":
            self.at += 1
            args = [self._literal()]
            while self._accept(","):
                args.append(self._literal())
            self._expect(")", "')'")
        return self._ref_checked(attribute, token, args)

    def _ref_checked(self, attribute: Attribute, token: Token, args: list[Token]) -> Ref:
        kinds = tuple(a.kind for a in args)
        name, pos = attribute.name, token.pos
        match attribute.arguments:
            case "none" if not args:
                return Ref(name=name, pos=pos)
            case "standard" if kinds in ((), ("text",)):
                return Ref(name=name, standard=self._standard(args), pos=pos)
            case "indicator" if kinds in (("text",), ("text", "text")):
                return Ref(
                    name=name, arg=self._indicator(args[0]), standard=self._standard(args[1:]),
                    pos=pos,
                )  # fmt: skip
            case "age" if kinds == ("int",) and 0 < int(args[0].value or 0) <= 120:
                return Ref(name=name, arg=args[0].value, pos=pos)
        raise RuleSyntaxError(pos, "arguments", _signature(attribute))

    def _standard(self, args: list[Token]) -> str | None:
        if not args:
            return None
        value = str(args[0].value)
        if value not in self.standards:
            raise RuleSyntaxError(args[0].pos, "unknown_standard", value)
        return value

    def _indicator(self, token: Token) -> str:
        value = str(token.value)
        if value not in self.indicators:
            raise RuleSyntaxError(token.pos, "unknown_indicator", value)
        return value

    # -- tokens --------------------------------------------------------------------------
    def _peek(self, ahead: int = 0) -> Token:
        return self.tokens[min(self.at + ahead, len(self.tokens) - 1)]

    def _accept(self, kind: TokenKind) -> bool:
        if self._peek().kind == kind:
            self.at += 1
            return True
        return False

    def _expect(self, kind: TokenKind, what: str) -> None:
        token = self._peek()
        if not self._accept(kind):
            raise RuleSyntaxError(token.pos, "expected", f"{what}, '{token.text or 'END'}'")


def _pos(node: Node) -> int:
    return node.pos


def _signature(attribute: Attribute) -> str:
    return {
        "none": f"{attribute.name} (không có đối số / no arguments)",
        "standard": f'{attribute.name} hoặc/or {attribute.name}("mã chuẩn")',
        "indicator": f'{attribute.name}("chỉ số") hoặc/or {attribute.name}("chỉ số", "mã chuẩn")',
        "age": f"{attribute.name}(tuổi / age 1–120)",
    }[attribute.arguments]
