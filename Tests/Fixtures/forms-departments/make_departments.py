#!/usr/bin/env python3
"""Other departments' 绩效自评表, as a new user would bring them: every style (shanxi-project,
sichuan-project, sichuan-department, hebei-project and its 汇总表), other projects and numbers, laid out
from the published forms (domain.md §5) by openpyxl and XlsxWriter, in several arrangements — one form
per sheet, stacked on one sheet, behind a cover sheet, shifted away from A1 — with typing habits of
their own (amounts as numbers or text, rates as "95.00%" text or as numbers in a % format).

    python3 Tests/Fixtures/forms-departments/make_departments.py [OUTDIR]

Writes the workbooks and `expected.json`: for every workbook the errors planted in it, each with the rule
it breaks and the cell that states the wrong value (conventions §5: the stated total or derived value
first), written here from what was planted — never from Juesuan's output. A workbook listed with no
planted error is consistent: checking it must give no error-level finding. Planted errors, one kind
each: 执行率 ≠ 执行数/预算数 (F-EXEC-RATE), 结余 ≠ 预算 − 执行 (F-BALANCE), Σ 分值 ≠ the total weight
(F-WEIGHT-SUM), Σ 得分 ≠ 总分 (F-SCORE-SUM), a score above its weight (F-SCORE-LIMIT), a grade outside its
band (F-GRADE), a 汇总表 row differing from its form (S-ROW-FORM), 资金总额 ≠ 财政拨款 + 其他资金 (F-FUND-SUM).
Each plant changes one printed value and keeps everything else consistent, so it breaks one rule only.
"""
import json
import os
import sys
from decimal import Decimal, ROUND_HALF_UP

import openpyxl
import xlsxwriter
from openpyxl.styles import Alignment, Border, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
THIN = Side(style="thin")


def band(score):
    """财预〔2020〕10号 (conventions §7)."""
    return "优" if score >= 90 else "良" if score >= 80 else "中" if score >= 60 else "差"


def pct(executed, budget, places):
    if budget == 0:
        return Decimal(0)
    return (Decimal(executed) / Decimal(budget) * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)


def num(text):
    """A number as a user types it: int when whole."""
    d = Decimal(str(text))
    return int(d) if d == d.to_integral_value() else float(d)


# ---------------------------------------------------------------- projects (other departments)

def sichuan_projects():
    # (name, 调整后预算数, 预算执行数, indicators [(一级, 二级, 三级, 性质, 值, 单位, 完成值, 权重, 得分)], 执行得分)
    return [
        ("51150021Y000000031001-社区矫正经费", "36.40", "32.76", [
            ("产出指标", "数量指标", "社区矫正对象走访人次", "≥", "300", "人次", "326", 20, 20),
            ("产出指标", "质量指标", "矫正对象重新犯罪率", "≤", "1", "%", "0.5%", 20, 20),
            ("产出指标", "时效指标", "走访完成时间", "≤", "12", "月", "12月", 10, 10),
            ("效益指标", "社会效益指标", "社区治安稳定", "定性", "优", "", "优", 20, 18),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "93%", 10, 10),
            ("成本指标", "经济成本指标", "走访成本", "≤", "36.4", "万元", "32.76万元", 10, 10)], 9),
        ("51150021Y000000031002-人民调解员补贴", "18.00", "18.00", [
            ("产出指标", "数量指标", "补贴发放人数", "＝", "120", "人", "120", 30, 30),
            ("产出指标", "时效指标", "按季度发放率", "＝", "100", "%", "100%", 20, 20),
            ("效益指标", "社会效益指标", "矛盾纠纷化解率", "≥", "95", "%", "96%", 20, 20),
            ("满意度指标", "服务对象满意度指标", "调解员满意度", "≥", "90", "%", "88%", 20, 17)], 10),
        ("51150021Y000000031003-法律援助案件补贴", "25.00", "21.50", [
            ("产出指标", "数量指标", "办理援助案件", "≥", "200", "件", "215", 25, 25),
            ("产出指标", "质量指标", "案件质量合格率", "≥", "95", "%", "97%", 15, 15),
            ("效益指标", "社会效益指标", "困难群众获得援助", "定性", "高", "", "高", 20, 16),
            ("满意度指标", "服务对象满意度指标", "受援人满意度", "≥", "90", "%", "91%", 20, 20),
            ("成本指标", "经济成本指标", "案均补贴", "≤", "0.13", "万元/件", "0.1万元/件", 10, 8)], 8),
        ("51150021Y000000031004-普法宣传阵地维护", "9.80", "9.75", [
            ("产出指标", "数量指标", "维护宣传栏", "≥", "40", "个", "42个", 30, 30),
            ("产出指标", "质量指标", "验收合格率", "＝", "100", "%", "100%", 20, 20),
            ("效益指标", "可持续影响指标", "法治氛围", "定性", "优", "", "优", 20, 20),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "85", "%", "90%", 20, 20)], 10),
    ]


def shanxi_projects():
    # (name, 目标申报数, 预算编制数, 全年预算数, 全年执行数, 执行得分, indicators
    #  [(一级, 二级, 三级, 年初指标值, 调整后指标值, 实际完成值, 定性值情况说明, 分值, 得分, 偏差原因)])
    return [
        ("乡镇司法所规范化建设经费", "0", "30", "30", "27.6", "9", [
            ("产出指标", "数量指标", "规范化司法所数量", "≥个", "≥6个", "≥6个", "6", 20, 20, ""),
            ("产出指标", "质量指标", "验收合格率", "=%", "=100%", "=100%", "100", 20, 20, ""),
            ("产出指标", "时效指标", "建设完成时间", "", "年底前", "达成预期指标", "11月", 10, 10, ""),
            ("产出指标", "成本指标", "单所建设成本", "≤万元", "≤5万元", "≤4.6万元", "4.6", 10, 10, ""),
            ("效益指标", "社会效益", "基层法律服务能力", "", "提升", "达成预期指标", "提升", 20, 18, "宣传不足"),
            ("满意度指标", "服务对象满意度", "群众满意度", ">%", ">85%", ">90%", "90", 10, 10, "")]),
        ("矛盾纠纷排查化解专项经费", "0", "12.5", "12.5", "12.5", "10", [
            ("产出指标", "数量指标", "排查化解纠纷件数", "≥件", "≥500件", "≥560件", "560", 30, 30, ""),
            ("产出指标", "时效指标", "排查周期", "", "每月", "达成预期指标", "每月", 20, 20, ""),
            ("效益指标", "社会效益", "社会稳定", "", "保证", "达成预期指标", "保证", 30, 25, "个别纠纷反复"),
            ("满意度指标", "服务对象满意度", "当事人满意度", ">%", ">80%", ">86%", "86", 10, 10, "")]),
        ("公共法律服务热线运维费", "0", "8", "8", "6", "7.5", [
            ("产出指标", "数量指标", "热线接听量", "≥次", "≥3000次", "≥2600次", "2600", 30, 25, "宣传不足，来电减少"),
            ("产出指标", "质量指标", "接通率", "≥%", "≥95%", "≥96%", "96", 20, 20, ""),
            ("效益指标", "社会效益", "法律咨询便利度", "", "提高", "部分达成预期指标", "提高", 30, 22, "夜间未覆盖"),
            ("满意度指标", "服务对象满意度", "来电群众满意度", ">%", ">85%", ">88%", "88", 10, 10, "")]),
    ]


def hebei_projects():
    # (name, 预算数, 到位数, 执行数, 级次, indicators [(一级, 二级, 三级, 分值, 符号, 值, 单位, 实际, 得分)])
    # the 预算执行率（10） row is added from the money block (its 实际完成值 = 预算执行进度)
    return [
        ("社区矫正中心运行经费", "24", "24", "23.88", "县级", [
            ("产出指标（50）", "数量指标", "矫正对象管理人数", 20, "＝", "85", "人", "＝85人", 20),
            ("产出指标（50）", "质量指标", "脱管漏管率", 15, "≤", "1", "%", "＝0%", 15),
            ("产出指标（50）", "时效指标", "报到登记及时率", 15, "＝", "100", "%", "＝100%", 15),
            ("效益指标（30）", "社会效益指标", "社区安全稳定", 30, "", "", "显著", "显著", 30),
            ("满意度指标（10）", "满意度指标", "群众满意度", 10, "≥", "90", "%", "≥92%", 10)]),
        ("人民陪审员履职补助", "6.5", "6.5", "6.37", "县级", [
            ("产出指标（50）", "数量指标", "补助人数", 25, "＝", "46", "人", "＝46人", 25),
            ("产出指标（50）", "时效指标", "按季发放", 25, "", "", "及时", "及时", 25),
            ("效益指标（30）", "社会效益指标", "司法公信力", 30, "", "", "提升", "提升", 27),
            ("满意度指标（10）", "满意度指标", "陪审员满意度", 10, "≥", "90", "%", "≥95%", 10)]),
        ("法治宣传教育经费", "12", "12", "9.6", "县级", [
            ("产出指标（50）", "数量指标", "宣传活动场次", 20, "≥", "24", "场", "＝26场", 20),
            ("产出指标（50）", "质量指标", "宣传覆盖率", 20, "≥", "90", "%", "＝93%", 20),
            ("产出指标（50）", "成本指标", "成本控制率", 10, "≤", "100", "%", "＝80%", 10),
            ("效益指标（30）", "社会效益指标", "群众法治意识", 30, "", "", "提高", "提高", 25),
            ("满意度指标（10）", "满意度指标", "群众满意度", 10, "≥", "85", "%", "≥88%", 10)]),
        ("刑满释放人员安置帮教", "3.2", "3.2", "2.4", "县级", [
            ("产出指标（50）", "数量指标", "帮教人数", 25, "＝", "31", "人", "＝31人", 25),
            ("产出指标（50）", "质量指标", "安置率", 25, "≥", "95", "%", "＝90%", 20),
            ("效益指标（30）", "社会效益指标", "重新犯罪率", 30, "≤", "2", "%", "＝1%", 30),
            ("满意度指标（10）", "满意度指标", "帮教对象满意度", 10, "≥", "85", "%", "≥86%", 9)]),
    ]


# ---------------------------------------------------------------- a sheet writer over openpyxl or XlsxWriter

class Grid:
    """Cells put at (row, column) relative to an origin; merges; remembers the A1 name of any cell."""

    def __init__(self, book, name, engine):
        self.engine, self.name = engine, name
        if engine == "openpyxl":
            self.ws = book.create_sheet(name)
        else:
            self.ws = book.add_worksheet(name)
            self.fmt = book.add_format({"border": 1, "text_wrap": True, "valign": "vcenter"})
            self.pct = book.add_format({"border": 1, "num_format": "0.00%"})
        self.r0, self.c0 = 1, 1

    def ref(self, r, c):
        return f"{self.name}!{get_column_letter(self.c0 + c - 1)}{self.r0 + r - 1}"

    def put(self, r, c, value, last_c=None, last_r=None, percent=False):
        R, C = self.r0 + r - 1, self.c0 + c - 1
        LR, LC = self.r0 + (last_r or r) - 1, self.c0 + (last_c or c) - 1
        if value is None:
            value = ""
        if self.engine == "openpyxl":
            if (LR, LC) != (R, C):
                self.ws.merge_cells(start_row=R, start_column=C, end_row=LR, end_column=LC)
            cell = self.ws.cell(row=R, column=C)
            if value != "":
                cell.value = value
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"   # "=1个" is a target, not a formula
            if percent:
                cell.number_format = "0.00%"
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.border = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
        else:
            fmt = self.pct if percent else self.fmt
            if (LR, LC) != (R, C):
                self.ws.merge_range(R - 1, C - 1, LR - 1, LC - 1, "", fmt)
            if isinstance(value, str):
                self.ws.write_string(R - 1, C - 1, value, fmt)
            elif value != "":
                self.ws.write_number(R - 1, C - 1, value, fmt)
        return self.ref(r, c)


# ---------------------------------------------------------------- the styles, as the published forms print them

def sichuan(g, r, p, plants, rates_as_numbers=False):
    """部门预算项目支出绩效自评表 at row r of grid g; returns the next free row and the cells of interest."""
    name, budget, executed, inds, exec_score = p
    cells = {}
    g.put(r, 1, "部门预算项目支出绩效自评表（2024年度）", 11); r += 1
    g.put(r, 1, "项目名称", 2); g.put(r, 3, name, 11); r += 1
    g.put(r, 1, "主管部门", 2); g.put(r, 3, "宜宾市司法局", 6); g.put(r, 7, "实施单位（盖章）"); g.put(r, 8, "宜宾市司法局", 11); r += 1
    g.put(r, 1, "项目基本情况", last_r=r + 2); g.put(r, 2, "1.项目年度目标完成情况", last_r=r + 1)
    g.put(r, 3, "项目年度目标", 6); g.put(r, 7, "年度目标完成情况", 11); r += 1
    g.put(r, 3, "按计划完成" + name.split("-")[-1] + "各项任务。", 6); g.put(r, 7, "已按计划完成。", 11); r += 1
    g.put(r, 2, "2.项目实施内容及过程概述"); g.put(r, 3, "按年度计划实施。", 11); r += 1
    g.put(r, 1, "预算执行情况（10分）", last_r=r + 5)
    for c, h in enumerate(["年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"], start=2):
        g.put(r, c, h)
    g.put(r, 9, "原因", 11); r += 1
    rate = pct(executed, budget, 2)
    shown_rate = plants.get("rate", rate)
    for label, fiscal in (("总额", True), ("其中：财政资金", True), ("财政专户管理资金", False), ("单位资金", False), ("其他资金", None)):
        g.put(r, 2, label)
        if fiscal is None:
            for c in range(3, 7):
                g.put(r, c, "")
        else:
            b, e = (budget, executed) if fiscal else ("0.00", "0.00")
            g.put(r, 3, num(b)); g.put(r, 4, num(b)); g.put(r, 5, num(e))
            value = (shown_rate if label == "总额" else (rate if fiscal else Decimal(0)))
            if rates_as_numbers:
                cells.setdefault("rate_" + label, g.put(r, 6, float(value / 100), percent=True))
            else:
                cells.setdefault("rate_" + label, g.put(r, 6, f"{value:.2f}%"))
        if label == "总额":
            g.put(r, 7, 10); g.put(r, 8, exec_score)
        else:
            g.put(r, 7, "/"); g.put(r, 8, "/")
        g.put(r, 9, "", 11); r += 1
    g.put(r, 1, "绩效指标（90分）", last_r=r + len(inds))
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"], start=2):
        g.put(r, c, h)
    r += 1
    score_sum = exec_score
    for k, (l1, l2, l3, op, val, unit, actual, weight, score) in enumerate(inds):
        weight = plants.get(("weight", k), weight)
        score = plants.get(("score", k), score)
        score_sum += score
        for c, v in enumerate([l1, l2, l3, op, num(val) if val.replace(".", "").isdigit() else val, unit, actual, weight, score, ""], start=2):
            ref = g.put(r, c, v)
            if c == 10:
                cells[("score", k)] = ref
            if c == 9:
                cells[("weight", k)] = ref
        r += 1
    g.put(r, 1, "合计", 8); cells["total_weight"] = g.put(r, 9, 100)
    cells["total_score"] = g.put(r, 10, plants.get("total", score_sum)); g.put(r, 11, ""); r += 1
    for label, text in (("评价结论", f"自评得分{score_sum}分。"), ("存在问题", "无"), ("改进措施", "无")):
        g.put(r, 1, label); g.put(r, 2, text, 11); r += 1
    g.put(r, 1, "项目负责人：张敏"); g.put(r, 7, "财务负责人：李娟"); r += 1
    return r, cells


def shanxi(g, r, p, plants):
    name, declared, initial, budget, executed, exec_score, inds = p
    cells = {}
    g.put(r, 1, name + "项目支出绩效自评表", 12); r += 1
    g.put(r, 1, "(2024年度)", 12); r += 1
    g.put(r, 1, "项目名称", 2); g.put(r, 3, name, 12); r += 1
    g.put(r, 1, "主管部门及代码", 2); g.put(r, 3, "052-晋城市城区司法局", 6); g.put(r, 7, "预算单位", 8)
    g.put(r, 9, "052001-晋城市城区司法局", 12); r += 1
    g.put(r, 1, "项目资金预算安排及执行进度(万元)", last_r=r + 3); g.put(r, 2, "", last_r=r + 1); g.put(r, 3, "年初预算数", 4)
    for c, h in ((5, "全年预算数"), (6, "全年执行数"), (7, "资金结(转)余"), (8, "执行率"), (9, "得分")):
        g.put(r, c, h, last_r=r + 1)
    g.put(r, 10, "偏差原因", 12, last_r=r + 1); r += 1
    g.put(r, 3, "目标申报数"); g.put(r, 4, "预算编制数"); r += 1
    balance = Decimal(budget) - Decimal(executed)
    rate = pct(executed, budget, 2)
    for label in ("资金总额:", "市县区财政资金"):
        g.put(r, 2, label)
        for c, v in ((3, declared), (4, initial), (5, budget), (6, executed)):
            g.put(r, c, num(v))
        shown_balance = plants.get("balance", balance) if label == "资金总额:" else balance
        cells["balance_" + label] = g.put(r, 7, num(shown_balance))
        g.put(r, 8, f"{rate:.2f}")          # printed without a percent sign, as the Shanxi forms do
        g.put(r, 9, num(exec_score) if label == "资金总额:" else "")
        g.put(r, 10, "", 12); r += 1
    g.put(r, 1, "项目年度绩效目标", last_r=r + 1); g.put(r, 2, "年度目标", 6); g.put(r, 7, "实际完成情况", 12); r += 1
    g.put(r, 2, "完成" + name + "年度任务。", 6); g.put(r, 7, "基本完成。", 12); r += 1
    g.put(r, 1, "绩效指标", last_r=r + len(inds))
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "年初指标值", "调整后指标值", "实际完成值", "定性值情况说明", "分值", "得分"], start=2):
        g.put(r, c, h)
    g.put(r, 11, "偏差原因分析及改进措施", 12); r += 1
    total = Decimal(exec_score)
    first = r
    for k, (l1, l2, l3, ini, tgt, act, note, weight, score, why) in enumerate(inds):
        same1 = k > 0 and inds[k - 1][0] == l1
        if not same1:
            n = 1
            while k + n < len(inds) and inds[k + n][0] == l1:
                n += 1
            g.put(r, 2, l1, last_r=r + n - 1)
        g.put(r, 3, l2)
        for c, v in ((4, l3), (5, ini), (6, tgt), (7, act), (8, note), (9, weight), (10, score)):
            g.put(r, c, v)
        g.put(r, 11, why, 12)
        total += score
        r += 1
    _ = first
    shown_total = plants.get("total", total)
    g.put(r, 1, "总分", 9); cells["total_score"] = g.put(r, 10, num(shown_total))
    cells["grade"] = g.put(r, 11, plants.get("grade", band(total))); g.put(r, 12, ""); r += 1
    g.put(r, 1, "项目绩效分析", last_r=r + 1)
    g.put(r, 2, "项目实施和预算执行情况", 3); g.put(r, 4, f"预算{budget}万元，执行{executed}万元。", 12); r += 1
    g.put(r, 2, "下一步改进措施及管理建议", 3); g.put(r, 4, "加强预算执行管理。", 12); r += 1
    return r, cells


def hebei(g, r, p, plants):
    name, budget, arrived, executed, level, inds = p
    cells = {}
    rate = pct(executed, budget, 1)
    inds = inds + [("预算执行率（10）", "预算执行率", "预算执行进度", 10, "≥", "95", "%", f"＝{rate}%", 10 if rate >= 95 else 8)]
    g.put(r, 1, "项目绩效自评表", 11); r += 1
    g.put(r, 1, "填报单位：香河县司法局"); g.put(r, 9, "金额单位：万元", 11); r += 1
    g.put(r, 1, "一、基本情况"); g.put(r, 2, "项目名称"); g.put(r, 3, name, 5); g.put(r, 6, "项目级次"); g.put(r, 7, level)
    g.put(r, 8, "实施（主管）单位", 9); g.put(r, 10, "香河县司法局", 11); r += 1
    g.put(r, 1, "二、预算执行情况", last_r=r + 3)
    for c, h in ((2, "预算安排情况\n（调整后）"), (4, "资金到位情况"), (6, "资金执行情况")):
        g.put(r, c, h, c + 1)
    g.put(r, 8, "预算执行进度"); r += 1
    for row in ("total", "fiscal", "other"):
        labels = ("预算数", "到位数", "执行数") if row == "total" else (("其中：财政资金",) * 3 if row == "fiscal" else ("其他",) * 3)
        values = (budget, arrived, executed) if row != "other" else ("", "", "")
        for (c, v), label in zip(((3, values[0]), (5, values[1]), (7, values[2])), labels):
            g.put(r, c - 1, label); g.put(r, c, num(v) if v else "")
        g.put(r, 8, f"{rate}%" if row == "total" else ""); r += 1
    g.put(r, 1, "三、目标完成情况", last_r=r + 1); g.put(r, 2, "年度预期目标", 5); g.put(r, 6, "具体完成情况", 9)
    g.put(r, 10, "总体\n完成率", 11); r += 1
    g.put(r, 2, "保障" + name + "顺利实施。", 5); g.put(r, 6, "已完成。", 9); g.put(r, 10, "100%", 11); r += 1
    g.put(r, 1, "四、年度绩效指标完成情况", last_r=r + 1 + len(inds))
    for c, h in ((2, "一级指标"), (3, "二级指标"), (4, "三级指标"), (5, "指标分值"), (9, "实际完成值"), (10, "单项指标\n完成情况"), (11, "自评得分")):
        g.put(r, c, h, last_r=r + 1)
    g.put(r, 6, "预期指标值", 8); r += 1
    g.put(r, 6, "符号"); g.put(r, 7, "值"); g.put(r, 8, "单位\n（文字描述）"); r += 1
    total = 0
    for k, (l1, l2, l3, weight, op, val, unit, actual, score) in enumerate(inds):
        weight = plants.get(("weight", k), weight)
        if k == 0 or inds[k - 1][0] != l1:
            n = 1
            while k + n < len(inds) and inds[k + n][0] == l1:
                n += 1
            g.put(r, 2, l1, last_r=r + n - 1)
        for c, v in ((3, l2), (4, l3), (5, weight), (6, op), (7, num(val) if val else ""), (8, unit), (9, actual), (10, actual), (11, score)):
            ref = g.put(r, c, v)
            if c == 5:
                cells[("weight", k)] = ref
        total += score
        r += 1
    g.put(r, 1, "自评总分", 10); cells["total_label"] = g.ref(r, 1)
    cells["total_score"] = g.put(r, 11, plants.get("total", total)); r += 1
    g.put(r, 1, "五、存在问题、原因及下一步整改措施", 2); g.put(r, 3, "无", 11); r += 1
    g.put(r, 1, "填报人：王芳"); g.put(r, 8, "联系方式：5512033"); r += 1
    return r, cells, total


def department(g, r, plants):
    cells = {}
    inds = [("产出指标", "数量指标", "办理法律援助案件", "≥", "600", "件", 15),
            ("产出指标", "数量指标", "人民调解案件", "≥", "2000", "件", 15),
            ("产出指标", "质量指标", "调解成功率", "≥", "95", "%", 15),
            ("产出指标", "时效指标", "案件办结及时率", "＝", "100", "%", 10),
            ("效益指标", "社会效益指标", "基层社会稳定", "定性", "优", "", 20),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", 15)]
    g.put(r, 1, "部门整体支出绩效目标完成情况自评表（2023年度）", 8); r += 1
    g.put(r, 8, "单位：万元"); r += 1
    g.put(r, 1, "部门名称"); g.put(r, 2, "南充市顺庆区司法局", 8); r += 1
    g.put(r, 1, "年度部门整体支出预算", last_r=r + 1)
    total, fiscal, other = Decimal("812.46"), Decimal("790.16"), Decimal("22.30")
    for c, (label, v) in enumerate((("资金总额", plants.get("total", total)), ("财政拨款", fiscal), ("其他资金", other)), start=2):
        g.put(r, c, label)
        ref = g.put(r + 1, c, num(v))
        cells.setdefault("money_total", ref)
    r += 2
    g.put(r, 1, "年度总体目标"); g.put(r, 2, "完成法律援助、人民调解、社区矫正等年度任务，财政拨款790.16万元，其他资金22.30万元。", 8); r += 1
    g.put(r, 1, "年度绩效指标", last_r=r + len(inds))
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "绩效指标性质", "绩效指标值", "绩效度量单位", "权重"], start=2):
        g.put(r, c, h)
    r += 1
    for k, (l1, l2, l3, op, val, unit, weight) in enumerate(inds):
        for c, v in enumerate([l1, l2, l3, op, num(val) if val.isdigit() else val, unit, plants.get(("weight", k), weight)], start=2):
            g.put(r, c, v)
        r += 1
    cells["title"] = g.ref(1, 1)
    return r, cells


# ---------------------------------------------------------------- workbooks

def save(book, engine, path):
    if engine == "openpyxl":
        book.save(path)
    else:
        book.close()


def new_book(engine, path):
    if engine == "openpyxl":
        wb = openpyxl.Workbook()
        wb.remove(wb.active)
        return wb
    return xlsxwriter.Workbook(path)


def main(out):
    os.makedirs(out, exist_ok=True)
    expected = {}

    # 1. Sichuan, XlsxWriter, all forms stacked on one sheet from B3, rates as numbers in a % format;
    #    planted: a rate beyond rounding (form 1), a score above its weight (form 3)
    path = os.path.join(out, "yibin-sichuan-project-stacked.xlsx")
    book = new_book("xlsxwriter", path)
    g = Grid(book, "自评表", "xlsxwriter"); g.r0, g.c0 = 3, 2
    r, planted = 1, []
    for i, p in enumerate(sichuan_projects()):
        plants = {}
        if i == 0:
            plants["rate"] = Decimal("95.00")           # 32.76 / 36.40 = 90.00%
        if i == 2:
            plants[("score", 4)] = 12                   # 成本指标 weight 10 → 12 (total follows: Σ stays = 合计)
        r, cells = sichuan(g, r, p, plants, rates_as_numbers=True)
        if i == 0:
            planted.append({"rule": "F-EXEC-RATE", "cell": cells["rate_总额"], "form": p[0]})
        if i == 2:
            planted.append({"rule": "F-SCORE-LIMIT", "cell": cells[("score", 4)], "form": p[0]})
        r += 3
    save(book, "xlsxwriter", path)
    expected["yibin-sichuan-project-stacked.xlsx"] = {"style": "sichuan-project", "forms": 4, "planted": planted}

    # 2. Sichuan, openpyxl, one form per sheet behind a cover sheet, rates as "90.00%" text; consistent
    path = os.path.join(out, "yibin-sichuan-project-clean.xlsx")
    wb = new_book("openpyxl", path)
    cover = wb.create_sheet("封面")
    cover["B4"] = "宜宾市司法局2024年度部门预算项目支出绩效自评表"
    cover["B6"] = "报送日期：2025年3月"
    for i, p in enumerate(sichuan_projects(), start=1):
        sichuan(Grid(wb, f"项目{i}", "openpyxl"), 1, p, {})
    save(wb, "openpyxl", path)
    expected["yibin-sichuan-project-clean.xlsx"] = {"style": "sichuan-project", "forms": 4, "planted": []}

    # 3. Shanxi, openpyxl, one form per sheet, each shifted to C4; planted: 结余 (form 1), grade (form 2),
    #    Σ 得分 ≠ 总分 (form 3)
    path = os.path.join(out, "jincheng-shanxi-project-shifted.xlsx")
    wb = new_book("openpyxl", path)
    planted = []
    for i, p in enumerate(shanxi_projects()):
        g = Grid(wb, f"表{i + 1}", "openpyxl"); g.r0, g.c0 = 4, 3
        plants = {}
        total = Decimal(p[5]) + sum(Decimal(x[8]) for x in p[6])
        if i == 0:
            plants["balance"] = Decimal("3.4")          # 30 − 27.6 = 2.4
        if i == 1:
            plants["grade"] = "优" if band(total) != "优" else "良"
        if i == 2:
            plants["total"] = total - 3
        _, cells = shanxi(g, 1, p, plants)
        if i == 0:
            planted.append({"rule": "F-BALANCE", "cell": cells["balance_资金总额:"], "form": p[0]})
        if i == 1:
            planted.append({"rule": "F-GRADE", "cell": cells["grade"], "form": p[0]})
        if i == 2:
            planted.append({"rule": "F-SCORE-SUM", "cell": cells["total_score"], "form": p[0]})
            assert band(total - 3) == band(total), "the planted total must keep its grade"
    save(wb, "openpyxl", path)
    expected["jincheng-shanxi-project-shifted.xlsx"] = {"style": "shanxi-project", "forms": 3, "planted": planted}

    # 4. Shanxi, XlsxWriter, stacked with two blank rows between forms; consistent
    path = os.path.join(out, "jincheng-shanxi-project-clean.xlsx")
    book = new_book("xlsxwriter", path)
    g = Grid(book, "Sheet1", "xlsxwriter")
    r = 1
    for p in shanxi_projects():
        r, _ = shanxi(g, r, p, {})
        r += 2
    save(book, "xlsxwriter", path)
    expected["jincheng-shanxi-project-clean.xlsx"] = {"style": "shanxi-project", "forms": 3, "planted": []}

    # 5. Hebei, openpyxl, one form per sheet; planted: Σ 分值 ≠ 100 (form 2), Σ 得分 ≠ 自评总分 (form 3);
    #    and its 汇总表 (own workbook) with one row differing from its form (form 4's 全年执行数)
    path = os.path.join(out, "xianghe-hebei-project-sheets.xlsx")
    wb = new_book("openpyxl", path)
    planted, totals = [], []
    for i, p in enumerate(hebei_projects()):
        g = Grid(wb, f"表{i + 1}", "openpyxl")
        plants = {}
        if i == 1:
            plants[("weight", 0)] = 30                  # 补助人数 25 → 30: Σ 分值 = 105
        if i == 2:
            plants["total"] = 96                        # Σ 自评得分 = 95 (+10 budget rate row)
        _, cells, total = hebei(g, 1, p, plants)
        totals.append(total)
        if i == 1:
            planted.append({"rule": "F-WEIGHT-SUM", "cell": cells["total_label"], "form": p[0]})
        if i == 2:
            planted.append({"rule": "F-SCORE-SUM", "cell": cells["total_score"], "form": p[0]})
            assert band(96) == band(total)
    save(wb, "openpyxl", path)
    expected["xianghe-hebei-project-sheets.xlsx"] = {"style": "hebei-project", "forms": 4, "planted": planted}

    path = os.path.join(out, "xianghe-hebei-summary.xlsx")
    wb = new_book("openpyxl", path)
    g = Grid(wb, "汇总表", "openpyxl"); g.r0, g.c0 = 2, 1
    g.put(1, 1, "县直部门绩效自评情况汇总表", 8)
    g.put(2, 1, "预算部门（盖章）：香河县司法局", 4); g.put(2, 8, "单位：万元")
    for c, h in enumerate(["序号", "项目名称", "全年预算数", "全年执行数", "资金类型", "自评得分", "自评等级", "自评率\n（应评项目数/已自评项目数）"], start=1):
        g.put(3, c, h)
    r, budgets, executeds, planted = 4, Decimal(0), Decimal(0), []
    for i, p in enumerate(hebei_projects()):
        shown_total = 96 if i == 2 else totals[i]       # the summary copies what form 3 prints
        executed = Decimal(p[3]) + (Decimal("0.40") if i == 3 else 0)
        for c, v in enumerate([i + 1, p[0], num(p[1]), num(executed), "县级专项项目", shown_total, band(shown_total)], start=1):
            ref = g.put(r, c, v)
            if i == 3 and c == 4:
                planted.append({"rule": "S-ROW-FORM", "cell": ref, "form": p[0]})
        g.put(r, 8, "100%" if i == 0 else "")
        budgets += Decimal(p[1]); executeds += executed
        r += 1
    g.put(r, 1, "合计", 2); g.put(r, 3, num(budgets)); g.put(r, 4, num(executeds)); g.put(r, 8, "100%")
    g.ws.cell(row=g.r0 + r + 1, column=1, value="填表人：王芳")
    save(wb, "openpyxl", path)
    expected["xianghe-hebei-summary.xlsx"] = {"style": "hebei-summary", "against": "xianghe-hebei-project-sheets.xlsx",
                                               "planted": planted}

    # 6. Hebei, XlsxWriter, stacked from D2 behind a cover sheet; consistent (form 3 with its true total)
    path = os.path.join(out, "xianghe-hebei-project-clean.xlsx")
    book = new_book("xlsxwriter", path)
    c = book.add_worksheet("说明")
    c.write_string(1, 1, "香河县司法局 2023年度项目绩效自评表（共4个项目）")
    g = Grid(book, "绩效自评", "xlsxwriter"); g.r0, g.c0 = 2, 4
    r = 1
    for p in hebei_projects():
        r, _, _ = hebei(g, r, p, {})
        r += 2
    save(book, "xlsxwriter", path)
    expected["xianghe-hebei-project-clean.xlsx"] = {"style": "hebei-project", "forms": 4, "planted": []}

    # 7. Sichuan 部门整体 form: consistent, and with 资金总额 ≠ 财政拨款 + 其他资金 and Σ 权重 ≠ 90
    for name, plants in (("nanchong-sichuan-department-clean.xlsx", {}),
                         ("nanchong-sichuan-department-planted.xlsx", {"total": Decimal("822.46"), ("weight", 5): 10})):
        path = os.path.join(out, name)
        wb = new_book("openpyxl", path)
        wb.create_sheet("封面")["A1"] = "部门整体支出绩效自评"
        g = Grid(wb, "整体", "openpyxl"); g.r0, g.c0 = 3, 2
        _, cells = department(g, 1, plants)
        planted = []
        if plants:
            planted = [{"rule": "F-FUND-SUM", "cell": cells["money_total"], "form": "南充市顺庆区司法局"},
                       {"rule": "F-WEIGHT-SUM", "cell": cells["title"], "form": "南充市顺庆区司法局"}]
        save(wb, "openpyxl", path)
        expected[name] = {"style": "sichuan-department", "forms": 1, "planted": planted}

    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as fh:
        json.dump(expected, fh, ensure_ascii=False, indent=1, sort_keys=True)
        fh.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
