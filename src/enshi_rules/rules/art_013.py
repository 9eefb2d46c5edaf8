"""第十三条　对行政执法责任制落实情况的监督包括下列内容：
　　（一）行政执法事项梳理情况；
　　（二）行政执法职权分解情况；
　　（三）行政执法责任确定情况；
　　（四）行政执法程序落实情况；
　　（五）行政执法考核评议情况；
　　（六）行政执法责任追究情况。

A confirmed deficiency (``article: 13``) is a finding citing its item. Interpretation (the measures
do not say which 第二十六条 item each triggers): the responsibility system is how an organ organises
the performance of its enforcement duties, so a failure in （一）（二）（三）（五）（六） is "不正确履行行政
执法职责" (第二十六条第（三）项); a failure of （四）行政执法程序落实 is a procedure not followed (第二十六条
第（一）项, 程序不合法).

The interpretive choices above are registered for legal review as A12-1, A13-1, D-2 in
``data/interpretations.yaml`` (docs/interpretations.md); change both together.
"""

from __future__ import annotations

from ._content import declare_items

ITEMS: dict[int, tuple[str, str, int]] = {
    1: ("matters_sorted", "行政执法事项梳理情况", 3),
    2: ("powers_divided", "行政执法职权分解情况", 3),
    3: ("responsibility_fixed", "行政执法责任确定情况", 3),
    4: ("procedure_followed", "行政执法程序落实情况", 1),
    5: ("assessment_done", "行政执法考核评议情况", 3),
    6: ("accountability", "行政执法责任追究情况", 3),
}

declare_items(13, ITEMS)
