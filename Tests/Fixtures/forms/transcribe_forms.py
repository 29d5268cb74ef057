#!/usr/bin/env python3
"""Transcribes the 绩效自评表 forms PRINTED in the seeds into JSON (independent test data).

    python3 Tests/Fixtures/forms/transcribe_forms.py [SEEDS_DIR] [OUT_DIR]

SEEDS_DIR defaults to /work/shared/seeds, OUT_DIR to this script's folder. One file per seed and style:

    zezhou-shanxi-project.json    luzhou-sichuan-project.json   dachuan-sichuan-project.json
    dachang-hebei-project.json    dachang-hebei-summary.json    dachuan-sichuan-department.json

Schema `juesuan-form-transcription/1` (every value is the PRINTED text, "" where the cell is empty;
the seeds' mistakes are kept, never fixed):

    {"schema": "juesuan-form-transcription/1", "source": "<seed file>", "style": "<style id>",
     "forms": [{
        "line": 161,                        # line of the title in the seed
        "title": "项目绩效自评表", "unit": "万元",
        "project": "社会治安综合治理工作经费",
        "fields": {"实施（主管）单位": "政法委", ...},     # the key lines, by printed label
        "money": [{"row": "total|fiscal|special|unit|other", "label": "<printed>",
                   "values": {"<measure>": "<printed>", ...}}],
        "goals": {"target": "...", "actual": "...", "rate": "..."},
        "indicators": [{"level1", "level2", "level3", <style columns> ...}],
        "total": {"weight": "100", "score": "97", "grade": "优"},
        "texts": {"评价结论": "...", ...}}],
     "summary": {...}}                                # hebei-summary only

Money measures: shanxi declared (目标申报数) initial (预算编制数) budget (全年预算数) executed (全年执行数)
balance (资金结(转)余) rate (执行率) score (得分) reason (偏差原因); sichuan initial (年初预算) budget
(调整后预算数) executed (预算执行数) rate weight score reason; hebei budget (预算数) arrived (到位数)
executed (执行数) rate (预算执行进度).
Indicator columns: shanxi initial (年初指标值) target (调整后指标值) actual (实际完成值) note (定性值情况说明)
weight (分值) score (得分) remark; sichuan operator (指标性质) value (指标值) unit (度量单位) actual (完成值)
weight (权重) score (得分) remark; hebei weight (指标分值) operator (符号) value (值) unit (单位) actual
(实际完成值) completion (单项指标完成情况) score (自评得分).

Where the extraction flattened a merged cell (a 一级/二级 label printed once for several rows) the label
is carried down, as the merged cell reads. Blank indicator slots of the Hebei form (rows with no 三级指标
and no 分值) are left out. The Shanxi extraction shifts cells within a row; its rows are read from the
right (分值, 得分 are the last two numbers before the reason) and the money rows are listed by hand
(ZEZHOU_MONEY) from the printed numbers, in printed order.
"""
import json
import os
import re
import sys

SEEDS = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seeds"
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))


def read(name):
    with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
        return f.read().split("\n")


def cell_rows(lines, start, end):
    """Rows of a one-cell-per-line extraction: a row is a run of lines between blank lines; a line
    starting with a tab starts a cell, a line without continues the cell before it."""
    rows, cur = [], None
    for i in range(start, min(end, len(lines))):
        line = lines[i]
        if line.strip() == "" and not line.startswith("\t"):
            if cur:
                rows.append(cur)
                cur = None
            continue
        if line.startswith("\t"):
            cur = cur or (i + 1, [])
            cur[1].append(line[1:])
        elif cur and cur[1]:
            cur[1][-1] += "\n" + line
        else:
            rows.append((i + 1, [line]))
    if cur:
        rows.append(cur)
    return [(n, [c.replace("[bookmark: _GoBack]", "").strip() for c in cells]) for n, cells in rows]


def clean(text):
    return text.replace("[bookmark: _GoBack]", "").replace("[bookmark: _Hlk110546638]", "").strip()


def carry(indicators):
    last1 = last2 = ""
    for ind in indicators:
        if ind["level1"]:
            last1 = ind["level1"]
        else:
            ind["level1"] = last1
        if ind["level2"]:
            last2 = ind["level2"]
        else:
            ind["level2"] = last2
    return indicators


def flat(text):
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- Hebei (dachang)
def dachang():
    lines = read("dachang-zhengfawei-2023-performance.txt")
    starts = [i for i, l in enumerate(lines) if l.strip() == "项目绩效自评表"]
    forms = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(lines)
        rows = cell_rows(lines, s, e)
        form = {"line": s + 1, "title": "项目绩效自评表", "unit": "万元", "project": "", "fields": {},
                "money": [], "goals": {}, "indicators": [], "total": {}, "texts": {}}
        mode = None
        goal_texts = []
        for n, cells in rows:
            head = cells[0]
            if head.startswith("填报单位"):
                form["fields"]["填报单位"] = ""
                continue
            if head == "一、基本情况":
                form["project"] = cells[2]
                form["fields"]["项目级次"] = cells[4]
                form["fields"]["实施（主管）单位"] = cells[6]
                continue
            if head == "二、预算执行情况":
                mode = "money"
                continue
            if head == "三、目标完成情况":
                mode = "goals"
                continue
            if head == "四、年度绩效指标完成情况":
                mode = "indicators"
                continue
            if head.startswith("五、"):
                form["texts"]["五、存在问题、原因及下一步整改措施"] = cells[1] if len(cells) > 1 else ""
                mode = None
                continue
            if head.startswith("填报人"):
                m = re.match(r"填报人：(\S*)\s+联系方式：(\S*)", head)
                form["texts"]["填报人"] = m.group(1)
                form["texts"]["联系方式"] = m.group(2)
                continue
            if mode == "money" and len(cells) == 8:
                label = cells[1]
                row = {"预算数": "total", "其中：财政资金": "fiscal", "其他": "other"}[label]
                form["money"].append({"row": row, "label": label,
                                      "values": {"budget": cells[2], "arrived": cells[4], "executed": cells[6], "rate": cells[7]}})
            elif mode == "goals":
                goal_texts += [c for c in cells if c]
            elif mode == "indicators" and len(cells) == 11:
                if cells[1] == "自评总分":
                    continue
                if cells[5] == "符号":
                    continue
                ind = {"level1": cells[1], "level2": cells[2], "level3": cells[3], "weight": cells[4],
                       "operator": cells[5], "value": cells[6], "unit": cells[7], "actual": cells[8],
                       "completion": cells[9], "score": cells[10]}
                form["indicators"].append(ind)
            elif mode == "indicators" and cells[0] == "自评总分" or (len(cells) > 1 and cells[1] == "自评总分"):
                form["total"] = {"score": cells[-1]}
        form["goals"] = {"target": goal_texts[0], "actual": goal_texts[1], "rate": goal_texts[2]}
        carry(form["indicators"])
        form["indicators"] = [i for i in form["indicators"] if i["level3"] or i["weight"]]
        forms.append(form)

    # the 汇总表 (lines 1..160)
    rows = cell_rows(lines, 0, starts[0])
    summary = {"line": 1, "title": "县直部门绩效自评情况汇总表", "unit": "万元", "fields": {"预算部门（盖章）": ""},
               "columns": ["序号", "项目名称", "全年预算数", "全年执行数", "资金类型", "自评得分", "自评等级",
                           "自评率（应评项目数/已自评项目数）"],
               "rows": [], "total": {}, "texts": {}}
    for n, cells in rows:
        if len(cells) == 8 and cells[0].isdigit():
            summary["rows"].append(dict(zip(["no", "project", "budget", "executed", "fund_type", "score", "grade", "rate"], cells)))
        elif len(cells) == 8 and cells[0] == "合计":
            summary["total"] = dict(zip(["no", "project", "budget", "executed", "fund_type", "score", "grade", "rate"], cells))
        elif cells[0].startswith("填表人"):
            summary["texts"]["填表人"] = re.match(r"填表人：\s*(\S*)", cells[0]).group(1)
    return forms, summary


# ---------------------------------------------------------------- Sichuan (luzhou: one cell per line)
SC_ROWS = {"总额": "total", "其中：财政资金": "fiscal", "财政专户管理资金": "special", "单位资金": "unit", "其他资金": "other"}


def luzhou():
    lines = read("luzhou-zhengfawei-2024-disclosure.txt")
    starts = [i for i, l in enumerate(lines) if l.strip() == "部门预算项目支出绩效自评表（2024年度）" and l.startswith("\t")]
    forms = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else min(len(lines), s + 400)
        rows = cell_rows(lines, s, e)
        form = {"line": s + 1, "title": "部门预算项目支出绩效自评表（2024年度）", "unit": "万元", "project": "",
                "fields": {}, "money": [], "goals": {}, "indicators": [], "total": {}, "texts": {}}
        mode = None
        for n, cells in rows:
            head = cells[0]
            if head == "项目名称":
                form["project"] = cells[1] if len(cells) > 1 else ""
            elif head == "主管部门":
                form["fields"]["主管部门"] = cells[1]
                form["fields"]["实施单位"] = cells[3]
            elif head == "项目基本情况":
                mode = "goals"
            elif mode == "goals" and len(cells) >= 4 and cells[1] == "":
                form["goals"] = {"target": cells[2], "actual": cells[3]}
            elif mode == "goals" and len(cells) >= 2 and cells[1].startswith("2.项目实施内容"):
                form["texts"]["项目实施内容及过程概述"] = cells[2] if len(cells) > 2 else ""
            elif head.startswith("预算执行情况"):
                mode = "money"
            elif mode == "money" and len(cells) == 9 and cells[1] in SC_ROWS:
                form["money"].append({"row": SC_ROWS[cells[1]], "label": cells[1],
                                      "values": dict(zip(["initial", "budget", "executed", "rate", "weight", "score", "reason"], cells[2:]))})
            elif head.startswith("绩效指标"):
                mode = "indicators"
            elif mode == "indicators" and len(cells) == 11:
                form["indicators"].append(dict(zip(["level1", "level2", "level3", "operator", "value", "unit", "actual",
                                                    "weight", "score", "remark"], cells[1:])))
            elif head == "合计":
                form["total"] = {"weight": cells[1], "score": cells[2]}
                mode = None
            elif head in ("评价结论", "存在问题", "改进措施"):
                form["texts"][head] = cells[1] if len(cells) > 1 else ""
            elif head.startswith("项目负责人"):
                form["texts"]["项目负责人"] = head.split("：", 1)[1]
                form["texts"]["财务负责人"] = cells[1].split("：", 1)[1] if len(cells) > 1 else ""
                break
        form["indicators"] = [i for i in form["indicators"] if any(i.values())]
        carry(form["indicators"])
        forms.append(form)
    return forms


# ---------------------------------------------------------------- Sichuan (dachuan: tab rows)
def dachuan():
    lines = read("dachuan-zhengfawei-2023-disclosure.txt")
    starts = [i for i, l in enumerate(lines) if re.match(r"^部门预算项目支出绩效自评表（2023 ?年度）$", l.strip())]
    forms = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else s + 40
        form = {"line": s + 1, "title": lines[s].strip(), "unit": "万元", "project": "", "fields": {}, "money": [],
                "goals": {}, "indicators": [], "total": {}, "texts": {}}
        mode = None
        for i in range(s + 1, e):
            cells = [clean(c) for c in lines[i].split("\t")]
            head = cells[0]
            if head == "项目名称":
                form["project"] = next(c for c in cells[1:] if c)
            elif head == "主管部门":
                rest = [c for c in cells[1:] if c]
                form["fields"]["主管部门"] = rest[0]
                form["fields"]["实施单位"] = rest[2] if len(rest) > 2 else ""
            elif head == "项目基本情况":
                pass
            elif len(cells) > 1 and cells[1].startswith("2. 项目实施内容"):
                rest = [c for c in cells[2:] if c]
                form["goals"] = {"target": rest[0] if rest else "", "actual": rest[1] if len(rest) > 1 else ""}
            elif head.startswith("预算执行情况"):
                mode = "money"
            elif mode == "money" and len(cells) > 1 and re.sub(r":\s*", "：", cells[1]) in SC_ROWS:
                # an empty column follows 预算执行数; one form's extraction drops it
                rest = cells[5:]
                at = next((j for j, c in enumerate(rest) if "%" in c), 1)
                v = cells[2:5] + rest[at:at + 4]
                form["money"].append({"row": SC_ROWS[re.sub(r":\s*", "：", cells[1])], "label": cells[1],
                                      "values": dict(zip(["initial", "budget", "executed", "rate", "weight", "score", "reason"], v))})
            elif head.startswith("绩效指标"):
                mode = "indicators"
            elif mode == "indicators" and head != "合计" and len([c for c in cells if c]) >= 6:
                if head != "":  # the extraction dropped the empty first cell of this row
                    cells = [""] + cells
                form["indicators"].append(dict(zip(["level1", "level2", "level3", "operator", "value", "unit", "actual",
                                                    "weight", "score", "remark"], cells[1:11])))
            elif head == "合计":
                nums = [c for c in cells[1:] if c]
                form["total"] = {"weight": nums[0], "score": nums[1]}
                mode = None
            elif head in ("评价结论", "存在问题", "改进措施"):
                form["texts"][head] = cells[1] if len(cells) > 1 else ""
            elif head.startswith("项目负责人"):
                form["texts"]["项目负责人"] = head.split("：", 1)[1]
                fin = [c for c in cells[1:] if c]
                form["texts"]["财务负责人"] = fin[0].split("：", 1)[1] if fin else ""
                break
        carry(form["indicators"])
        forms.append(form)
    return forms


# ---------------------------------------------------------------- Sichuan 部门整体 (dachuan)
def dachuan_department():
    """部门整体支出绩效目标完成情况自评表: 部门名称, the budget line (资金总额 | 财政拨款 | 其他资金), 年度总体目标,
    年度主要任务 and the 年度绩效指标 (no completion or score columns). Rows the extraction shifts left are
    read from the right (权重, 度量单位, 指标值, 指标性质, then the labels)."""
    lines = read("dachuan-zhengfawei-2023-disclosure.txt")
    s = next(i for i, l in enumerate(lines) if l.strip().startswith("部门整体支出绩效目标完成情况自评表"))
    form = {"line": s + 1, "title": lines[s].strip(), "unit": "万元", "project": "", "fields": {}, "money": [],
            "goals": {}, "tasks": [], "indicators": [], "total": {}, "texts": {}}
    mode = None
    level1 = level2 = ""
    for i in range(s + 1, s + 70):
        cells = [clean(c) for c in lines[i].split("\t")]
        nonempty = [c for c in cells if c]
        if not nonempty:
            continue
        head = cells[0]
        if head == "部门名称":
            form["fields"]["部门名称"] = nonempty[1]
            form["project"] = nonempty[1]
        elif head == "年度部门整体支出预算":
            mode = "money"
        elif mode == "money":
            form["money"] = [{"row": "total", "label": "", "values": dict(zip(["budget", "appropriation", "other"], nonempty))}]
            mode = None
        elif head == "年度总体目标":
            form["goals"] = {"target": nonempty[1]}
        elif head == "年度主要任务":
            mode = "tasks"
        elif mode == "tasks" and head == "" and len(nonempty) == 2:
            form["tasks"].append({"name": nonempty[0], "content": nonempty[1]})
        elif "一级指标" in nonempty[:1]:
            mode = "indicators"
        elif mode == "indicators":
            c = [x for x in cells]
            while c and c[-1] == "":
                c.pop()
            if len(c) < 5 or not NUM.match(c[-1]):
                break
            weight, unit, value, op = c[-1], c[-2], c[-3], c[-4]
            labels = [x for x in c[:-4] if x and x != "年度绩效指标"]
            if len(c) == 8:  # not shifted: section | 一级 | 二级 | 三级 | 性质 | 值 | 单位 | 权重
                level1, level2 = c[1] or level1, c[2] or level2
                labels = [c[3]]
            elif len(labels) >= 3:
                level1, level2 = labels[-3], labels[-2]
            elif len(labels) == 2:
                if labels[0] in ("产出指标", "效益指标", "满意度指标", "成本指标"):
                    level1 = labels[0]
                else:
                    level2 = labels[0]
            form["indicators"].append({"level1": level1, "level2": level2, "level3": labels[-1] if labels else "",
                                       "operator": op, "value": value, "unit": unit, "weight": weight})
    return [form]


# ---------------------------------------------------------------- Shanxi (zezhou: tab rows, shifted)
# The money rows as printed (万元), one pair per form in seed order: (total row, fund row). Where the
# extraction repeats or moves a number, the printed numbers are read in the form's column order.
ZEZHOU_MONEY = [
    ({"declared": "0", "initial": "50", "budget": "5.76", "executed": "5.76", "balance": "", "rate": "", "score": "", "reason": ""},
     ("市县区财政资金", {"declared": "0", "initial": "50", "budget": "5.76", "executed": "5.76", "balance": "0", "rate": "100.00", "score": "10.00",
                   "reason": "由于财力紧张结转下一年支付,2024年仅支付了水电暖等刚性支出"})),
    ({"declared": "602.933", "initial": "602.933", "budget": "131.279", "executed": "131.279", "balance": "0", "rate": "100", "score": "10", "reason": ""},
     ("市县区财政资金", {"declared": "602.933", "initial": "602.933", "budget": "131.279", "executed": "131.279", "balance": "0", "rate": "100.00", "score": "10.00",
                   "reason": "由于财力紧张结转下一年支付,雪亮工程运维费才支付了1-11月份的"})),
    ({"declared": "0", "initial": "848.66", "budget": "848.66", "executed": "848.66", "balance": "0", "rate": "100", "score": "10", "reason": ""},
     ("市市区财政资", {"declared": "0", "initial": "848.66", "budget": "848.66", "executed": "848.66", "balance": "0", "rate": "100.00", "score": "10.00", "reason": "无"})),
    ({"declared": "10", "initial": "10", "budget": "9.842", "executed": "9.842", "balance": "0", "rate": "100", "score": "10", "reason": ""},
     ("市区区财政资", {"declared": "10", "initial": "10", "budget": "9.842", "executed": "9.842", "balance": "0", "rate": "100.00", "score": "10.00", "reason": "无"})),
    ({"declared": "85", "initial": "85", "budget": "35,243", "executed": "35,243", "balance": "0", "rate": "100", "score": "10", "reason": ""},
     ("市、县、区财政资", {"declared": "85", "initial": "85", "budget": "35,243", "executed": "35,243", "balance": "0", "rate": "100.00", "score": "10.00",
                     "reason": "教育转化相关费用及其他一些费用由于财力紧张未支付"})),
    ({"declared": "75", "initial": "75", "budget": "0", "executed": "0", "balance": "0", "rate": "0", "score": "0", "reason": ""},
     ("市区财政资金", {"declared": "75", "initial": "75", "budget": "0", "executed": "0", "balance": "0", "rate": "0.00", "score": "0.00",
                  "reason": "由于财力紧张,结转下一年支付"})),
    ({"declared": "0", "initial": "1.811", "budget": "1.811", "executed": "1.811", "balance": "0", "rate": "100", "score": "10", "reason": ""},
     ("市区区财政资", {"declared": "0", "initial": "1.811", "budget": "1.811", "executed": "1.811", "balance": "0", "rate": "100.00", "score": "10.00", "reason": "无"})),
    ({"declared": "0", "initial": "143.504", "budget": "143.504", "executed": "143.504", "balance": "0", "rate": "100", "score": "10", "reason": ""},
     ("市县区财政资金", {"declared": "0", "initial": "143.504", "budget": "143.504", "executed": "143.504", "balance": "0", "rate": "100.00", "score": "10.00", "reason": "无"})),
]

NUM = re.compile(r"^\d+(\.\d+)?$")

# Rows the shifted extraction leaves ambiguous, read with the companion 项目支出绩效自评分析报告 (which
# prints the same indicators with 权重 | 得分): (form index, row index) → corrected cells.
ZEZHOU_FIXES = {
    # "≤0万元→0→5→→5": 分值 5, 得分 0 (the report: "5→0→该项目不涉及…"; 指标完成情况得分 78 分)
    (1, 5): {"weight": "5", "score": "0", "remark": "5 该项目不涉及审计,年初指标设置有误"},
    # the second line of the merged 三级指标 "…链路铺设及运维成本": 年初指标值 "≤元"
    (1, 6): {"level3": "", "initial": "≤元"},
}
LEVEL1 = ("产出指标", "效益指标", "满意度指标")


def zezhou():
    lines = read("zezhou-zhengfawei-2024-disclosure.txt")
    starts = [i for i, l in enumerate(lines) if "项目支出绩效自评表" in l and "分析报告" not in l and "\t" not in l and len(l) < 60]
    forms = []
    for k, s in enumerate(starts):
        title = lines[s].strip()
        e = s + 60
        form = {"line": s + 1, "title": title, "unit": "万元", "project": "", "fields": {}, "money": [], "goals": {},
                "indicators": [], "total": {}, "texts": {}}
        total, fund = ZEZHOU_MONEY[k]
        form["money"] = [{"row": "total", "label": "资金总额:", "values": total},
                         {"row": "fiscal", "label": fund[0], "values": fund[1]}]
        mode = None
        level1 = level2 = ""
        for i in range(s + 1, e):
            raw = lines[i]
            cells = [clean(c) for c in raw.split("\t")]
            nonempty = [c for c in cells if c]
            if not nonempty:
                continue
            head = cells[0]
            if head == "项目名称":
                form["project"] = nonempty[1]
            elif head.startswith("主管部门及代码"):
                form["fields"]["主管部门及代码"] = nonempty[1]
                form["fields"]["预算单位"] = next((c for c in nonempty[2:] if c != "预算单位"), "")
            elif "年度目标" in nonempty[:2] and "实际完成情况" in nonempty:
                mode = "goals"
            elif mode == "goals":
                form["goals"] = {"target": nonempty[0], "actual": nonempty[1] if len(nonempty) > 1 else ""}
                mode = None
            elif "一级指标" in nonempty[:2]:
                mode = "indicators"
            elif mode == "indicators" and flat(head) == "总分":
                form["total"] = {"score": nonempty[1], "grade": nonempty[2] if len(nonempty) > 2 else ""}
                mode = "analysis"
            elif mode == "indicators":
                ind = zezhou_indicator(cells, level1, level2)
                level1, level2 = ind["level1"], ind["level2"]
                fix = ZEZHOU_FIXES.get((k, len(form["indicators"])))
                if fix:
                    if "remark" in fix:
                        fix = dict(fix, remark=ind["remark"])
                    ind.update(fix)
                form["indicators"].append(ind)
            elif mode == "analysis" and not head.startswith("备注"):
                label = nonempty[0] if head else nonempty[0]
                if label == "项目绩效分析":
                    label = nonempty[1]
                    text = nonempty[2] if len(nonempty) > 2 else ""
                else:
                    text = nonempty[1] if len(nonempty) > 1 else ""
                form["texts"][label] = text
            if head.startswith("备注"):
                break
        forms.append(form)
    return forms


def zezhou_indicator(cells, level1, level2):
    """A shifted Shanxi indicator row, read from the right: the reason (text), 得分, 分值 (numbers),
    定性值情况说明, 实际完成值, 调整后指标值, 年初指标值, then the labels."""
    c = list(cells)
    if c and c[0] == "绩效指标":
        c[0] = ""
    while c and c[-1] == "":
        c.pop()
    # find 分值/得分: the last two numbers with at most one blank between them
    j = len(c) - 1
    pos = None
    while j > 0:
        if NUM.match(c[j]):
            k = j - 1
            if k >= 0 and c[k] == "":
                k -= 1
            if k >= 0 and NUM.match(c[k]):
                pos = (k, j)
                break
        j -= 1
    wi, si = pos
    remark = " ".join(x for x in c[si + 1:] if x)
    before = c[:wi]
    note = before.pop() if before else ""
    actual = before.pop() if before else ""
    target = before.pop() if before else ""
    initial = before.pop() if before else ""
    labels = [x for x in before if x]
    if initial and not re.match(r"^[≥≤=<>＝]", initial) and initial not in ("人", "%") and not initial.startswith("元"):
        labels.append(initial)
        initial = ""
    l1, l2, l3 = level1, level2, ""
    if labels:
        l3 = labels[-1]
        rest = labels[:-1]
        if len(rest) >= 2:
            l1, l2 = rest[-2], rest[-1]
        elif len(rest) == 1:
            if rest[0] in LEVEL1:
                l1 = rest[0]
            else:
                l2 = rest[0]
    return {"level1": l1, "level2": l2, "level3": l3, "initial": initial, "target": target, "actual": actual,
            "note": note, "weight": c[wi], "score": c[si], "remark": remark}


# ---------------------------------------------------------------- indicator tables (dachuan: tab rows)
# Schema of the index transcriptions (dachuan-sichuan-department-index.json, dachuan-sichuan-fund-index.json):
#   {"forms": [{"line", "title", "project", "scale": ["0", "0.3", …],
#               "total": {"weight": "90", "score": "", "note": "…"},
#               "rows": [{"line", "labels": {"<column id>": "<printed>", …}, "weight": "20%", "score": "7",
#                         "marks": ["whole", …], "formula": "…", "levels": {"0": "否", "1": "是"},
#                         "self_scored": true, "unplaced_marks": 1}],
#               "narrative": {"line": 316, "score": "90"}}]}
# Hierarchy labels are the ones in force for the row (a blank continues the label above; a new outer
# label starts its inner ones afresh), as the merged cells read. "" where nothing is printed.
MARK_IDS = ["whole", "sample", "qualitative", "quantitative", "national", "industry", "local", "declared", "historical"]
POINTS = re.compile(r"[(（]\s*\d+(\.\d+)?\s*分\s*[)）]$")


def cjk(text):
    """Removes the spaces a line break inside a cell leaves between CJK characters ("通用 指标")."""
    return re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u9fff\uff00-\uffef])", "", text)


def inherit(rows, levels):
    """Blank level labels continue the label above; a new outer label resets the inner ones."""
    current = {k: "" for k in levels}
    for row in rows:
        printed = row["labels"]
        changed = False
        for k in levels:
            if printed.get(k):
                current[k] = printed[k]
                changed = True
            elif k in row.get("spanned", ()):
                current[k] = ""
                changed = True
            elif changed:
                current[k] = ""
        for k in levels:
            printed[k] = current[k]
        row.pop("spanned", None)
    return rows


def dachuan_department_index():
    """附表 1-1 部门整体支出绩效评价指标体系 (one table). A row: labels, 指标分值, 评价得分 (the first number and
    the cell after it), 指标解释, 计分标准, the four √ columns (整体, 样本, 定性, 定量), 备注. Labels of a row
    whose first cell is printed fill 一级, 二级, 三级 in order; of a row starting blank, the last is the 三级
    and one before it (stating its points) the 二级. The merged labels printed in the middle of their rows
    are given their rows as the stated points require (see Mappings/forms/sichuan-department-index.yaml)."""
    lines = read("dachuan-zhengfawei-2023-disclosure.txt")
    s = next(i for i, l in enumerate(lines) if "部门整体支出绩效评价指标体系(" in l or "部门整体支出绩效评价指标体系（" in l)
    form = {"line": s + 1, "title": lines[s].strip(), "project": "", "total": {}, "rows": []}
    levels = ["level1", "level2", "level3"]
    i = s + 1
    while i < len(lines) and not lines[i].startswith("报表编号"):
        cells = [cjk(clean(c)) for c in lines[i].split("\t")]
        i += 1
        if not any(cells) or cells[0] in ("绩效指标", "一级指标"):
            continue
        if cells[0] == "得分合计":
            nums = [c for c in cells if NUM.match(c)]
            note = next(c for c in cells if c.startswith("说明"))
            form["total"] = {"weight": nums[0], "score": "", "note": note}
            continue
        k = next(j for j, c in enumerate(cells) if NUM.match(c))
        labels = [c for c in cells[:k] if c]
        row = {"line": i, "labels": {}, "weight": cells[k], "score": cells[k + 1],
               "explanation": cells[k + 2], "standard": cells[k + 3]}
        marks = cells[k + 4:k + 8]
        row["marks"] = [MARK_IDS[j] for j, c in enumerate(marks) if c == "√"]
        row["remark"] = cells[k + 8] if len(cells) > k + 8 else ""
        if cells[0]:
            row["labels"] = dict(zip(levels, labels))
        elif len(labels) == 2:
            row["labels"] = {"level2": labels[0], "level3": labels[1]}
        elif len(labels) == 1:
            row["labels"] = {"level2" if POINTS.search(labels[0]) else "level3": labels[0]}
        # not self-scored: 自评质量, 扣分项 (their 计分标准 is the 财政 review's: "此为财政重点绩效评价计分标准")
        row["self_scored"] = "财政重点绩效评价计分标准" not in row["standard"]
        form["rows"].append(row)
    rows = form["rows"]
    by_line = {r["line"]: r for r in rows}
    # merged labels printed on a middle row: 动态调整(15分) over the three rows from the 5-point row
    # "部门公用经费…控制情况"; 目标实现 over its row and the one above; 目标制定 over its row and the next
    lines_ = [r["line"] for r in rows]
    dyn = next(r for r in rows if r["labels"].get("level2", "").startswith("动态调整"))
    prev = rows[rows.index(dyn) - 1]
    prev["labels"]["level2"] = dyn["labels"]["level2"]
    goal = next(r for r in rows if r["labels"].get("level3") == "目标实现")
    rows[rows.index(goal) - 1]["labels"]["level3"] = "目标实现"
    inherit(rows, levels)
    for r in rows:
        for k in ("explanation", "standard", "remark"):
            r["labels"][k] = r.pop(k)
    # the prose states the rescaled score: "我单位得90分"
    n = next(j for j, l in enumerate(lines) if "评价结论" in l and "得" in l and "分" in l and "整体支出绩效评价指标体系" in l)
    form["narrative"] = {"line": n + 1, "score": re.search(r"得\s*(\d+)\s*分", lines[n]).group(1)}
    return [form]


FUND_TIERS = ("通用指标", "特性指标", "个性指标")
FUND_SCOPES = ("所有项目", "民生保障项目", "违规记录")
FUND_LEVEL1 = ("项目决策", "项目实施", "完成结果", "项目效果", "产出指标", "效益指标", "成本指标", "满意度指标")
FUND_METHODS = ("分级评分法", "是否评分法", "比率分值法", "缺（错）项扣分法")
# Levels of scale rows printed with fewer than five cells, placed as the same indicator prints them
# with all five cells in the other forms (first at 0, last at 1).
FUND_MIDDLE = {"较完善": "0.6", "较合理": "0.6", "一般": "0.3", "较均衡": "0.6"}


def fund_row(cells, line):
    m = next(j for j, c in enumerate(cells) if j >= 2 and c in FUND_METHODS)
    lab = cells[2:m]
    while lab and lab[-1] == "":
        lab.pop()
    explanation, pre = lab[-1], lab[:-1]
    if explanation.startswith("经济成本指标") and len(explanation) > len("经济成本指标"):
        pre, explanation = pre + ["经济成本指标"], explanation[len("经济成本指标"):].strip()
    labels, spanned = {}, []
    for c in [c for c in pre if c]:
        if c in FUND_TIERS and "tier" not in labels:
            labels["tier"] = c
        elif c in FUND_SCOPES and "scope" not in labels:
            labels["scope"] = c
    rest = [c for c in pre if c and c not in labels.values()]
    # right-aligned before 指标解释: 二级, then 一级; a lone label that names an 一级 (成本指标) is the 一级
    if len(rest) == 1 and rest[0] in FUND_LEVEL1:
        labels["level1"] = rest[0]
    elif rest:
        labels["level2"] = rest[-1]
    if len(rest) > 1:
        labels["level1"] = rest[-2]
    if labels.get("scope") == "违规记录":  # spans 适用范围 … 二级指标
        spanned = ["level1", "level2"]
    row = {"line": line, "labels": labels, "spanned": spanned, "weight": cells[0], "score": cells[1]}
    method = cells[m]
    after = cells[m + 1:]
    if method in ("比率分值法", "缺（错）项扣分法"):
        row["formula"] = after[0]
        k = next(j for j in range(1, len(after)) if after[j])
        points = k
    else:
        points = next(j for j, c in enumerate(after) if len(c) >= 16)
        cells_ = after[:points]
        if len(cells_) == 5:
            row["levels"] = {f: c for f, c in zip(["0", "0.3", "0.6", "0.8", "1"], cells_) if c}
        else:
            printed = [c for c in cells_ if c]
            row["levels"] = {"0": printed[0], "1": printed[-1]}
            for c in printed[1:-1]:
                row["levels"][FUND_MIDDLE[c]] = c
    row["labels"].update({"explanation": explanation, "method": method, "points": after[points]})
    marks = after[points + 1:]
    row["marks"] = [MARK_IDS[j] for j, c in enumerate(marks[:len(MARK_IDS)]) if c == "√"]
    unplaced = sum(1 for c in marks[len(MARK_IDS):] if c == "√")
    if unplaced:
        row["unplaced_marks"] = unplaced
    return row


def dachuan_fund_index():
    """附表 1 专项资金预算项目绩效评价指标体系, seven tables (one per 专项资金 report). The header repeats on every
    page and is skipped; the 得分合计 row's number (under 分值权重) is the total score."""
    lines = read("dachuan-zhengfawei-2023-disclosure.txt")
    starts = [i for i, l in enumerate(lines) if "专项资金预算项目绩效评价指标体系（" in l]
    end = next(i for i, l in enumerate(lines) if i > starts[-1] and l.startswith("第五部分"))
    # the 专项资金 reports' prose states each project's score: "专项资金预算项目绩效自评得分 97 分"
    narratives = []
    for i, l in enumerate(lines):
        mm = re.search(r"专项资金预算项目绩效自评得分\s*(\d+)\s*分", l)
        if mm:
            head = max(j for j in range(i) if "专项资金预算项目绩效自评报告" in lines[j])
            name = next(re.search(r"项目名称\s*[:：]\s*(.+?)\)", lines[j]).group(1) for j in range(head, head + 5)
                        if "项目名称" in lines[j] and re.search(r"项目名称\s*[:：]\s*(.+?)\)", lines[j]))
            narratives.append((flat(name), i + 1, mm.group(1)))
    forms = []
    for k, s in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else end
        title = lines[s].strip()
        project = re.search(r"（([^（）]+)）\s*$", title).group(1)
        form = {"line": s + 1, "title": title, "project": project, "scale": [], "total": {}, "rows": []}
        for i in range(s + 1, stop):
            cells = [cjk(clean(c)) for c in lines[i].split("\t")]
            if not any(cells):
                continue
            if cells[0] == "分值权重" or (len(cells) > 2 and cells[2] == "分层指标"):
                continue
            if "0.3" in cells:
                if not form["scale"]:
                    nums = [c for c in cells if NUM.match(c)]
                    form["scale"] = nums[:4] + [nums[-1]]
                continue
            if "得分合计" in cells:
                form["total"] = {"score": cells[0]}
                continue
            form["rows"].append(fund_row(cells, i + 1))
        inherit(form["rows"], ["tier", "scope", "level1", "level2"])
        for key, line, score in narratives:
            if flat(project) in key or key.startswith(flat(project)):
                form["narrative"] = {"line": line, "score": score}
        forms.append(form)
    return forms


def write(name, style, source, forms, summary=None):
    doc = {"schema": "juesuan-form-transcription/1", "source": source, "style": style, "forms": forms}
    if summary:
        doc["summary"] = summary
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    forms, summary = dachang()
    write("dachang-hebei-project.json", "hebei-project", "dachang-zhengfawei-2023-performance.txt", forms)
    write("dachang-hebei-summary.json", "hebei-summary", "dachang-zhengfawei-2023-performance.txt", [], summary)
    write("luzhou-sichuan-project.json", "sichuan-project", "luzhou-zhengfawei-2024-disclosure.txt", luzhou())
    write("dachuan-sichuan-project.json", "sichuan-project", "dachuan-zhengfawei-2023-disclosure.txt", dachuan())
    write("dachuan-sichuan-department.json", "sichuan-department", "dachuan-zhengfawei-2023-disclosure.txt", dachuan_department())
    write("zezhou-shanxi-project.json", "shanxi-project", "zezhou-zhengfawei-2024-disclosure.txt", zezhou())
    write("dachuan-sichuan-department-index.json", "sichuan-department-index", "dachuan-zhengfawei-2023-disclosure.txt",
          dachuan_department_index())
    write("dachuan-sichuan-fund-index.json", "sichuan-fund-index", "dachuan-zhengfawei-2023-disclosure.txt", dachuan_fund_index())
