"""Organs (机关): who supervises whom.

An organ is described once, with its level, kind, region and parent; a case names organs by id.
The prefecture's governments and their 司法局 are built in (:data:`DEFAULT_ORGANS`), so a case can
name ``422801`` (恩施市人民政府) or ``422801.sfj`` (恩施市司法局) without describing them.
"""

from __future__ import annotations

import enum

from ._types import Code, Id, Name, StrictBool, Visible, ZhStrEnum
from pydantic import BaseModel, ConfigDict, Field, field_validator

from .systems import validate_system

__all__ = ["DEFAULT_ORGANS", "PREFECTURE_CODE", "Organ", "OrganKind", "OrganLevel", "ancestors", "government_of"]

#: 恩施土家族苗族自治州's administrative division code.
PREFECTURE_CODE = "422800"


class OrganLevel(ZhStrEnum):
    """行政层级 / the level of an organ; 县(市) and 乡(镇) with ASCII parentheses are read as 县（市） and 乡（镇）."""

    PREFECTURE = "州"
    COUNTY = "县（市）"
    TOWNSHIP = "乡（镇）"
    STREET = "街道"


class OrganKind(enum.StrEnum):
    GOVERNMENT = "人民政府"
    DEPARTMENT = "工作部门"  # a department of a 州 / 县（市） government
    JUSTICE = "司法行政部门"  # a department, and the government's supervision body (第五条第一款)
    DISPATCHED_ORGAN = "派出机关"  # 街道办事处
    DISPATCHED_AGENCY = "派出机构"
    LEGAL_OFFICE = "法制机构"
    JUDICIAL_OFFICE = "司法所"
    TOWNSHIP_ENFORCEMENT = "乡镇综合行政执法"
    #: 法律法规授权的具有管理公共事务职能的组织: not an organ the measures' 第三条 lists; from
    #: 2026-02-01 《行政执法监督条例》第二条 puts its enforcement under the supervision of the
    #: 县级以上人民政府 (rules/tiaoli/tl_002.py)
    AUTHORISED_ORGANISATION = "法律法规授权的组织"
    OTHER = "其他"


class Organ(BaseModel):
    """An organ as a supervision officer describes it."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    id: Id = Field(description="stable id, e.g. 422801.scjgj")
    name: Name = Field(description="full name, e.g. 恩施市市场监督管理局")
    kind: OrganKind
    level: OrganLevel
    region: Code = Field(
        description="6-digit administrative division code of the area it serves"
    )
    parent: Id | None = Field(
        default=None,
        max_length=64,
        description="the government (for a department, 派出机关 or 派出机构) or department it belongs to",
    )
    system: Visible | None = Field(
        default=None,
        max_length=50,
        description="the line of work a department heads or belongs to (本系统), e.g. 市场监管: one of facts.systems.SYSTEMS or an alias",
    )
    vertically_managed: StrictBool = Field(
        default=False,
        description="实行垂直管理, or 实行双重领导并且以上级部门领导为主 (e.g. 税务、海关、金融监管): outside these measures "
        "(第二条第二款); from 2026-02-01 《行政执法监督条例》第四十二条第二款 applies (T-5)",
    )

    _system = field_validator("system")(validate_system)


def _government(code: str, name: str, level: OrganLevel, parent: str | None) -> Organ:
    return Organ(id=code, name=name, kind=OrganKind.GOVERNMENT, level=level, region=code, parent=parent)


def _justice(code: str, place: str, level: OrganLevel) -> Organ:
    return Organ(
        id=f"{code}.sfj",
        name=f"{place}司法局",
        kind=OrganKind.JUSTICE,
        level=level,
        region=code,
        parent=code,
        system="司法行政",
    )


_COUNTIES = (
    ("422801", "恩施市"),
    ("422802", "利川市"),
    ("422822", "建始县"),
    ("422823", "巴东县"),
    ("422825", "宣恩县"),
    ("422826", "咸丰县"),
    ("422827", "来凤县"),
    ("422828", "鹤峰县"),
)


def _defaults() -> dict[str, Organ]:
    organs = [
        _government(PREFECTURE_CODE, "恩施土家族苗族自治州人民政府", OrganLevel.PREFECTURE, None),
        _justice(PREFECTURE_CODE, "恩施土家族苗族自治州", OrganLevel.PREFECTURE),
    ]
    for code, place in _COUNTIES:
        organs.append(_government(code, f"{place}人民政府", OrganLevel.COUNTY, PREFECTURE_CODE))
        organs.append(_justice(code, place, OrganLevel.COUNTY))
    return {o.id: o for o in organs}


#: The built-in registry: 州人民政府, the eight county-level governments, and each one's 司法局.
DEFAULT_ORGANS: dict[str, Organ] = _defaults()


# ---------------------------------------------------------------------------- organ-tree look-ups


def ancestors(o: Organ, organs: dict[str, Organ]) -> list[str]:
    """The ids of the organs above ``o`` in the tree, nearest first."""
    out = []
    cur = organs.get(o.parent) if o.parent else None
    while cur is not None:
        out.append(cur.id)
        cur = organs.get(cur.parent) if cur.parent else None
    return out


def government_of(o: Organ, organs: dict[str, Organ]) -> Organ | None:
    """The people's government ``o`` is (or belongs to), walking up the tree."""
    cur: Organ | None = o
    while cur is not None and cur.kind is not OrganKind.GOVERNMENT:
        cur = organs.get(cur.parent) if cur.parent else None
    return cur
