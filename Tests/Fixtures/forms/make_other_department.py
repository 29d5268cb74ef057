#!/usr/bin/env python3
"""A new user's workbook: another department's 部门预算项目支出绩效自评表 typed differently (shifted three
columns and five rows, labels with spaces and line breaks, rates as numbers with a % format, ">=", "＞"),
with one planted error: 宣传成本 scores 12 of 10.   python3 make_other_department.py OUT.xlsx"""

import sys
import openpyxl
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Sheet1"
o = 3  # everything shifted three columns right and five rows down, labels typed differently
def put(r, c, v): ws.cell(row=r + 5, column=c + o, value=v)
put(0, 1, "某某县司法局部门预算项目支出绩效自评表（2024年度）")
put(1, 1, "项 目 名 称"); put(1, 2, "普法宣传经费")
put(2, 1, "主管部门"); put(2, 2, "某某县司法局"); put(2, 6, "实施单位(盖章)"); put(2, 7, "某某县司法局")
put(3, 1, "预算执行情况\n（10分）"); 
for i, h in enumerate(["年度预算数\n（万元）", "年初预算", "调整后\n预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"]):
    put(3, 2 + i, h)
rows = [("总额", 12, 12, "10.80", 0.9, 10, 9), ("其中：财政资金", 12, 12, "10.80", 0.9, "/", "/"), ("财政专户管理资金", 0, 0, 0, 0, "/", "/"),
        ("单位资金", 0, 0, 0, 0, "/", "/"), ("其他资金", None, None, None, None, "/", "/")]
for k, row in enumerate(rows):
    for i, v in enumerate(row):
        put(4 + k, 2 + i, v)
    c = ws.cell(row=4 + k + 5, column=6 + o); c.number_format = "0.00%"
put(9, 1, "绩效指标\n（90分）")
for i, h in enumerate(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"]):
    put(9, 2 + i, h)
inds = [("产出指标", "数量指标", "宣传场次", "≥", 20, "场", "22", 30, 30),
        ("产出指标", "质量指标", "群众知晓率", ">=", 90, "%", "92%", 20, 20),
        ("效益指标", "社会效益指标", "法治意识提升", "定性", "优", "", "良", 20, 16),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "＞", 85, "%", "90%", 10, 10),
        ("成本指标", "经济成本指标", "宣传成本", "≤", 12, "万元", "10.8万元", 10, 12)]  # planted: 12 of 10
for k, ind in enumerate(inds):
    for i, v in enumerate(ind):
        put(10 + k, 2 + i, v)
put(15, 1, "合  计"); put(15, 9, 100); put(15, 10, 97)
put(16, 1, "评价结论"); put(16, 2, "良好")
wb.save(sys.argv[1])
