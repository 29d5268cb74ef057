#!/usr/bin/env python3
"""Writes sample workbooks laid out as the published 绩效自评表 forms, from the transcriptions in
Tests/Fixtures/forms/*.json (openpyxl).

    python3 SampleWorkbooks/forms/make_form_samples.py

For each seed and style two workbooks: `<seed>-<style>-sheets.xlsx` (one sheet per form, amounts as
numbers) and `<seed>-<style>-stacked.xlsx` (every form on one sheet, two empty rows between them,
every value as the printed text). The 汇总表 is `dachang-hebei-summary.xlsx`. Merged cells follow
domain.md §5 (labels spanning their columns, 一级/二级 labels merged down over their rows).
"""
import json
import os
import re

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "..", "Tests", "Fixtures", "forms")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
THIN = Side(style="thin")


class Sheet:
    def __init__(self, ws, as_text):
        self.ws, self.as_text, self.row = ws, as_text, 1

    def put(self, row, col, value, last_col=None, last_row=None, bold=False):
        value = "" if value is None else value
        if isinstance(value, str) and not self.as_text and NUMBER.match(value):
            value = float(value) if "." in value else int(value)
        cell = self.ws.cell(row=row, column=col)
        if value != "":
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # "=1个" is an indicator value, not a formula
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
        if bold:
            cell.font = Font(bold=True)
        if (last_col and last_col != col) or (last_row and last_row != row):
            self.ws.merge_cells(start_row=row, start_column=col, end_row=last_row or row, end_column=last_col or col)

    def merge_down(self, first, values, col):
        """Merges equal neighbouring labels of a column (一级/二级 printed once for several rows)."""
        i = 0
        while i < len(values):
            j = i
            while j + 1 < len(values) and values[j + 1] == values[i] and values[i] != "":
                j += 1
            self.put(first + i, col, values[i], last_row=first + j)
            i = j + 1


def hebei(s, f):
    r = s.row
    s.put(r, 1, f["title"], 11, bold=True); r += 1
    s.put(r, 1, "填报单位："); s.put(r, 10, "金额单位：" + f["unit"], 11); r += 1
    s.put(r, 1, "一、基本情况"); s.put(r, 2, "项目名称"); s.put(r, 3, f["project"], 5); s.put(r, 6, "项目级次")
    s.put(r, 7, f["fields"].get("项目级次", "")); s.put(r, 8, "实施（主管）单位", 9); s.put(r, 10, f["fields"].get("实施（主管）单位", ""), 11); r += 1
    s.put(r, 1, "二、预算执行情况", last_row=r + 3)
    for c, label in ((2, "预算安排情况\n（调整后）"), (4, "资金到位情况"), (6, "资金执行情况")):
        s.put(r, c, label, c + 1)
    s.put(r, 8, "预算执行进度"); r += 1
    for m in f["money"]:
        v = m["values"]
        labels = ("预算数", "到位数", "执行数") if m["row"] == "total" else (m["label"],) * 3
        for (c, key), label in zip(((2, "budget"), (4, "arrived"), (6, "executed")), labels):
            s.put(r, c, label); s.put(r, c + 1, v[key])
        s.put(r, 8, v["rate"]); r += 1
    s.put(r, 1, "三、目标完成情况", last_row=r + 1); s.put(r, 2, "年度预期目标", 5); s.put(r, 6, "具体完成情况", 9)
    s.put(r, 10, "总体\n完成率", 11); r += 1
    g = f["goals"]
    s.put(r, 2, g["target"], 5); s.put(r, 6, g["actual"], 9); s.put(r, 10, g.get("rate", ""), 11); r += 1
    inds = f["indicators"]
    s.put(r, 1, "四、年度绩效指标完成情况", last_row=r + 1 + len(inds))
    for c, label in ((2, "一级指标"), (3, "二级指标"), (4, "三级指标"), (5, "指标分值"), (9, "实际完成值"),
                     (10, "单项指标\n完成情况"), (11, "自评得分")):
        s.put(r, c, label, last_row=r + 1)
    s.put(r, 6, "预期指标值", 8); r += 1
    s.put(r, 6, "符号"); s.put(r, 7, "值"); s.put(r, 8, "单位\n（文字描述）"); r += 1
    s.merge_down(r, [i["level1"] for i in inds], 2)
    for k, i in enumerate(inds):
        if k == 0 or inds[k - 1]["level2"] != i["level2"] or inds[k - 1]["level1"] != i["level1"]:
            n = 1
            while k + n < len(inds) and inds[k + n]["level2"] == i["level2"] and inds[k + n]["level1"] == i["level1"]:
                n += 1
            s.put(r + k, 3, i["level2"], last_row=r + k + n - 1)
        for c, key in ((4, "level3"), (5, "weight"), (6, "operator"), (7, "value"), (8, "unit"), (9, "actual"),
                       (10, "completion"), (11, "score")):
            s.put(r + k, c, i[key])
    r += len(inds)
    s.put(r, 2, "自评总分", 10); s.put(r, 11, f["total"]["score"]); r += 1
    key = "五、存在问题、原因及下一步整改措施"
    s.put(r, 1, key, 2); s.put(r, 3, f["texts"].get(key, ""), 11); r += 1
    s.ws.cell(row=r, column=1, value="填报人：" + f["texts"].get("填报人", ""))
    s.ws.cell(row=r, column=8, value="联系方式：" + f["texts"].get("联系方式", "")); r += 1
    s.row = r


def sichuan(s, f):
    r = s.row
    s.put(r, 1, f["title"], 11, bold=True); r += 1
    s.put(r, 1, "项目名称"); s.put(r, 2, f["project"], 11); r += 1
    s.put(r, 1, "主管部门"); s.put(r, 2, f["fields"].get("主管部门", ""), 5); s.put(r, 6, "实施单位 （盖章）", 7)
    s.put(r, 8, f["fields"].get("实施单位", ""), 11); r += 1
    s.put(r, 1, "项目基本情况", last_row=r + 2); s.put(r, 2, "1.项目年度目标完成情况", last_row=r + 1)
    s.put(r, 3, "项目年度目标", 6); s.put(r, 7, "年度目标完成情况", 11); r += 1
    s.put(r, 3, f["goals"].get("target", ""), 6); s.put(r, 7, f["goals"].get("actual", ""), 11); r += 1
    s.put(r, 2, "2.项目实施内容及过程概述"); s.put(r, 3, f["texts"].get("项目实施内容及过程概述", ""), 11); r += 1
    s.put(r, 1, "预算执行情况（10分）", last_row=r + len(f["money"]))
    for c, label in ((2, "年度预算数（万元）"), (3, "年初预算"), (4, "调整后预算数"), (5, "预算执行数"), (6, "预算执行率"),
                     (7, "权重"), (8, "得分")):
        s.put(r, c, label)
    s.put(r, 9, "原因", 11); r += 1
    for m in f["money"]:
        v = m["values"]
        s.put(r, 2, m["label"])
        for c, key in ((3, "initial"), (4, "budget"), (5, "executed"), (6, "rate"), (7, "weight"), (8, "score")):
            s.put(r, c, v.get(key, ""))
        s.put(r, 9, v.get("reason", ""), 11); r += 1
    inds = f["indicators"]
    s.put(r, 1, "绩效指标（90分）", last_row=r + len(inds))
    for c, label in enumerate(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分",
                               "未完成原因分析"], start=2):
        s.put(r, c, label)
    r += 1
    s.merge_down(r, [i["level1"] for i in inds], 2)
    for k, i in enumerate(inds):
        for c, key in enumerate(["level2", "level3", "operator", "value", "unit", "actual", "weight", "score", "remark"], start=3):
            s.put(r + k, c, i[key])
    r += len(inds)
    s.put(r, 1, "合计", 8); s.put(r, 9, f["total"].get("weight", "")); s.put(r, 10, f["total"].get("score", "")); s.put(r, 11, ""); r += 1
    for label in ("评价结论", "存在问题", "改进措施"):
        s.put(r, 1, label); s.put(r, 2, f["texts"].get(label, ""), 11); r += 1
    s.ws.cell(row=r, column=1, value="项目负责人：" + f["texts"].get("项目负责人", ""))
    s.ws.cell(row=r, column=6, value="财务负责人：" + f["texts"].get("财务负责人", "")); r += 1
    s.row = r


SHANXI_NOTES = [
    "备注:1.“年初预算数”项下的“目标申报数”和“预算编制数”为并列关系,其中“目标申报数”的数据来源于项目目标申报表中的项目资金总额表中的年度资金,“预算编制数”数据来源于项目预算支出明细表。",
    " 2.“全年预算数”的取数规则,如果年初预算未调整,取预算编制数;如果有调整,取调整后的预算数。",
    " 3.“全年执行数”是指预算执行指标确认数。",
    " 4.“执行率”是执行数与“全年预算数”相比较。",
]


def shanxi(s, f):
    r = s.row
    s.put(r, 1, f["title"], 12, bold=True); r += 1
    s.put(r, 1, "(2024年度)", 12); r += 1
    s.put(r, 1, "项目名称", 2); s.put(r, 3, f["project"], 12); r += 1
    s.put(r, 1, "主管部门及代码", 2); s.put(r, 3, f["fields"].get("主管部门及代码", ""), 6); s.put(r, 7, "预算单位", 8)
    s.put(r, 9, f["fields"].get("预算单位", ""), 12); r += 1
    s.put(r, 1, "项目资金预算安排及执行进度(万元)", last_row=r + 1 + len(f["money"]))
    s.put(r, 2, "", last_row=r + 1); s.put(r, 3, "年初预算数", 4)
    for c, label in ((5, "全年预算数"), (6, "全年执行数"), (7, "资金结(转)余"), (8, "执行率"), (9, "得分")):
        s.put(r, c, label, last_row=r + 1)
    s.put(r, 10, "偏差原因", 12, last_row=r + 1); r += 1
    s.put(r, 3, "目标申报数"); s.put(r, 4, "预算编制数"); r += 1
    for m in f["money"]:
        v = m["values"]
        s.put(r, 2, m["label"])
        for c, key in ((3, "declared"), (4, "initial"), (5, "budget"), (6, "executed"), (7, "balance"), (8, "rate"), (9, "score")):
            s.put(r, c, v.get(key, ""))
        s.put(r, 10, v.get("reason", ""), 12); r += 1
    s.put(r, 1, "项目年度绩效目标", last_row=r + 1); s.put(r, 2, "年度目标", 6); s.put(r, 7, "实际完成情况", 12); r += 1
    s.put(r, 2, f["goals"].get("target", ""), 6); s.put(r, 7, f["goals"].get("actual", ""), 12); r += 1
    inds = f["indicators"]
    s.put(r, 1, "绩效指标", last_row=r + len(inds))
    for c, label in enumerate(["一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值", "实际完成值", "定性值情况说明",
                               "分值", "得分"], start=2):
        s.put(r, c, label)
    s.put(r, 11, "偏差原因分析及整改措施", 12); r += 1
    s.merge_down(r, [i["level1"] for i in inds], 2)
    for k, i in enumerate(inds):
        for c, key in enumerate(["level2", "level3", "initial", "target", "actual", "note", "weight", "score"], start=3):
            s.put(r + k, c, i[key])
        s.put(r + k, 11, i["remark"], 12)
    r += len(inds)
    s.put(r, 1, "总分", 9); s.put(r, 10, f["total"]["score"]); s.put(r, 11, f["total"].get("grade", "")); s.put(r, 12, ""); r += 1
    texts = list(f["texts"].items())
    if texts:
        s.put(r, 1, "项目绩效分析", last_row=r + len(texts) - 1)
        for label, text in texts:
            s.put(r, 2, label, 3); s.put(r, 4, text, 12); r += 1
    for note in SHANXI_NOTES:
        s.ws.cell(row=r, column=1, value=note); r += 1
    s.row = r


def department(s, f):
    r = s.row
    s.put(r, 1, f["title"], 8, bold=True); r += 1
    s.put(r, 8, "单位：" + f["unit"]); r += 1
    s.put(r, 1, "部门名称"); s.put(r, 2, f["fields"].get("部门名称", ""), 8); r += 1
    s.put(r, 1, "年度部门整体支出预算", last_row=r + 1)
    v = f["money"][0]["values"]
    for c, (label, key) in enumerate((("资金总额", "budget"), ("财政拨款", "appropriation"), ("其他资金", "other")), start=2):
        s.put(r, c, label); s.put(r + 1, c, v[key])
    r += 2
    s.put(r, 1, "年度总体目标"); s.put(r, 2, f["goals"].get("target", ""), 8); r += 1
    tasks = f.get("tasks", [])
    s.put(r, 1, "年度主要任务", last_row=r + len(tasks)); s.put(r, 2, "任务名称", 3); s.put(r, 4, "主要内容", 8); r += 1
    for t in tasks:
        s.put(r, 2, t["name"], 3); s.put(r, 4, t["content"], 8); r += 1
    inds = f["indicators"]
    s.put(r, 1, "年度绩效指标", last_row=r + len(inds))
    for c, label in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标性质", "绩效指标值", "绩效度量单位", "权重"], start=2):
        s.put(r, c, label)
    r += 1
    s.merge_down(r, [i["level1"] for i in inds], 2)
    for k, i in enumerate(inds):
        if k == 0 or inds[k - 1]["level2"] != i["level2"] or inds[k - 1]["level1"] != i["level1"]:
            n = 1
            while k + n < len(inds) and inds[k + n]["level2"] == i["level2"] and inds[k + n]["level1"] == i["level1"]:
                n += 1
            s.put(r + k, 3, i["level2"], last_row=r + k + n - 1)
        for c, key in enumerate(["level3", "operator", "value", "unit", "weight"], start=4):
            s.put(r + k, c, i[key])
    r += len(inds)
    s.row = r


DEPARTMENT_INDEX_MARKS = ["whole", "sample", "qualitative", "quantitative"]
FUND_INDEX_MARKS = ["whole", "sample", "qualitative", "quantitative", "national", "industry", "local", "declared", "historical"]
FACTORS = ["0", "0.3", "0.6", "0.8", "1"]


def merge_levels(s, first, rows, levels, col_of):
    """Hierarchy labels merged down over the rows they cover (a new outer label ends the inner runs)."""
    for depth, level in enumerate(levels):
        k = 0
        while k < len(rows):
            key = [rows[k]["labels"][l] for l in levels[:depth + 1]]
            n = 1
            while k + n < len(rows) and [rows[k + n]["labels"][l] for l in levels[:depth + 1]] == key and key[-1] != "":
                n += 1
            s.put(first + k, col_of[level], key[-1], last_row=first + k + n - 1 if n > 1 else None)
            k += n


def department_index(s, f):
    """附表 1-1 部门整体支出绩效评价指标体系: 12 columns, two header rows, the 得分合计 row first."""
    r = s.row
    s.put(r, 1, f["title"], 12, bold=True); r += 1
    s.put(r, 1, "绩效指标", 3)
    for c, label in ((4, "指标分值"), (5, "评价得分"), (6, "指标解释"), (7, "计分标准"), (12, "备注")):
        s.put(r, c, label, last_row=r + 1)
    s.put(r, 8, "评价方式", 9); s.put(r, 10, "评价属性", 11)
    for c, label in enumerate(["一级指标", "二级指标", "三级指标"], start=1):
        s.put(r + 1, c, label)
    for c, label in enumerate(["整体评价", "样本评价", "定性评价", "定量评价"], start=8):
        s.put(r + 1, c, label)
    r += 2
    t = f["total"]
    s.put(r, 1, "得分合计", 3); s.put(r, 4, t["weight"]); s.put(r, 5, t.get("score", "")); s.put(r, 6, t.get("note", ""), 12)
    r += 1
    rows = f["rows"]
    merge_levels(s, r, rows, ["level1", "level2", "level3"], {"level1": 1, "level2": 2, "level3": 3})
    for k, row in enumerate(rows):
        s.put(r + k, 4, row["weight"]); s.put(r + k, 5, row["score"])
        s.put(r + k, 6, row["labels"]["explanation"]); s.put(r + k, 7, row["labels"]["standard"])
        for c, mark in enumerate(DEPARTMENT_INDEX_MARKS, start=8):
            s.put(r + k, c, "√" if mark in row["marks"] else "")
        s.put(r + k, 12, row["labels"]["remark"])
    s.row = r + len(rows)


def fund_index_header(s, r):
    s.put(r, 1, "分值权重", last_row=r + 2); s.put(r, 2, "自评得分", last_row=r + 2)
    s.put(r, 3, "分层分类指标", 6); s.put(r, 7, "指标解释", last_row=r + 2); s.put(r, 8, "评分方法", 13)
    s.put(r, 14, "评价要点及说明", last_row=r + 2); s.put(r, 15, "评价方式", 16); s.put(r, 17, "评价属性", 18)
    s.put(r, 19, "定量评价标准", 23)
    for c, label in ((3, "分层指标"), (4, "适用范围"), (5, "一级指标"), (6, "二级指标"), (8, "方法归类")):
        s.put(r + 1, c, label, last_row=r + 2)
    s.put(r + 1, 9, "计算公式", 13)
    for c, label in enumerate(["整体评价", "样本评价", "定性评价", "定量评价", "国家标准", "行业标准", "地方标准", "申报标准", "历史均值"], start=15):
        s.put(r + 1, c, label, last_row=r + 2)
    for c, factor in enumerate(FACTORS, start=9):
        s.put(r + 2, c, factor)
    return r + 3


def fund_index(s, f):
    """附表 1 专项资金预算项目绩效评价指标体系: 23 columns, three header rows (repeated after each page break
    in the stacked variant, as the seed prints them), the 得分合计 row first, a weight merged down over
    the rows it covers, percentages as numbers formatted 0% (sheets) or text "20%" (stacked)."""
    r = s.row
    s.put(r, 1, f["title"], 23, bold=True); r += 1
    r = fund_index_header(s, r)
    s.put(r, 1, f["total"]["score"]); s.put(r, 2, ""); s.put(r, 3, "得分合计", 7); r += 1
    rows = f["rows"]
    # pages: the stacked variant repeats the header where the seed breaks the page (a gap in its lines)
    pages, page = [], [rows[0]]
    for a, b in zip(rows, rows[1:]):
        if s.as_text and b["line"] - a["line"] > 2:
            pages.append(page); page = []
        page.append(b)
    pages.append(page)
    for p, page in enumerate(pages):
        if p > 0:
            r = fund_index_header(s, r)
        merge_levels(s, r, page, ["tier", "scope", "level1", "level2"], {"tier": 3, "scope": 4, "level1": 5, "level2": 6})
        for k, row in enumerate(page):
            if row["labels"]["scope"] and not row["labels"]["level1"] and not row["labels"]["level2"]:
                s.put(r + k, 4, row["labels"]["scope"], 6)  # 违规记录 spans 适用范围 … 二级指标
            if row["weight"]:
                n = 1
                while k + n < len(page) and not page[k + n]["weight"]:
                    n += 1
                weight = row["weight"]
                if not s.as_text and weight.endswith("%"):
                    value = int(weight[:-1]) / 100
                    s.put(r + k, 1, value, last_row=r + k + n - 1 if n > 1 else None)
                    s.ws.cell(row=r + k, column=1).number_format = "0%"
                else:
                    s.put(r + k, 1, weight, last_row=r + k + n - 1 if n > 1 else None)
            s.put(r + k, 2, row["score"])
            s.put(r + k, 7, row["labels"]["explanation"]); s.put(r + k, 8, row["labels"]["method"])
            if row.get("formula"):
                s.put(r + k, 9, row["formula"], 13)
            else:
                for c, factor in enumerate(FACTORS, start=9):
                    s.put(r + k, c, row.get("levels", {}).get(factor, ""))
            s.put(r + k, 14, row["labels"]["points"])
            for c, mark in enumerate(FUND_INDEX_MARKS, start=15):
                s.put(r + k, c, "√" if mark in row["marks"] else "")
        r += len(page)
    s.row = r


def summary(s, doc):
    sm = doc["summary"]
    r = s.row
    s.put(r, 1, sm["title"], 8, bold=True); r += 1
    s.put(r, 1, "预算部门（盖章）：", 4); s.put(r, 8, "单位：" + sm["unit"]); r += 1
    for c, label in enumerate(["序号", "项目名称", "全年预算数", "全年执行数", "资金类型", "自评得分", "自评等级",
                               "自评率\n（应评项目数/已自评项目数）"], start=1):
        s.put(r, c, label)
    r += 1
    keys = ["no", "project", "budget", "executed", "fund_type", "score", "grade", "rate"]
    for row in sm["rows"] + [sm["total"]]:
        for c, key in enumerate(keys, start=1):
            s.put(r, c, row[key])
        r += 1
    s.ws.cell(row=r + 1, column=1, value="填表人： " + sm["texts"].get("填表人", ""))
    s.row = r + 2


def widths(ws, n):
    for c in range(1, n + 1):
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = 14


def main():
    plan = [("dachang-hebei-project", hebei, 11), ("luzhou-sichuan-project", sichuan, 11),
            ("dachuan-sichuan-project", sichuan, 11), ("zezhou-shanxi-project", shanxi, 12),
            ("dachuan-sichuan-department", department, 8), ("dachuan-sichuan-department-index", department_index, 12),
            ("dachuan-sichuan-fund-index", fund_index, 23)]
    for name, draw, ncols in plan:
        with open(os.path.join(FIXTURES, name + ".json"), encoding="utf-8") as fh:
            doc = json.load(fh)
        wb = Workbook()
        wb.remove(wb.active)
        for k, form in enumerate(doc["forms"], start=1):
            ws = wb.create_sheet(f"表{k}")
            widths(ws, ncols)
            draw(Sheet(ws, as_text=False), form)
        wb.save(os.path.join(HERE, name + "-sheets.xlsx"))
        wb = Workbook()
        ws = wb.active
        ws.title = "自评表"
        widths(ws, ncols)
        sheet = Sheet(ws, as_text=True)
        for form in doc["forms"]:
            draw(sheet, form)
            sheet.row += 2
        wb.save(os.path.join(HERE, name + "-stacked.xlsx"))
    with open(os.path.join(FIXTURES, "dachang-hebei-summary.json"), encoding="utf-8") as fh:
        doc = json.load(fh)
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总表"
    widths(ws, 8)
    summary(Sheet(ws, as_text=False), doc)
    wb.save(os.path.join(HERE, "dachang-hebei-summary.xlsx"))


if __name__ == "__main__":
    main()
