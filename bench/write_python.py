#!/usr/bin/env python3
"""Writes the benchmark sheet with Python XlsxWriter or openpyxl (write-only), the same data as
`juesuan-bench write` and bench/c/write_floor.c (the same 64-bit LCG), for bench/compare.sh.
Usage: write_python.py xlsxwriter|xlsxwriter-constant|openpyxl OUT.xlsx [ROWS]"""
import sys

tool, out = sys.argv[1], sys.argv[2]
rows = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
MASK = (1 << 64) - 1
state = 20241231


def draw():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) & MASK
    return state >> 33


words = "一般公共服务支出行政运行机关服务政法委员会事务社会保障就业卫生健康住房公积金培训费差旅费办公费"
labels = []
for _ in range(500):
    length = 4 + draw() % 9
    labels.append("".join(words[draw() % len(words)] for _ in range(length)))
header = ["科目代码", "科目名称", "合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "行次", "备注"]


def data_rows():
    for r in range(1, rows + 1):
        code = str(2010000 + draw() % 1000000)
        label = labels[draw() % 500]
        amounts = [(draw() % 10000001) / 100 for _ in range(6)]
        yield r, code, label, amounts, labels[draw() % 500]


if tool.startswith("xlsxwriter"):
    import xlsxwriter
    wb = xlsxwriter.Workbook(out, {"constant_memory": tool.endswith("constant"), "strings_to_numbers": False})
    ws = wb.add_worksheet("数据")
    ws.write_row(0, 0, header)
    for r, code, label, amounts, note in data_rows():
        ws.write_string(r, 0, code)
        ws.write_string(r, 1, label)
        for c, a in enumerate(amounts, start=2):
            ws.write_number(r, c, a)
        ws.write_number(r, 8, r)
        ws.write_string(r, 9, note)
    wb.close()
elif tool == "openpyxl":
    import openpyxl
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("数据")
    ws.append(header)
    for r, code, label, amounts, note in data_rows():
        ws.append([code, label, *amounts, r, note])
    wb.save(out)
else:
    sys.exit("usage: write_python.py xlsxwriter|xlsxwriter-constant|openpyxl OUT.xlsx [ROWS]")
