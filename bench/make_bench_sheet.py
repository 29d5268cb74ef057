#!/usr/bin/env python3
"""Writes the benchmark sheet: ROWS x 10 (codes as text, ~500 distinct Chinese labels as shared
strings, 2-decimal amounts). Usage: make_bench_sheet.py OUT.xlsx [ROWS]. Not committed: generated."""
import random
import sys

import xlsxwriter

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
rng = random.Random(20241231)
words = "一般公共服务支出行政运行机关服务政法委员会事务社会保障就业卫生健康住房公积金培训费差旅费办公费"
labels = ["".join(rng.choice(words) for _ in range(rng.randint(4, 12))) for _ in range(500)]
wb = xlsxwriter.Workbook(out, {"strings_to_numbers": False})
ws = wb.add_worksheet("数据")
ws.write_row(0, 0, ["科目代码", "科目名称", "合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出", "行次", "备注"])
for r in range(1, rows + 1):
    ws.write_string(r, 0, str(2010000 + rng.randint(0, 999999)))
    ws.write_string(r, 1, labels[rng.randrange(500)])
    for c in range(2, 8):
        ws.write_number(r, c, rng.randint(0, 10_000_000) / 100)
    ws.write_number(r, 8, r)
    ws.write_string(r, 9, labels[rng.randrange(500)])
wb.close()
