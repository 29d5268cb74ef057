#!/usr/bin/env python3
"""Invented departments' 部门决算公开 workbooks with their expected data.

Writes into this folder (Tests/Fixtures/departments/):

  <name>.xlsx / <name>.expected.json   six invented departments, three drawn in the gk10-2024
                                       table set and three in sc13-2023, each workbook with its own
                                       mix of hand-made-spreadsheet quirks (see README.md)
  unknown-layout.xlsx                  a 工资发放表 (payroll) — no 决算 table at all
  text-in-amount.xlsx                  a gk10-2024 公开03表 with the text "见附表" in one amount cell

The figures are invented here (fixed random seed) and held in 元 (integer cents); every total is
computed from its parts in 元, then every cell is rounded on its own to 0.01 万元, as the published
tables do (so 万元 sums may miss by a cent — 尾数误差 — exactly as in real publications).
Departments drawn in 元 use amounts in whole hundreds of 元, so 元 ↔ 万元 is exact for them.

The layouts (titles, codes, header paths, fixed rows, 行次) are written out in this file from
/work/shared/domain.md and Mappings/*; nothing is imported from the importer or from
SampleWorkbooks/make_samples.py. After writing, every workbook is re-read with openpyxl and checked
against its expected JSON, and the template arithmetic (domain.md §4) is checked on the data.

Run:  python3 Tests/Fixtures/departments/make_departments.py        (openpyxl only; deterministic)
"""
import io
import json
import os
import random
import re
import sys
import zipfile
from decimal import Decimal, ROUND_HALF_UP

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20250317
SCHEMA = "juesuan-seed-transcription/1"
WAN = 1_000_000          # cents per 万元
YUAN100 = 10_000         # cents per 100 元 (quantum of the departments drawn in 元)

# The one amount cell of text-in-amount.xlsx that holds "见附表" (documented in README.md).
TEXT_IN_AMOUNT = {"sheet": "公开03表", "cell": "E16", "row": "2050203", "column": "project"}

# ---------------------------------------------------------------------------------------------
# classification data
# ---------------------------------------------------------------------------------------------

FUNC = {  # 功能分类科目 used by the invented departments (类 3 / 款 5 / 项 7 digits)
    "205": "教育支出",
    "20501": "教育管理事务", "2050101": "行政运行", "2050102": "一般行政管理事务",
    "2050199": "其他教育管理事务支出",
    "20502": "普通教育", "2050201": "学前教育", "2050202": "小学教育", "2050203": "初中教育",
    "2050204": "高中教育",
    "20503": "职业教育", "2050302": "中等职业教育",
    "207": "文化旅游体育与传媒支出",
    "20701": "文化和旅游", "2070101": "行政运行", "2070102": "一般行政管理事务", "2070104": "图书馆",
    "2070108": "文化活动", "2070109": "群众文化", "2070112": "文化和旅游市场管理",
    "2070199": "其他文化和旅游支出",
    "20702": "文物", "2070204": "文物保护", "2070205": "博物馆",
    "20703": "体育", "2070308": "群众体育",
    "208": "社会保障和就业支出",
    "20802": "民政管理事务", "2080201": "行政运行", "2080202": "一般行政管理事务",
    "2080208": "基层政权建设和社区治理",
    "20805": "行政事业单位养老支出", "2080501": "行政单位离退休", "2080502": "事业单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出", "2080506": "机关事业单位职业年金缴费支出",
    "20810": "社会福利", "2081002": "老年福利", "2081004": "殡葬", "2081005": "社会福利事业单位",
    "2081006": "养老服务",
    "20819": "最低生活保障", "2081901": "城市最低生活保障金支出", "2081902": "农村最低生活保障金支出",
    "20820": "临时救助", "2082001": "临时救助支出",
    "20821": "特困人员救助供养", "2082102": "农村特困人员救助供养支出",
    "210": "卫生健康支出",
    "21001": "卫生健康管理事务", "2100101": "行政运行", "2100102": "一般行政管理事务",
    "2100199": "其他卫生健康管理事务支出",
    "21004": "公共卫生", "2100401": "疾病预防控制机构", "2100402": "卫生监督机构",
    "2100403": "妇幼保健机构", "2100408": "基本公共卫生服务", "2100409": "重大公共卫生服务",
    "21007": "计划生育事务", "2100717": "计划生育服务",
    "21011": "行政事业单位医疗", "2101101": "行政单位医疗", "2101102": "事业单位医疗",
    "2101103": "公务员医疗补助",
    "212": "城乡社区支出",
    "21208": "国有土地使用权出让收入安排的支出", "2120804": "农村基础设施建设支出",
    "213": "农林水支出",
    "21301": "农业农村", "2130101": "行政运行", "2130102": "一般行政管理事务", "2130104": "事业运行",
    "2130106": "科技转化与推广服务", "2130108": "病虫害控制", "2130109": "农产品质量安全",
    "2130122": "农业生产发展", "2130148": "渔业发展", "2130153": "农田建设",
    "2130199": "其他农业农村支出",
    "21305": "巩固脱贫攻坚成果衔接乡村振兴", "2130504": "农村基础设施建设", "2130505": "生产发展",
    "221": "住房保障支出",
    "22102": "住房改革支出", "2210201": "住房公积金",
    "223": "国有资本经营预算支出",
    "22301": "解决历史遗留问题及改革成本支出", "2230105": "国有企业退休人员社会化管理补助支出",
    "229": "其他支出",
    "22960": "彩票公益金安排的支出", "2296002": "用于社会福利的彩票公益金支出",
    "2296003": "用于体育事业的彩票公益金支出", "2296004": "用于教育事业的彩票公益金支出",
}

# 01表 / 04表 expenditure 类 rows (label as printed, code); 01 行次 32 + i, 04 行次 33 + i
CLASSES = [
    ("一、一般公共服务支出", "201"), ("二、外交支出", "202"), ("三、国防支出", "203"),
    ("四、公共安全支出", "204"), ("五、教育支出", "205"), ("六、科学技术支出", "206"),
    ("七、文化旅游体育与传媒支出", "207"), ("八、社会保障和就业支出", "208"), ("九、卫生健康支出", "210"),
    ("十、节能环保支出", "211"), ("十一、城乡社区支出", "212"), ("十二、农林水支出", "213"),
    ("十三、交通运输支出", "214"), ("十四、资源勘探工业信息等支出", "215"), ("十五、商业服务业等支出", "216"),
    ("十六、金融支出", "217"), ("十七、援助其他地区支出", "219"), ("十八、自然资源海洋气象等支出", "220"),
    ("十九、住房保障支出", "221"), ("二十、粮油物资储备支出", "222"), ("二十一、国有资本经营预算支出", "223"),
    ("二十二、灾害防治及应急管理支出", "224"), ("二十三、其他支出", "229"), ("二十四、债务还本支出", "231"),
    ("二十五、债务付息支出", "232"), ("二十六、抗疫特别国债安排的支出", "234"),
]

INCOME01 = ["一、一般公共预算财政拨款收入", "二、政府性基金预算财政拨款收入", "三、国有资本经营预算财政拨款收入",
            "四、上级补助收入", "五、事业收入", "六、经营收入", "七、附属单位上缴收入", "八、其他收入"]

# gk10 06表: four triplets; "——" on 309 and its 款, 311, 31101, 31199
GK_06 = [
    [("301", "工资福利支出"), ("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"),
     ("30106", "伙食补助费"), ("30107", "绩效工资"), ("30108", "机关事业单位基本养老保险缴费"),
     ("30109", "职业年金缴费"), ("30110", "职工基本医疗保险缴费"), ("30111", "公务员医疗补助缴费"),
     ("30112", "其他社会保障缴费"), ("30113", "住房公积金"), ("30114", "医疗费"), ("30199", "其他工资福利支出"),
     ("303", "对个人和家庭的补助"), ("30301", "离休费"), ("30302", "退休费"), ("30303", "退职(役)费"),
     ("30304", "抚恤金"), ("30305", "生活补助"), ("30306", "救济费"), ("30307", "医疗费补助"),
     ("30308", "助学金"), ("30309", "奖励金"), ("30310", "个人农业生产补贴"), ("30311", "代缴社会保险费"),
     ("30399", "其他对个人和家庭的补助")],
    [("302", "商品和服务支出"), ("30201", "办公费"), ("30202", "印刷费"), ("30203", "咨询费"),
     ("30204", "手续费"), ("30205", "水费"), ("30206", "电费"), ("30207", "邮电费"), ("30208", "取暖费"),
     ("30209", "物业管理费"), ("30211", "差旅费"), ("30212", "因公出国（境）费用"), ("30213", "维修(护)费"),
     ("30214", "租赁费"), ("30215", "会议费"), ("30216", "培训费"), ("30217", "公务接待费"),
     ("30218", "专用材料费"), ("30224", "被装购置费"), ("30225", "专用燃料费"), ("30226", "劳务费"),
     ("30227", "委托业务费"), ("30228", "工会经费"), ("30229", "福利费"), ("30231", "公务用车运行维护费"),
     ("30239", "其他交通费用"), ("30240", "税金及附加费用"), ("30299", "其他商品和服务支出")],
    [("307", "债务利息及费用支出"), ("30701", "国内债务付息"), ("30702", "国外债务付息"),
     ("30703", "国内债务发行费用"), ("30704", "国外债务发行费用"), ("309", "资本性支出（基本建设）"),
     ("30901", "房屋建筑物购建"), ("30902", "办公设备购置"), ("30903", "专用设备购置"),
     ("30905", "基础设施建设"), ("30906", "大型修缮"), ("30907", "信息网络及软件购置更新"),
     ("30908", "物资储备"), ("30913", "公务用车购置"), ("30919", "其他交通工具购置"),
     ("30921", "文物和陈列品购置"), ("30922", "无形资产购置"), ("30999", "其他基本建设支出"),
     ("310", "资本性支出"), ("31001", "房屋建筑物购建"), ("31002", "办公设备购置"), ("31003", "专用设备购置"),
     ("31005", "基础设施建设"), ("31006", "大型修缮"), ("31007", "信息网络及软件购置更新"),
     ("31008", "物资储备"), ("31009", "土地补偿"), ("31010", "安置补助")],
    [("31011", "地上附着物和青苗补偿"), ("31012", "拆迁补偿"), ("31013", "公务用车购置"),
     ("31019", "其他交通工具购置"), ("31021", "文物和陈列品购置"), ("31022", "无形资产购置"),
     ("31099", "其他资本性支出"), ("311", "对企业补助（基本建设）"), ("31101", "资本金注入（基本建设）"),
     ("31199", "其他对企业补助"), ("312", "对企业补助"), ("31201", "资本金注入"),
     ("31203", "政府投资基金股权投资"), ("31204", "费用补贴"), ("31205", "利息补贴"),
     ("31206", "其他资本性补助"), ("31299", "其他对企业补助"), ("313", "对社会保障基金补助"),
     ("31302", "对社会保险基金补助"), ("31303", "补充全国社会保障基金"), ("31304", "对机关事业单位职业年金的补助"),
     ("399", "其他支出"), ("39907", "国家赔偿费用支出"), ("39908", "对民间非营利组织和群众性自治组织补贴"),
     ("39909", "经常性赠与"), ("39910", "资本性赠与"), ("39999", "其他支出")],
]
GK_06_NA = {"309", "30901", "30902", "30903", "30905", "30906", "30907", "30908", "30913", "30919",
            "30921", "30922", "30999", "311", "31101", "31199"}

# sc13 08表: three triplets, no "——"
SC_08 = [
    [("301", "工资福利支出"), ("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"),
     ("30106", "伙食补助费"), ("30107", "绩效工资"), ("30108", "机关事业单位基本养老保险缴费"),
     ("30109", "职业年金缴费"), ("30110", "职工基本医疗保险缴费"), ("30111", "公务员医疗补助缴费"),
     ("30112", "其他社会保障缴费"), ("30113", "住房公积金"), ("30114", "医疗费"), ("30199", "其他工资福利支出"),
     ("303", "对个人和家庭的补助"), ("30301", "离休费"), ("30302", "退休费"), ("30303", "退职（役）费"),
     ("30304", "抚恤金"), ("30305", "生活补助"), ("30306", "救济费"), ("30307", "医疗费补助"),
     ("30308", "助学金"), ("30309", "奖励金"), ("30310", "个人农业生产补贴"), ("30311", "代缴社会保险费"),
     ("30399", "其他对个人和家庭的补助")],
    [("302", "商品和服务支出"), ("30201", "办公费"), ("30202", "印刷费"), ("30203", "咨询费"),
     ("30204", "手续费"), ("30205", "水费"), ("30206", "电费"), ("30207", "邮电费"), ("30208", "取暖费"),
     ("30209", "物业管理费"), ("30211", "差旅费"), ("30212", "因公出国（境）费用"), ("30213", "维修（护）费"),
     ("30214", "租赁费"), ("30215", "会议费"), ("30216", "培训费"), ("30217", "公务接待费"),
     ("30218", "专用材料费"), ("30224", "被装购置费"), ("30225", "专用燃料费"), ("30226", "劳务费"),
     ("30227", "委托业务费"), ("30228", "工会经费"), ("30229", "福利费"), ("30231", "公务用车运行维护费"),
     ("30239", "其他交通费用"), ("30240", "税金及附加费用"), ("30299", "其他商品和服务支出")],
    [("307", "债务利息及费用支出"), ("30701", "国内债务付息"), ("30702", "国外债务付息"),
     ("310", "资本性支出"), ("31001", "房屋建筑物购建"), ("31002", "办公设备购置"), ("31003", "专用设备购置"),
     ("31005", "基础设施建设"), ("31006", "大型修缮"), ("31007", "信息网络及软件购置更新"),
     ("31008", "物资储备"), ("31009", "土地补偿"), ("31010", "安置补助"), ("31011", "地上附着物和青苗补偿"),
     ("31012", "拆迁补偿"), ("31013", "公务用车购置"), ("31019", "其他交通工具购置"),
     ("31021", "文物和陈列品购置"), ("31022", "无形资产购置"), ("31099", "其他资本性支出"),
     ("399", "其他支出"), ("39907", "国家赔偿费用支出"), ("39908", "对民间非营利组织和群众性自治组织补贴"),
     ("39909", "经常性赠与"), ("39910", "资本性赠与"), ("39999", "其他支出")],
]

# sc13 05表 (行次 2–110) and 07表: one list of economic rows
SC_ECON = [
    ("301", "工资福利支出"), ("30101", "基本工资"), ("30102", "津贴补贴"), ("30103", "奖金"),
    ("30106", "伙食补助费"), ("30107", "绩效工资"), ("30108", "机关事业单位基本养老保险费"),
    ("30109", "职业年金缴费"), ("30110", "职工基本医疗保险缴费"), ("30111", "公务员医疗补助缴费"),
    ("30112", "其他社会保障缴费"), ("30113", "住房公积金"), ("30114", "医疗费"), ("30199", "其他工资福利支出"),
    ("302", "商品和服务支出"), ("30201", "办公费"), ("30202", "印刷费"), ("30203", "咨询费"), ("30204", "手续费"),
    ("30205", "水费"), ("30206", "电费"), ("30207", "邮电费"), ("30208", "取暖费"), ("30209", "物业管理费"),
    ("30211", "差旅费"), ("30212", "因公出国（境）费用"), ("30213", "维修（护）费"), ("30214", "租赁费"),
    ("30215", "会议费"), ("30216", "培训费"), ("30217", "公务接待费"), ("30218", "专用材料费"),
    ("30224", "被装购置费"), ("30225", "专用燃料费"), ("30226", "劳务费"), ("30227", "委托业务费"),
    ("30228", "工会经费"), ("30229", "福利费"), ("30231", "公务用车运行维护费"), ("30239", "其他交通费用"),
    ("30240", "税金及附加费用"), ("30299", "其他商品和服务支出"),
    ("303", "对个人和家庭的补助"), ("30301", "离休费"), ("30302", "退休费"), ("30303", "退职（役）费"),
    ("30304", "抚恤金"), ("30305", "生活补助"), ("30306", "救济费"), ("30307", "医疗费补助"), ("30308", "助学金"),
    ("30309", "奖励金"), ("30310", "个人农业生产补贴"), ("30311", "代缴社会保险费"),
    ("30399", "其他个人和家庭的补助支出"),
    ("307", "债务利息及费用支出"), ("30701", "国内债务付息"), ("30702", "国外债务付息"),
    ("30703", "国内债务发行费用"), ("30704", "国外债务发行费用"),
    ("309", "资本性支出（基本建设）"), ("30901", "房屋建筑物购建"), ("30902", "办公设备购置"),
    ("30903", "专用设备购置"), ("30905", "基础设施建设"), ("30906", "大型修缮"), ("30907", "信息网络及软件购置更新"),
    ("30908", "物资储备"), ("30913", "公务用车购置"), ("30919", "其他交通工具购置"), ("30921", "文物和陈列品购置"),
    ("30922", "无形资产购置"), ("30999", "其他基本建设支出"),
    ("310", "资本性支出"), ("31001", "房屋建筑物购建"), ("31002", "办公设备购置"), ("31003", "专用设备购置"),
    ("31005", "基础设施建设"), ("31006", "大型修缮"), ("31007", "信息网络及软件购置更新"), ("31008", "物资储备"),
    ("31009", "土地补偿"), ("31010", "安置补助"), ("31011", "地上附着物和青苗补偿"), ("31012", "拆迁补偿"),
    ("31013", "公务用车购置"), ("31019", "其他交通工具购置"), ("31021", "文物和陈列品购置"),
    ("31022", "无形资产购置"), ("31099", "其他资本性支出"),
    ("311", "对企业补助（基本建设）"), ("31101", "资本金注入"), ("31199", "其他对企业补助"),
    ("312", "对企业补助"), ("31201", "资本金注入"), ("31203", "政府投资基金股权投资"), ("31204", "费用补贴"),
    ("31205", "利息补贴"), ("312099", "其他对企业补助"),
    ("313", "对社会保障基金补助"), ("31302", "对社会保险基金补助"), ("31303", "补充全国社会保障基金"),
    ("31304", "对机关事业单位职业年金的补助"),
    ("399", "其他支出"), ("39907", "国家赔偿费用支出"), ("39908", "对民间非营利组织和群众性自治组织补贴"),
    ("39909", "经常性赠与"), ("39910", "资本性赠与"), ("39999", "其他支出"),
]
SC_05_COLS = ["total", "general.subtotal", "general.basic", "general.project", "fund.subtotal", "fund.basic",
              "fund.project", "state_capital.subtotal", "state_capital.basic", "state_capital.project"]
_NA_309 = ["general.basic", "fund.subtotal", "fund.basic", "fund.project", "state_capital.subtotal",
           "state_capital.basic", "state_capital.project"]


def sc05_na(code):
    if code.startswith("309") or code in ("311", "31101", "31199"):
        return _NA_309
    if code.startswith("313"):
        return ["general.basic", "fund.subtotal"]
    return []


def sc07_na(code):
    return ["basic"] if (code.startswith("309") or code.startswith("313") or code in ("311", "31101", "31199")) else []


def econ_class(code):
    return code[:3]


# ---------------------------------------------------------------------------------------------
# table definitions (layout as printed; keys as in Tests/Fixtures/seeds/*.json)
# ---------------------------------------------------------------------------------------------

def col(key, header, number=None):
    return {"key": key, "header": header, "column_number": number}


SANGONG_KEYS = ["total", "abroad", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation", "reception"]


def sangong_def(abroad):
    cols = []
    n = 1
    for side, label in (("budget", "预算数"), ("actual", "决算数")):
        for k, h in zip(SANGONG_KEYS, [["合计"], [abroad], ["公务用车购置及运行维护费", "小计"],
                                       ["公务用车购置及运行维护费", "公务用车购置费"],
                                       ["公务用车购置及运行维护费", "公务用车运行维护费"], ["公务接待费"]]):
            cols.append(col("%s.%s" % (side, k), [label] + h, str(n)))
            n += 1
    half = ["合计", abroad, "公务用车购置及运行维护费", "", "", "公务接待费"]
    sub = ["", "", "小计", "公务用车购置费", "公务用车运行维护费", ""]
    return dict(kind="sangong", width=12, columns=cols,
                header=[["预算数", "", "", "", "", "", "决算数", "", "", "", "", ""], half + half, sub + sub,
                        [str(i) for i in range(1, 13)]],
                merges=["A1:F1", "G1:L1", "A2:A3", "B2:B3", "C2:E2", "F2:F3", "G2:G3", "H2:H3", "I2:K2", "L2:L3"],
                number_row=3)


def pair01_def():
    return dict(kind="pair", width=6,
                columns=[col("income.amount", ["收入", "金额"], "1"), col("expenditure.amount", ["支出", "金额"], "2")],
                header=[["收入", "", "", "支出", "", ""], ["项目", "行次", "金额", "项目", "行次", "金额"],
                        ["栏次", "", "1", "栏次", "", "2"]],
                merges=["A1:C1", "D1:F1"], number_row=2)


def pair04_def():
    return dict(kind="pair", width=9,
                columns=[col("income.amount", ["收入", "金额"], "1"), col("expenditure.total", ["支出", "合计"], "2"),
                         col("expenditure.general", ["支出", "一般公共预算财政拨款"], "3"),
                         col("expenditure.fund", ["支出", "政府性基金预算财政拨款"], "4"),
                         col("expenditure.state_capital", ["支出", "国有资本经营预算财政拨款"], "5")],
                header=[["收入", "", "", "支出", "", "", "", "", ""],
                        ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款",
                         "国有资本经营预算财政拨款"],
                        ["栏次", "", "1", "栏次", "", "2", "3", "4", "5"]],
                merges=["A1:C1", "D1:I1"], number_row=2)


def coded_def(cols, top, second, merges, numbers=True, code_label="科目代码", line_col=False):
    """cols: [(key, header path, number)]; top/second: header row texts over the amount columns."""
    lead = 3 if line_col else 2
    header = [["项目", ""] + (["行次"] if line_col else []) + top,
              [code_label, "科目名称"] + ([""] if line_col else []) + second]
    if numbers:
        header.append(["栏次", ""] + [str(i) for i in range(1, len(cols) + 1)])
    return dict(kind="coded", width=lead + len(cols), columns=[col(k, h, n) for k, h, n in cols],
                header=header, merges=merges, number_row=2 if numbers else None, line_col=line_col)


def def02():
    names = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
    keys = ["total", "appropriation", "upper_subsidy", "service", "operating", "affiliate_remit", "other"]
    return coded_def([(k, [h], str(i + 1)) for i, (k, h) in enumerate(zip(keys, names))], names, [""] * 7,
                     ["A1:B1"] + ["%s1:%s2" % (c, c) for c in "CDEFGHI"])


def def03():
    names = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
    keys = ["total", "basic", "project", "remit_upper", "business", "subsidy_units"]
    return coded_def([(k, [h], str(i + 1)) for i, (k, h) in enumerate(zip(keys, names))], names, [""] * 6,
                     ["A1:B1"] + ["%s1:%s2" % (c, c) for c in "CDEFGH"])


def def_general():  # gk10 05 / sc13 06
    return coded_def([("subtotal", ["本年支出", "小计"], "1"), ("basic", ["本年支出", "基本支出"], "2"),
                      ("project", ["本年支出", "项目支出"], "3")],
                     ["本年支出", "", ""], ["小计", "基本支出", "项目支出"], ["A1:B1", "C1:E1"])


def def_fund():  # gk10 07 / sc13 10
    return coded_def([("opening", ["年初结转和结余"], "1"), ("income", ["本年收入"], "2"),
                      ("expenditure.subtotal", ["本年支出", "小计"], "3"),
                      ("expenditure.basic", ["本年支出", "基本支出"], "4"),
                      ("expenditure.project", ["本年支出", "项目支出"], "5"), ("closing", ["年末结转和结余"], "6")],
                     ["年初结转和结余", "本年收入", "本年支出", "", "", "年末结转和结余"],
                     ["", "", "小计", "基本支出", "项目支出", ""],
                     ["A1:B1", "C1:C2", "D1:D2", "E1:G1", "H1:H2"])


def def_state_capital():  # gk10 08 / sc13 12
    return coded_def([("total", ["本年支出", "合计"], "1"), ("basic", ["本年支出", "基本支出"], "2"),
                      ("project", ["本年支出", "项目支出"], "3")],
                     ["本年支出", "", ""], ["合计", "基本支出", "项目支出"], ["A1:B1", "C1:E1"])


def triplet_def(groups, footer):
    n = len(groups)
    top = ["人员经费", "", ""] + ["公用经费"] + [""] * (3 * n - 4)
    return dict(kind="triplets", width=3 * n, columns=[col("amount", ["决算数"])],
                header=[top, ["科目代码", "科目名称", "决算数"] * n],
                merges=["A1:C1", "D1:%s1" % get_column_letter(3 * n)], number_row=None,
                groups=groups, footer=footer, body_rows=max(len(g) for g in groups))


def stats_def():
    return dict(kind="stats", width=3, columns=[col("amount", ["统计数"])], header=[], merges=[], number_row=None)


GK10 = {
    "01": dict(title="收入支出决算总表", note=["注：本表反映部门本年度的总收支和年末结转结余情况。本套报表金额单位转换时可能存在尾数误差。"], **pair01_def()),
    "02": dict(title="收入决算表", note=["注：本表反映部门本年度取得的各项收入情况。"], **def02()),
    "03": dict(title="支出决算表", note=["注：本表反映部门本年度各项支出情况。"], **def03()),
    "04": dict(title="财政拨款收入支出决算总表",
               note=["注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。"],
               **pair04_def()),
    "05": dict(title="一般公共预算财政拨款支出决算表", note=["注：本表反映部门本年度一般公共预算财政拨款支出情况。"], **def_general()),
    "06": dict(title="一般公共预算财政拨款基本支出决算明细表", note=["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"],
               **triplet_def(GK_06, [("人员经费合计", 0, 2), ("公用经费合计", 7, 11)])),
    "07": dict(title="政府性基金预算财政拨款收入支出决算表", unit_label="单位", empty_note="说明：本表无数据",
               note=["注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。"], **def_fund()),
    "08": dict(title="国有资本经营预算财政拨款支出决算表", unit_label="单位", empty_note="说明：本表无数据",
               note=["注：本表反映部门本年度国有资本经营预算财政拨款支出情况。"], **def_state_capital()),
    "09": dict(title="财政拨款“三公”经费支出决算表", empty_note="说明：本表无数据",
               note=["注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。"],
               **sangong_def("因公出国(境)费")),
    "10": dict(title="部门决算公开相关信息统计表", dept_label="单位名称",
               note=["注：本表反映部门本年度政府采购、机关运行经费和国有资产占用情况。"], **stats_def()),
}
for _id, _t in GK10.items():
    _t.setdefault("unit_label", "金额单位")
    _t.setdefault("dept_label", "部门名称")
    _t["code"] = "公开%s表" % _id
    _t["id"] = _id
    _t["key_order"] = ["department", "year", "unit"]

NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"]

SC13 = {
    "01": dict(title="收入支出决算总表", key_order=["unit", "department"],
               note=["注：1.本表反映部门本年度的总收支和年末结转结余情况。", "2.本套报表金额单位转换时可能存在尾数误差。"],
               **pair01_def()),
    "02": dict(title="收入决算表", key_order=["unit", "department"], note=["注：本表反映部门本年度取得的各项收入情况。"], **def02()),
    "03": dict(title="支出决算表", key_order=["unit", "department"], note=["注：本表反映部门本年度各项支出情况。"], **def03()),
    "04": dict(title="财政拨款收入支出决算总表",
               note=["注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。"],
               **pair04_def()),
    "05": dict(title="财政拨款支出决算明细表", dept_label="编制单位", note=[],
               **coded_def([(k, (["合计"] if k == "total" else
                                 [{"general": "一般公共预算财政拨款", "fund": "政府性基金预算财政拨款",
                                   "state_capital": "国有资本经营预算财政拨款"}[k.split(".")[0]],
                                  {"subtotal": "小计", "basic": "基本支出", "project": "项目支出"}[k.split(".")[1]]]),
                             None) for k in SC_05_COLS],
                           ["合计", "一般公共预算财政拨款", "", "", "政府性基金预算财政拨款", "", "", "国有资本经营预算财政拨款", "", ""],
                           ["", "小计", "基本支出", "项目支出", "小计", "基本支出", "项目支出", "小计", "基本支出", "项目支出"],
                           ["A1:B1", "C1:C2", "D1:D2", "E1:G1", "H1:J1", "K1:M1"], numbers=False,
                           code_label="经济分类科目代码", line_col=True)),
    "06": dict(title="一般公共预算财政拨款支出决算表", note=[], **def_general()),
    "07": dict(title="一般公共预算财政拨款支出决算明细表", note=[],
               **coded_def([("total", ["合计"], None), ("basic", ["基本支出"], None), ("project", ["项目支出"], None)],
                           ["合计", "基本支出", "项目支出"], ["", "", ""], ["A1:B1", "C1:C2", "D1:D2", "E1:E2"],
                           numbers=False, code_label="经济分类科目代码")),
    "08": dict(title="一般公共预算财政拨款基本支出决算表", key_order=["unit", "department"],
               note=["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"],
               **triplet_def(SC_08, [("人员经费合计", 0, 2), ("公用经费合计", 3, 8)])),
    "09": dict(title="一般公共预算财政拨款项目支出决算表",
               note=["注：本表以“万元”为金额单位（保留两位小数），反映部门本年度一般公共预算财政拨款项目支出收支明细情况。"],
               **coded_def([("income", ["本年收入"], None), ("expenditure", ["本年支出"], None)],
                           ["本年收入", "本年支出"], ["", ""], ["A1:B1", "C1:C2", "D1:D2"], numbers=False)),
    "10": dict(title="政府性基金预算财政拨款收入支出决算表", note=["注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。"],
               **def_fund()),
    "11": dict(title="国有资本经营预算财政拨款收入支出决算表",
               note=["注：本表以“万元”为金额单位（保留两位小数位），本表反映部门本年度国有资本经营预算财政拨款收入、支出及结转和结余情况；",
                     "如部门没有国有资本经营预算收入，也没有使用国有资本经营预算安排的支出，应注明本表无数据。"],
               **coded_def([("opening", ["年初结转和结余"], "1"), ("income", ["本年收入"], "2"),
                            ("expenditure", ["本年支出"], "3"), ("closing", ["年末结转和结余"], "4")],
                           ["年初结转和结余", "本年收入", "本年支出", "年末结转和结余"], ["", "", "", ""],
                           ["A1:B1", "C1:C2", "D1:D2", "E1:E2", "F1:F2"])),
    "12": dict(title="国有资本经营预算财政拨款支出决算表", note=["注：本表反映部门本年度国有资本经营预算财政拨款支出情况。"],
               **def_state_capital()),
    "13": dict(title="财政拨款“三公”经费支出决算表",
               note=["注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。"],
               **sangong_def("因公出国（境）费")),
}
for _i, (_id, _t) in enumerate(SC13.items()):
    _t.setdefault("unit_label", "金额单位")
    _t.setdefault("dept_label", "部门")
    _t.setdefault("key_order", ["department", "unit"])
    _t["code"] = "公开 %s 表" % _id
    _t["plain_title"] = _t["title"]
    _t["title"] = NUMERALS[_i] + "、" + _t["title"]   # sc13 prints numbered titles
    _t["id"] = _id
for _t in GK10.values():
    _t["plain_title"] = _t["title"]

SETS = {"gk10-2024": GK10, "sc13-2023": SC13}

# gk10 10表 body (literal lines and rows in printed order)
STATS_BODY = [
    ("heading", "一、政府采购情况"), ("literal", ["项目", "行次", "统计数"]),
    ("row", 1, "合计"), ("row", 2, "货物"), ("row", 3, "工程"), ("row", 4, "服务"),
    ("heading", "二、机关运行经费"), ("literal", ["项目", "", "统计数"]),
    ("row", 5, "(一) 行政单位"), ("row", 6, "(二) 参照公务员法管理事业单位"),
    ("heading", "三、国有资产占用情况"),
    ("row", 7, "(一) 车辆数合计(辆)"), ("row", 8, "1. 副部(省)级及以上领导用车"), ("row", 9, "2. 主要负责人用车"),
    ("row", 10, "3. 机要通信用车"), ("row", 11, "4. 应急保障用车"), ("row", 12, "5. 执法执勤用车"),
    ("row", 13, "6. 特种专业技术用车"), ("row", 14, "7. 离退休干部服务用车"), ("row", 15, "8. 其他用车"),
    ("row", 17, "(二) 单价100万元(含)以上设备(不含车辆)"),
]

# ---------------------------------------------------------------------------------------------
# economic profiles (how an item's money splits over 经济分类 款)
# ---------------------------------------------------------------------------------------------

PROFILES = {
    "admin": [("30101", 20), ("30102", 17), ("30103", 7), ("30107", 12), ("30112", 1), ("30199", 1.5),
              ("30201", 4), ("30205", 0.5), ("30206", 1.2), ("30207", 0.8), ("30209", 2), ("30211", 3),
              ("30213", 2), ("30215", 0.5), ("30216", 1), ("30217", 0.4), ("30226", 3), ("30227", 3),
              ("30228", 2), ("30229", 1.5), ("30231", 2.5), ("30239", 4), ("30299", 2), ("31002", 1.2)],
    "inst": [("30101", 24), ("30102", 6), ("30107", 30), ("30112", 1), ("30199", 1), ("30201", 2),
             ("30205", 1), ("30206", 2.5), ("30207", 0.5), ("30209", 1.5), ("30211", 1), ("30213", 2),
             ("30216", 0.8), ("30218", 3), ("30226", 2), ("30228", 1.5), ("30229", 1), ("30299", 1),
             ("31002", 1), ("31003", 1.2)],
    "pension": [("30108", 1)],
    "occupational": [("30109", 1)],
    "retired": [("30301", 6), ("30302", 86), ("30305", 8)],
    "med_admin": [("30110", 88), ("30111", 12)],
    "med": [("30110", 1)],
    "cs_med": [("30111", 1)],
    "housing": [("30113", 1)],
    # project spending
    "proj": [("30201", 8), ("30202", 3), ("30211", 5), ("30215", 3), ("30216", 6), ("30226", 18),
             ("30227", 35), ("30299", 12), ("31002", 10)],
    "infra": [("31005", 82), ("30227", 12), ("30299", 6)],
    "relief": [("30305", 72), ("30306", 20), ("30399", 8)],
    "agri": [("30310", 55), ("31204", 25), ("30227", 20)],
    "culture": [("30226", 30), ("30227", 38), ("30299", 17), ("31002", 8), ("31003", 7)],
    "health": [("30227", 45), ("30218", 20), ("30299", 15), ("31003", 10), ("30226", 10)],
    "edu": [("30201", 5), ("30218", 15), ("30226", 10), ("30227", 15), ("30299", 10), ("30308", 15),
            ("31002", 10), ("31003", 10), ("31006", 10)],
    "welfare_lottery": [("30399", 50), ("31003", 30), ("30227", 20)],
    "sport_lottery": [("31003", 60), ("30227", 40)],
    "enterprise": [("31204", 1)],
}
PROFILES["admin_car"] = PROFILES["admin"] + [("31013", 4.2)]


def I(code, **kw):
    """One 项 of a department. Amounts in 万元 (approximate; jittered by the generator)."""
    kw["code"] = code
    return kw


DEPARTMENTS = [
    dict(name="qingxi-jiaoyu-2024", set="gk10-2024", department="青溪县教育局", year=2024, quantum=1,
         items=[
             I("2050101", gb=420, bp="admin"),
             I("2050102", gp=85, pp="proj"),
             I("2050199", gp=36, pp="proj"),
             I("2050201", gp=610, np=95, og=80, cg=50, pp="edu", inc={"service": 95}),
             I("2050202", gb=5200, gp=880, nb=120, cg=30, bp="inst", pp="edu", inc={"other": 25, "upper_subsidy": 60}),
             I("2050203", gb=3900, gp=640, bp="inst", pp="edu"),
             I("2050204", gb=2100, gp=300, nb=760, np=150, bp="inst", pp="edu", inc={"service": 900}),
             I("2050302", gb=780, gp=120, nb=90, bp="inst", pp="edu", inc={"service": 90, "other": 4}),
             I("2080501", gb=65, bp="retired"),
             I("2080502", gb=310, bp="retired"),
             I("2080505", gb=1380, bp="pension"),
             I("2080506", gb=560, bp="occupational"),
             I("2101101", gb=28, bp="med_admin"),
             I("2101102", gb=620, bp="med"),
             I("2210201", gb=1150, bp="housing"),
             I("2296004", fp=48, of=12, cf=5, pp="edu"),
         ],
         used_surplus=30, distribution=12, open_n=180,
         procurement=(1460, 0, 385), running_row=5,
         vehicles={10: 0, 11: 1, 13: 2, 15: 1}, equipment=0,
         sangong_budget_extra=(0, 0, 2.5, 1.0)),
    dict(name="yunling-weijian-2024", set="gk10-2024", department="云岭市卫生健康委员会", year=2024, quantum=YUAN100,
         items=[
             I("2100101", gb=680, bp="admin"),
             I("2100102", gp=120, su=35, pp="proj", inc={"other": 35}),
             I("2100199", gp=75, pp="proj"),
             I("2100401", gb=1450, gp=260, nb=180, bp="inst", pp="health", inc={"service": 180}),
             I("2100402", gb=420, bp="inst"),
             I("2100403", gb=980, nb=2300, np=150, bp="inst", pp="health",
               inc={"service": 2400, "other": 30, "affiliate_remit": 12}),
             I("2100408", gp=3600, og=210, cg=340, pp="health"),
             I("2100409", gp=540, pp="health"),
             I("2100717", gp=820, pp="relief"),
             I("2080501", gb=90, bp="retired"),
             I("2080505", gb=640, bp="pension"),
             I("2080506", gb=250, bp="occupational"),
             I("2101101", gb=45, bp="med"),
             I("2101102", gb=310, bp="med"),
             I("2101103", gb=20, bp="cs_med"),
             I("2210201", gb=520, bp="housing"),
         ],
         used_surplus=0, distribution=0, open_n=260,
         procurement=(820, 150, 640), running_row=5,
         vehicles={9: 1, 10: 1, 11: 3, 13: 4, 15: 1}, equipment=6,
         sangong_budget_extra=(0, 0, 3.0, 1.5)),
    dict(name="nanhe-nongye-2024", set="gk10-2024", department="南河县农业农村局", year=2024, quantum=1,
         items=[
             I("2130101", gb=520, bp="admin_car"),
             I("2130102", gp=64, pp="proj"),
             I("2130104", gb=760, nb=40, bp="inst", inc={"service": 40, "other": 8}),
             I("2130106", gp=95, pp="proj"),
             I("2130108", gp=130, pp="proj"),
             I("2130109", gp=58, pp="proj"),
             I("2130122", gp=1850, pp="agri"),
             I("2130153", gp=2600, og=400, cg=250, pp="infra"),
             I("2130504", gp=900, pp="infra"),
             I("2080501", gb=52, bp="retired"),
             I("2080505", gb=190, bp="pension"),
             I("2080506", gb=76, bp="occupational"),
             I("2101101", gb=24, bp="med_admin"),
             I("2101102", gb=33, bp="med"),
             I("2210201", gb=150, bp="housing"),
             I("2120804", fp=1300, of=260, cf=180, pp="infra"),
             I("2230105", sp=36.5, cs=3.5, pp="enterprise"),
         ],
         used_surplus=0, distribution=0, open_n=15,
         procurement=(236, 1980, 412), running_row=6,
         vehicles={11: 1, 12: 3, 13: 1}, equipment=1,
         sangong_budget_extra=(0, 1.0, 2.0, 0.8)),
    dict(name="baisha-nongye-2023", set="sc13-2023", department="白沙区农业农村局", year=2023, quantum=1,
         items=[
             I("2130101", gb=380, bp="admin"),
             I("2130104", gb=420, bp="inst"),
             I("2130106", gp=60, pp="proj"),
             I("2130108", gp=88, pp="proj"),
             I("2130122", gp=940, pp="agri"),
             I("2130148", gp=120, og=30, pp="agri"),
             I("2130199", gp=45, pp="proj"),
             I("2130505", gp=650, cg=70, pp="infra"),
             I("2080505", gb=110, bp="pension"),
             I("2080506", gb=44, bp="occupational"),
             I("2101101", gb=18, bp="med_admin"),
             I("2101102", gb=21, bp="med"),
             I("2210201", gb=84, bp="housing"),
             I("2120804", fp=480, of=60, cf=90, pp="infra"),
         ],
         used_surplus=0, distribution=0, open_n=0, sangong_budget_extra=(0, 0, 1.5, 0.5)),
    dict(name="qingyi-minzheng-2023", set="sc13-2023", department="青衣县民政局", year=2023, quantum=YUAN100,
         items=[
             I("2080201", gb=310, bp="admin"),
             I("2080202", gp=45, pp="proj"),
             I("2080208", gp=280, pp="proj"),
             I("2081002", gp=620, pp="relief"),
             I("2081004", gp=150, pp="proj"),
             I("2081005", gb=260, nb=35, bp="inst", inc={"service": 38}),
             I("2081006", gp=380, og=60, pp="proj"),
             I("2081901", gp=1650, pp="relief"),
             I("2081902", gp=3900, pp="relief"),
             I("2082001", gp=420, pp="relief"),
             I("2082102", gp=1100, cg=45, pp="relief"),
             I("2080501", gb=40, bp="retired"),
             I("2080505", gb=120, bp="pension"),
             I("2080506", gb=48, bp="occupational"),
             I("2101101", gb=14, bp="med_admin"),
             I("2210201", gb=65, bp="housing"),
             I("2296002", fp=230, of=40, cf=25, pp="welfare_lottery"),
         ],
         used_surplus=0, distribution=0, open_n=6, sangong_budget_extra=(0, 0, 1.0, 0.6)),
    dict(name="linxi-wenlv-2023", set="sc13-2023", department="临溪市文化广播电视和旅游局", year=2023, quantum=1,
         items=[
             I("2070101", gb=560, bp="admin"),
             I("2070102", gp=70, pp="proj"),
             I("2070104", gb=380, gp=60, bp="inst", pp="culture"),
             I("2070108", gp=210, pp="culture"),
             I("2070109", gb=290, gp=140, bp="inst", pp="culture"),
             I("2070112", gp=55, pp="proj"),
             I("2070199", gp=90, og=20, pp="culture"),
             I("2070204", gp=420, cg=85, pp="infra"),
             I("2070205", gb=330, gp=80, nb=22, bus=7, bp="inst", pp="culture",
               inc={"service": 25, "operating": 8, "other": 6}),
             I("2070308", gp=160, pp="culture"),
             I("2080501", gb=70, bp="retired"),
             I("2080505", gb=210, bp="pension"),
             I("2080506", gb=84, bp="occupational"),
             I("2101101", gb=25, bp="med_admin"),
             I("2101102", gb=38, bp="med"),
             I("2210201", gb=160, bp="housing"),
             I("2296003", fp=75, of=10, pp="sport_lottery"),
         ],
         used_surplus=4, distribution=1.5, open_n=20, sangong_budget_extra=(0, 0, 2.0, 1.2)),
]

# ---------------------------------------------------------------------------------------------
# money model (integer cents)
# ---------------------------------------------------------------------------------------------


class Money:
    def __init__(self, rng, quantum):
        self.rng, self.quantum = rng, quantum

    def __call__(self, wan, jitter=True):
        if not wan:
            return 0
        f = self.rng.uniform(0.93, 1.07) if jitter else 1.0
        cents = int(round(wan * WAN * f)) + (self.rng.randint(0, 99) if jitter else 0)
        return max(self.quantum, (cents // self.quantum) * self.quantum) if self.quantum > 1 else cents


def allocate(total, profile, quantum, rng):
    """Split `total` cents over the profile's codes (largest remainder, in quanta)."""
    if total == 0:
        return {}
    w = [(c, x * rng.uniform(0.85, 1.15)) for c, x in profile]
    s = sum(x for _, x in w)
    units = total // quantum
    assert units * quantum == total
    raw = [(c, units * x / s) for c, x in w]
    out = {c: int(v) for c, v in raw}
    rest = units - sum(out.values())
    for c, v in sorted(raw, key=lambda cv: -(cv[1] - int(cv[1])))[:rest]:
        out[c] += 1
    res = {}
    for c, v in out.items():
        if v:
            res[c] = res.get(c, 0) + v * quantum
    return res


def fmt_wan(cents):
    return str((Decimal(cents) / WAN).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def tree_rows(leaves):
    """leaves: {7-digit code: {col: cents}} → [(code, {col: cents})] depth first with 类 / 款 sums."""
    sums = {}
    for code, vals in leaves.items():
        for parent in (code[:3], code[:5], code):
            d = sums.setdefault(parent, {})
            for k, v in vals.items():
                d[k] = d.get(k, 0) + v
    return [(c, sums[c]) for c in sorted(sums, key=lambda c: (c[:3], c[:5] if len(c) > 3 else "", len(c), c))]


def nonzero(vals):
    return any(v for v in vals.values())


def build_model(dep, rng):
    q = dep["quantum"]
    money = Money(rng, q)
    items = []
    for spec in dep["items"]:
        it = {"code": spec["code"]}
        for k in ("gb", "gp", "fb", "fp", "sb", "sp", "nb", "np", "su", "bus", "og", "cg", "of", "cf", "os", "cs"):
            it[k] = money(spec.get(k, 0))
        it["inc_n"] = {k: money(v) for k, v in spec.get("inc", {}).items()}
        it["inc_g"] = it["gb"] + it["gp"] + it["cg"] - it["og"]
        it["inc_f"] = it["fb"] + it["fp"] + it["cf"] - it["of"]
        it["inc_s"] = it["sb"] + it["sp"] + it["cs"] - it["os"]
        assert min(it["inc_g"], it["inc_f"], it["inc_s"]) >= 0, it
        it["bp"], it["pp"] = spec.get("bp"), spec.get("pp")
        items.append(it)
    m = {"items": items, "quantum": q}
    m["used"] = money(dep["used_surplus"])
    m["dist"] = money(dep["distribution"])
    m["open_n"] = money(dep["open_n"])
    inc_n = sum(sum(it["inc_n"].values()) for it in items)
    exp_n = sum(it["nb"] + it["np"] + it["su"] + it["bus"] for it in items)
    close_n = inc_n + m["used"] + m["open_n"] - exp_n - m["dist"]
    if close_n < 0:
        m["open_n"] += -close_n + money(5)
        close_n = inc_n + m["used"] + m["open_n"] - exp_n - m["dist"]
    m["close_n"] = close_n
    # economic breakdowns (general basic / general project / fund project / state-capital project)
    econ = {k: {} for k in ("gb", "gp", "fb", "fp", "sb", "sp")}
    for it in items:
        for k, prof in (("gb", it["bp"]), ("gp", it["pp"]), ("fp", it["pp"]), ("sp", it["pp"])):
            if it[k]:
                for c, v in allocate(it[k], PROFILES[prof], q, rng).items():
                    econ[k][c] = econ[k].get(c, 0) + v
    m["econ"] = econ
    # 三公 (actual = the basic-expenditure 款; budget a little above)
    act = {"abroad": econ["gb"].get("30212", 0), "vehicle_purchase": econ["gb"].get("31013", 0),
           "vehicle_operation": econ["gb"].get("30231", 0), "reception": econ["gb"].get("30217", 0)}
    extra = dep["sangong_budget_extra"]
    bud = {}
    for (k, a), e in zip(act.items(), extra):
        bud[k] = 0 if a == 0 and e == 0 else ((a + int(e * WAN)) // (WAN // 10) + 1) * (WAN // 10)
    for d in (act, bud):
        d["vehicle_subtotal"] = d["vehicle_purchase"] + d["vehicle_operation"]
        d["total"] = d["abroad"] + d["vehicle_subtotal"] + d["reception"]
    m["sangong"] = {"budget": bud, "actual": act}
    if "procurement" in dep:
        m["procurement"] = [money(x) for x in dep["procurement"]]
    return m


# ---------------------------------------------------------------------------------------------
# tables of a department (values in cents; counts as plain integers)
# ---------------------------------------------------------------------------------------------


def R(key, label, code=None, line=None, values=None, **extra):
    r = {"key": key, "label": label, "code": code, "line": None if line is None else str(line),
         "values": values or {}}
    r.update(extra)
    return r


def coded_rows(leaves, keep=nonzero):
    rows_ = [(c, v) for c, v in tree_rows({c: v for c, v in leaves.items() if keep(v)})]
    total = {}
    for c, v in rows_:
        if len(c) == 3:
            for k, x in v.items():
                total[k] = total.get(k, 0) + x
    return [R("合计", "合计", values=total)] + [R(c, FUNC[c], code=c, values=v) for c, v in rows_]


def make_tables(dep, m):
    S = dep["set"]
    items = m["items"]
    T = {}
    # 02 income by function
    lv = {}
    for it in items:
        v = {"appropriation": it["inc_g"] + it["inc_f"] + it["inc_s"]}
        for src in ("upper_subsidy", "service", "operating", "affiliate_remit", "other"):
            v[src] = it["inc_n"].get(src, 0)
        v["total"] = sum(v.values())
        lv[it["code"]] = v
    T["02"] = coded_rows(lv)
    # 03 expenditure by function
    lv = {}
    for it in items:
        v = {"basic": it["gb"] + it["fb"] + it["sb"] + it["nb"], "project": it["gp"] + it["fp"] + it["sp"] + it["np"],
             "remit_upper": 0, "business": it["bus"], "subsidy_units": it["su"]}
        v["total"] = sum(v.values())
        lv[it["code"]] = v
    T["03"] = coded_rows(lv)
    exp_by_class = {}
    for it in items:
        d = exp_by_class.setdefault(it["code"][:3], {"total": 0, "general": 0, "fund": 0, "state_capital": 0})
        g, f, s = it["gb"] + it["gp"], it["fb"] + it["fp"], it["sb"] + it["sp"]
        n = it["nb"] + it["np"] + it["su"] + it["bus"]
        d["general"] += g
        d["fund"] += f
        d["state_capital"] += s
        d["total"] += g + f + s + n     # 01表 class amount (all funds); 04 uses g + f + s
    # 01 summary
    inc = [sum(it["inc_g"] for it in items), sum(it["inc_f"] for it in items), sum(it["inc_s"] for it in items)]
    for src in ("upper_subsidy", "service", "operating", "affiliate_remit", "other"):
        inc.append(sum(it["inc_n"].get(src, 0) for it in items))
    open_g = sum(it["og"] for it in items)
    open_f = sum(it["of"] for it in items)
    open_s = sum(it["os"] for it in items)
    close_g = sum(it["cg"] for it in items)
    close_f = sum(it["cf"] for it in items)
    close_s = sum(it["cs"] for it in items)
    inc_total = sum(inc)
    opening = open_g + open_f + open_s + m["open_n"]
    closing = close_g + close_f + close_s + m["close_n"]
    exp_total = sum(d["total"] for d in exp_by_class.values())
    rows = []
    lab28 = "使用非财政拨款结余（含专用结余）" if S == "gk10-2024" else "使用非财政拨款结余"
    for n in range(1, 32):
        v = {}
        if n <= 8:
            label, v = INCOME01[n - 1], {"income.amount": inc[n - 1]}
        elif n == 27:
            label, v = "本年收入合计", {"income.amount": inc_total}
        elif n == 28:
            label, v = lab28, {"income.amount": m["used"]}
        elif n == 29:
            label, v = "年初结转和结余", {"income.amount": opening}
        elif n == 31:
            label, v = "总计", {"income.amount": inc_total + m["used"] + opening}
        else:
            label = ""
        rows.append(R("income:%d" % n, label, line=n, values=v))
    for n in range(32, 63):
        v = {}
        if n <= 57:
            label, code = CLASSES[n - 32]
            v = {"expenditure.amount": exp_by_class.get(code, {}).get("total", 0)}
        elif n == 58:
            label, v = "本年支出合计", {"expenditure.amount": exp_total}
        elif n == 59:
            label, v = "结余分配", {"expenditure.amount": m["dist"]}
        elif n == 60:
            label, v = "年末结转和结余", {"expenditure.amount": closing}
        elif n == 62:
            label, v = "总计", {"expenditure.amount": exp_total + m["dist"] + closing}
        else:
            label = ""
        rows.append(R("expenditure:%d" % n, label, line=n, values=v))
    assert rows[30]["values"]["income.amount"] == rows[61]["values"]["expenditure.amount"]
    T["01"] = rows
    # 04 appropriation summary
    rows = []
    lab04 = ["一、一般公共预算财政拨款", "二、政府性基金预算财政拨款", "三、国有资本经营预算财政拨款"]
    for n in range(1, 33):
        v = {}
        if n <= 3:
            label, v = lab04[n - 1], {"income.amount": inc[n - 1]}
        elif n == 27:
            label, v = "本年收入合计", {"income.amount": sum(inc[:3])}
        elif n == 28:
            label, v = "年初财政拨款结转和结余", {"income.amount": open_g + open_f + open_s}
        elif n in (29, 30, 31):
            label = lab04[n - 29][2:]
            v = {"income.amount": (open_g, open_f, open_s)[n - 29]}
        elif n == 32:
            label, v = "总计", {"income.amount": sum(inc[:3]) + open_g + open_f + open_s}
        else:
            label = ""
        rows.append(R("income:%d" % n, label, line=n, values=v))
    keys = ["general", "fund", "state_capital"]
    tot_exp = {k: sum(exp_by_class[c][k] for c in exp_by_class) for k in keys}
    close = dict(zip(keys, (close_g, close_f, close_s)))
    for n in range(33, 65):
        v = {}
        if n <= 58:
            label, code = CLASSES[n - 33]
            d = exp_by_class.get(code, {})
            v = {"expenditure." + k: d.get(k, 0) for k in keys}
        elif n == 59:
            label = "本年支出合计"
            v = {"expenditure." + k: tot_exp[k] for k in keys}
        elif n == 60:
            label = "年末财政拨款结转和结余"
            v = {"expenditure." + k: close[k] for k in keys}
        elif n == 64:
            label = "总计"
            v = {"expenditure." + k: tot_exp[k] + close[k] for k in keys}
        else:
            label = ""
        if v:
            v["expenditure.total"] = sum(v.values())
        rows.append(R("expenditure:%d" % n, label, line=n, values=v))
    assert rows[31]["values"]["income.amount"] == rows[63]["values"]["expenditure.total"]
    T["04"] = rows
    # general budget by function
    lv = {it["code"]: {"subtotal": it["gb"] + it["gp"], "basic": it["gb"], "project": it["gp"]} for it in items}
    gen = coded_rows(lv)
    # government fund
    lv = {}
    for it in items:
        lv[it["code"]] = {"opening": it["of"], "income": it["inc_f"], "expenditure.subtotal": it["fb"] + it["fp"],
                          "expenditure.basic": it["fb"], "expenditure.project": it["fp"], "closing": it["cf"]}
    fund = coded_rows(lv)
    # state capital
    lv = {it["code"]: {"total": it["sb"] + it["sp"], "basic": it["sb"], "project": it["sp"]} for it in items}
    scx = coded_rows(lv)
    lv = {it["code"]: {"opening": it["os"], "income": it["inc_s"], "expenditure": it["sb"] + it["sp"],
                       "closing": it["cs"]} for it in items}
    scie = coded_rows(lv)
    # basic expenditure by economic class (triplets)
    eb = m["econ"]["gb"]
    groups = GK_06 if S == "gk10-2024" else SC_08

    def econ_sum(code, src):
        if len(code) == 3:
            return sum(v for c, v in src.items() if c[:3] == code)
        return src.get(code, 0)

    trip = []
    for k, grp in enumerate(groups):
        for code, label in grp:
            v = {}
            if not (S == "gk10-2024" and code in GK_06_NA):
                v = {"amount": econ_sum(code, eb)}
            trip.append(R(code, label, code=code, values=v, triplet=k + 1,
                          group="人员经费" if k == 0 else "公用经费"))
    listed = {c for g in groups for c, _ in g}
    assert set(eb) <= listed, set(eb) - listed
    personnel = sum(v for c, v in eb.items() if c[:3] in ("301", "303"))
    public = sum(v for c, v in eb.items() if c[:3] not in ("301", "303"))
    trip.append(R("人员经费合计", "人员经费合计", values={"amount": personnel}, footer=True))
    trip.append(R("公用经费合计", "公用经费合计", values={"amount": public}, footer=True))
    # 三公
    sg = m["sangong"]
    sangong = [R("data", "", values={"%s.%s" % (side, k): sg[side][k] for side in ("budget", "actual")
                                     for k in SANGONG_KEYS})]
    if S == "gk10-2024":
        T["05"], T["06"], T["07"], T["08"], T["09"] = gen, trip, fund, scx, sangong
        # 10 statistics
        p = m["procurement"]
        vals = {1: sum(p), 2: p[0], 3: p[1], 4: p[2], 5: 0, 6: 0}
        vals[dep["running_row"]] = public
        veh = dep["vehicles"]
        counts = {n: veh.get(n, 0) for n in range(8, 16)}
        counts[7] = sum(counts.values())
        counts[17] = dep["equipment"]
        rows = []
        for kind, *rest in STATS_BODY:
            if kind != "row":
                continue
            n, label = rest
            if n <= 6:
                rows.append(R(str(n), label, line=n, values={"amount": vals[n]}))
            else:
                rows.append(R(str(n), label, line=n, values={"amount": counts[n]}, quantity="count"))
        T["10"] = rows
    else:
        # 05 appropriation by economic class × fund
        ec = m["econ"]
        rows = []
        tot = {k: 0 for k in SC_05_COLS}
        per = {}
        for code, label in SC_ECON:
            v = {}
            for fund_, b, p_ in (("general", "gb", "gp"), ("fund", "fb", "fp"), ("state_capital", "sb", "sp")):
                src_code = "31299" if code == "312099" else code
                bv, pv = econ_sum(src_code, ec[b]), econ_sum(src_code, ec[p_])
                v[fund_ + ".basic"], v[fund_ + ".project"], v[fund_ + ".subtotal"] = bv, pv, bv + pv
            v["total"] = v["general.subtotal"] + v["fund.subtotal"] + v["state_capital.subtotal"]
            per[code] = v
            if len(code) == 3:
                for k in SC_05_COLS:
                    tot[k] += v[k]
        used = set().union(*[set(ec[k]) for k in ec])
        assert used <= {c if c != "31299" else "312099" for c, _ in SC_ECON} | {"31299"}, used
        rows.append(R("合计", "合计", line=1, values=tot))
        for n, (code, label) in enumerate(SC_ECON, start=2):
            for k in sc05_na(code):
                assert per[code][k] == 0, (code, k)
                del per[code][k]
            rows.append(R(code, label, code=code, line=n, values=per[code]))
        T["05"] = rows
        T["06"] = gen
        rows = [R("合计", "合计", values={"total": tot["general.subtotal"], "basic": tot["general.basic"],
                                      "project": tot["general.project"]})]
        for code, label in SC_ECON:
            v = {"total": per[code].get("general.subtotal", 0), "basic": per[code].get("general.basic", 0),
                 "project": per[code].get("general.project", 0)}
            for k in sc07_na(code):
                assert v[k] == 0
                del v[k]
            rows.append(R(code, label, code=code, values=v))
        T["07"] = rows
        T["08"] = trip
        lv = {it["code"]: {"income": it["gp"] + it["cg"] - it["og"], "expenditure": it["gp"]} for it in items}
        T["09"] = coded_rows(lv)
        T["10"], T["11"], T["12"], T["13"] = fund, scie, scx, sangong
    # not-applicable cells
    na = {tid: [] for tid in T}
    if S == "gk10-2024":
        for r in T["06"]:
            if r["code"] in GK_06_NA:
                na["06"].append((r["key"], "amount"))
    else:
        for r in T["05"]:
            if r["code"]:
                na["05"] += [(r["key"], k) for k in sc05_na(r["code"])]
        for r in T["07"]:
            if r["code"]:
                na["07"] += [(r["key"], k) for k in sc07_na(r["code"])]
    return T, na


def table_is_empty(tid, rows):
    return all(not nonzero(r["values"]) for r in rows)


# ---------------------------------------------------------------------------------------------
# drawing styles (the quirks)
# ---------------------------------------------------------------------------------------------

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center")
RIGHT = Alignment(horizontal="right", vertical="center")

FW_TABLE = str.maketrans({"(": "（", ")": "）", "（": "(", "）": ")"})
FW_DIGITS = str.maketrans("0123456789.", "０１２３４５６７８９．")


def fullwidth_label(s):
    """Hand-typed labels: brackets swapped full ↔ half width, list numbers in full-width digits."""
    if not s:
        return s
    s = s.translate(FW_TABLE)
    m = re.match(r"^(\d+)\. ?(.*)$", s)
    if m:
        s = m.group(1).translate(FW_DIGITS) + "．" + m.group(2)
    s = re.sub(r"^（([一二三四五六七八九十]+)） ?", r"（\1）", s)
    s = re.sub(r"100万元", "１００万元", s)
    return s


def odd_wrap(s):
    """Break a header label at an odd place, as typed with Alt+Enter."""
    if len(s) < 4 or "\n" in s:
        return s
    p = 2 + sum(map(ord, s)) % (len(s) - 3)
    return s[:p] + "\n" + s[p:]


class Style:
    def __init__(self, **kw):
        self.unit = "万元"            # 万元 | 元
        self.unit_text = None         # overrides "<label>：<unit>"
        self.title = "plain"          # plain | numbered | year_front | dept_front | dept_row
        self.year_line = True         # gk10 only
        self.dept_line = True
        self.key_rows = "one"         # one | separate (in the form's printed order)
        self.amounts = "number"       # number | text
        self.zero = None              # None | "-" | "0.00" | 0 | "mix"
        self.codes = "text"           # text | number | merged
        self.wrap = False
        self.unmerge = None           # None | "repeat_h" | "blank_v"
        self.fullwidth = False
        self.hidden_inside = None     # table column index before which a hidden empty column sits
        self.check_col = False        # hidden "校验" column right of the code tables
        self.note_block = False       # unrelated note block above, table at C5
        self.pad_every = 0            # text amounts: every n-th padded with spaces
        self.__dict__.update(kw)
        self.counter = 0


NOTE_BLOCK = {
    "nanhe-nongye-2024": ["工作底稿：本表由计划财务股根据决算软件导出数据整理，仅供内部核对，请勿外传。",
                          "经办人：赵敏    复核：孙立新    报送日期：2025年3月12日"],
    "linxi-wenlv-2023": ["内部核对用：本页数据与部门决算报表软件一致后再打印盖章。",
                         "核对人：周晓岚    财务科"],
}

# ---------------------------------------------------------------------------------------------
# renderer
# ---------------------------------------------------------------------------------------------


class Drawn:
    """Where a table landed: cells of every (row key, column key), and the extent."""

    def __init__(self, sheet, tid):
        self.sheet, self.tid = sheet, tid
        self.cells = {}
        self.na_cells = {}
        self.title_cell = None
        self.top = self.left = self.bottom = self.right = None
        self.key_lines = []
        self.printed_title = None
        self.printed_code = None


def draw_table(ws, tdef, rows, na, dep, style, top, left, empty):
    """Draw one table with its title area from (top, left); return Drawn (bottom = last used row)."""
    width = tdef["width"]
    kind = tdef["kind"]
    d = Drawn(ws.title, tdef["id"])
    hid = style.hidden_inside
    extra_right = 1 if (style.check_col and kind == "coded") else 0

    def C(i):
        return left + i + (1 if hid is not None and i >= hid else 0)

    span_right = C(width - 1) + extra_right

    def cell(r, i):
        return ws.cell(row=r, column=C(i))

    def merge(r1, i1, r2, i2, right=None):
        c2 = right if right is not None else C(i2)
        if (r1, C(i1)) != (r2, c2):
            ws.merge_cells(start_row=r1, start_column=C(i1), end_row=r2, end_column=c2)

    r = top
    if style.note_block:
        for line in NOTE_BLOCK[dep["name"]]:
            ws.cell(row=r, column=left, value=line).font = Font(italic=True, color="808080")
            r += 1
        r += 2   # two blank rows
    S = dep["set"]
    dept, year = dep["department"], dep["year"]
    # title area
    title = tdef["title"] if S == "sc13-2023" else tdef["plain_title"]
    if style.title == "numbered":
        title = NUMERALS[int(tdef["id"]) - 1] + "、" + tdef["plain_title"]
    elif style.title == "plain":
        title = tdef["plain_title"] if S == "sc13-2023" else title
    elif style.title == "year_front":
        title = "%d年度%s" % (year, title)
    elif style.title == "dept_front":
        title = dept + title
    if style.title == "dept_row":
        c = cell(r, 0)
        c.value = dept
        c.font = Font(bold=True, size=14)
        c.alignment = Alignment(horizontal="center")
        merge(r, 0, r, width - 1, span_right)
        r += 1
    d.title_cell = cell(r, 0).coordinate
    d.printed_title = title
    c = cell(r, 0)
    c.value = title
    c.font = Font(bold=True, size=16)
    c.alignment = Alignment(horizontal="center", vertical="center")
    merge(r, 0, r, width - 1, span_right)
    ws.row_dimensions[r].height = 28
    r += 1
    c = cell(r, width - 1)
    c.value = tdef["code"]
    c.alignment = RIGHT
    d.printed_code = tdef["code"]
    r += 1
    unit_text = style.unit_text or "%s：%s" % (tdef["unit_label"], style.unit)
    dept_text = "%s：%s" % (tdef["dept_label"], dept)
    lines = {"department": dept_text if style.dept_line else None,
             "year": "%d年度" % year if (S == "gk10-2024" and style.year_line) else None,
             "unit": unit_text}
    pos = {"department": 0, "year": width // 2, "unit": width - 1}
    order = [k for k in tdef["key_order"] if lines[k]]
    if style.key_rows == "one":
        for k in order:
            c = cell(r, pos[k])
            c.value = lines[k]
            c.alignment = {"department": LEFT, "year": Alignment(horizontal="center"), "unit": RIGHT}[k]
            d.key_lines.append(lines[k])
        r += 1
    else:
        for k in order:
            c = cell(r, pos[k])
            c.value = lines[k]
            c.alignment = {"department": LEFT, "year": Alignment(horizontal="center"), "unit": RIGHT}[k]
            d.key_lines.append(lines[k])
            r += 1
    d.top = top
    d.left = left
    # header
    h0 = r
    merges = []
    for ref in tdef["merges"]:
        m = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", ref)
        ci = lambda s_: sum((ord(ch) - 64) * 26 ** k for k, ch in enumerate(reversed(s_))) - 1
        merges.append((int(m.group(2)) - 1, ci(m.group(1)), int(m.group(4)) - 1, ci(m.group(3))))
    header = [list(x) for x in tdef["header"]]
    skip = []
    if style.unmerge == "repeat_h":
        for (r1, c1, r2, c2) in merges:
            if r1 == r2 and c2 > c1 and header[r1][c1] != "项目":
                for i in range(c1 + 1, c2 + 1):
                    header[r1][i] = header[r1][c1]
                skip.append((r1, c1, r2, c2))
    elif style.unmerge == "blank_v":
        for mg in merges:
            r1, c1, r2, c2 = mg
            if c1 == c2 and r2 > r1 or header[r1][c1] == "项目":
                skip.append(mg)
    for hi, hrow in enumerate(header):
        for i in range(width):
            c = cell(r, i)
            txt = hrow[i]
            if hi == tdef["number_row"]:
                c.value = int(txt) if txt.isdigit() else (txt or None)
            else:
                if txt and style.wrap:
                    txt = odd_wrap(txt)
                if txt and style.fullwidth:
                    txt = txt.translate(FW_TABLE)
                c.value = txt or None
                c.font = Font(bold=True)
            c.alignment = CENTER
            c.border = BORDER
        if extra_right and hi == 0:
            c = ws.cell(row=r, column=span_right, value="校验")
            c.alignment = CENTER
        ws.row_dimensions[r].height = 42 if style.wrap else 24
        r += 1
    for mg in merges:
        if mg in skip:
            continue
        r1, c1, r2, c2 = mg
        merge(h0 + r1, c1, h0 + r2, c2)
    body0 = r

    # value writing
    def put(rr, i, row, key, labelled=True, count=False):
        c = cell(rr, i)
        v = row["values"].get(key, 0)
        d.cells[(row["key"], key)] = c.coordinate
        if (row["key"], key) in na:
            c.value = "——"
            c.alignment = Alignment(horizontal="center")
            d.na_cells[(row["key"], key)] = c.coordinate
            return
        if count:
            if v:
                c.value = int(v)
                c.number_format = "0"
            elif style.zero == 0 and labelled and not empty:
                c.value = 0
                c.number_format = "0"
            c.alignment = RIGHT
            return
        if v:
            write_amount(c, v, style)
        elif labelled and not empty:
            write_zero(c, style)
        c.alignment = RIGHT

    def put_code(rr, i, code, name, merged_ok=True):
        c = cell(rr, i)
        if style.codes == "merged" and merged_ok:
            c.value = "%s %s" % (code, label_text(name))
            merge(rr, i, rr, i + 1)
            return False
        if style.codes == "number":
            c.value = int(code)
            c.number_format = "0"
        else:
            c.value = code
            c.number_format = "@"
        c.alignment = LEFT
        return True

    def label_text(s):
        return fullwidth_label(s) if style.fullwidth else s

    if kind == "pair":
        inc = [x for x in rows if x["key"].startswith("income:")]
        exp = [x for x in rows if x["key"].startswith("expenditure:")]
        ek = [cdef["key"] for cdef in tdef["columns"] if cdef["key"].startswith("expenditure.")]
        for a, b in zip(inc, exp):
            for rec, lab, ln, vals in ((a, 0, 1, {2: "income.amount"}),
                                       (b, 3, 4, {5 + i: k for i, k in enumerate(ek)})):
                c = cell(r, lab)
                c.value = label_text(rec["label"]) or None
                c.alignment = LEFT
                c = cell(r, ln)
                c.value = int(rec["line"])
                c.alignment = Alignment(horizontal="center")
                for i, k in vals.items():
                    put(r, i, rec, k, labelled=bool(rec["label"]))
            border_row(ws, r, [C(i) for i in range(width)])
            r += 1
    elif kind == "coded":
        keys = [cdef["key"] for cdef in tdef["columns"]]
        first = 3 if tdef["line_col"] else 2
        for rec in rows:
            if rec["key"] == "合计":
                c = cell(r, 0)
                c.value = "合计"
                c.alignment = Alignment(horizontal="center")
                if style.codes == "merged":
                    merge(r, 0, r, 1)
            else:
                if put_code(r, 0, rec["code"], rec["label"]):
                    c = cell(r, 1)
                    c.value = label_text(rec["label"])
                    c.alignment = LEFT
            if tdef["line_col"]:
                c = cell(r, 2)
                c.value = int(rec["line"])
                c.alignment = Alignment(horizontal="center")
            for i, k in enumerate(keys):
                put(r, first + i, rec, k)
            if extra_right and nonzero(rec["values"]):
                ws.cell(row=r, column=span_right, value=0)
            border_row(ws, r, [C(i) for i in range(width)])
            r += 1
    elif kind == "sangong":
        keys = [cdef["key"] for cdef in tdef["columns"]]
        for rec in rows:
            for i, k in enumerate(keys):
                put(r, i, rec, k)
            border_row(ws, r, [C(i) for i in range(width)])
            r += 1
    elif kind == "stats":
        by_line = {x["line"]: x for x in rows}
        for item in STATS_BODY:
            if item[0] == "heading":
                c = cell(r, 0)
                c.value = item[1]
                c.font = Font(bold=True)
                c.alignment = LEFT
                merge(r, 0, r, width - 1)
            elif item[0] == "literal":
                for i, txt in enumerate(item[1]):
                    c = cell(r, i)
                    c.value = txt or None
                    c.font = Font(bold=True)
                    c.alignment = CENTER
            else:
                rec = by_line[str(item[1])]
                c = cell(r, 0)
                c.value = label_text(rec["label"])
                c.alignment = LEFT
                c = cell(r, 1)
                c.value = int(rec["line"])
                c.alignment = Alignment(horizontal="center")
                put(r, 2, rec, "amount", count=rec.get("quantity") == "count")
            border_row(ws, r, [C(i) for i in range(width)])
            r += 1
    elif kind == "triplets":
        groups = tdef["groups"]
        by_code = {}
        for x in rows:
            if not x.get("footer"):
                by_code[(x["triplet"], x["code"])] = x
        for n in range(tdef["body_rows"]):
            for k, grp in enumerate(groups):
                if n < len(grp):
                    rec = by_code[(k + 1, grp[n][0])]
                    put_code(r, 3 * k, rec["code"], rec["label"], merged_ok=False)
                    c = cell(r, 3 * k + 1)
                    c.value = label_text(rec["label"])
                    c.alignment = LEFT
                    put(r, 3 * k + 2, rec, "amount")
            border_row(ws, r, [C(i) for i in range(width)])
            r += 1
        for label, lc, vc in tdef["footer"]:
            rec = next(x for x in rows if x["key"] == label)
            c = cell(r, lc)
            c.value = label
            c.font = Font(bold=True)
            c.alignment = Alignment(horizontal="center")
            if vc - 1 > lc:
                merge(r, lc, r, vc - 1)
            put(r, vc, rec, "amount")
        border_row(ws, r, [C(i) for i in range(width)])
        r += 1
    d.bottom_body = r - 1
    d.body_top = body0
    d.header_top = h0
    notes = list(tdef["note"]) + ([tdef["empty_note"]] if empty and tdef.get("empty_note") else [])
    for note in notes:
        c = cell(r, 0)
        c.value = note
        c.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        merge(r, 0, r, width - 1, span_right)
        ws.row_dimensions[r].height = 16 * (len(note) // 70 + 1)
        r += 1
    d.notes = notes
    d.bottom = r - 1
    d.right = span_right
    # widths and hidden columns
    widths = col_widths(tdef)
    for i, w in enumerate(widths):
        letter = get_column_letter(C(i))
        if (ws.column_dimensions[letter].width or 0) < w:
            ws.column_dimensions[letter].width = w
    if hid is not None:
        letter = get_column_letter(left + hid)
        ws.column_dimensions[letter].hidden = True
        ws.column_dimensions[letter].width = 3
    if extra_right:
        letter = get_column_letter(span_right)
        ws.column_dimensions[letter].hidden = True
    return d


def border_row(ws, r, cols):
    for cc in cols:
        ws.cell(row=r, column=cc).border = BORDER


def col_widths(tdef):
    k = tdef["kind"]
    if k == "pair":
        return [32, 6, 14] + [32, 6] + [14] * (tdef["width"] - 5)
    if k == "coded":
        return [12 if tdef["line_col"] else 11, 30] + ([6] if tdef["line_col"] else []) + \
            [14] * (tdef["width"] - (3 if tdef["line_col"] else 2))
    if k == "triplets":
        return [9, 24, 11] * (tdef["width"] // 3)
    if k == "sangong":
        return [11] * 12
    return [42, 8, 14]


def amount_text(cents, style):
    """The amount in the workbook's unit, as a Decimal."""
    if style.unit == "元":
        assert cents % YUAN100 == 0, cents
        return Decimal(cents) / 100
    return Decimal(fmt_wan(cents))


def write_amount(c, cents, style):
    v = amount_text(cents, style)
    if style.amounts == "text":
        style.counter += 1
        s = "{:,.2f}".format(v)
        if style.pad_every and style.counter % style.pad_every == 0:
            s = " %s " % s
        c.value = s
    else:
        c.value = int(v) if v == v.to_integral_value() else float(v)
        c.number_format = "#,##0.00"


def write_zero(c, style):
    z = style.zero
    style.counter += 1
    if z is None:
        return
    if z == "mix":
        if style.counter % 3 == 0:
            c.value = 0
        return
    if z == 0:
        c.value = 0
        c.number_format = "#,##0.00"
        return
    c.value = z


# ---------------------------------------------------------------------------------------------
# workbooks of the six departments
# ---------------------------------------------------------------------------------------------

STYLES = {
    "qingxi-jiaoyu-2024": Style(title="year_front", year_line=False, zero="-", wrap=True, hidden_inside=2),
    "yunling-weijian-2024": Style(unit="元", unit_text="单位：元", title="dept_front", dept_line=False, zero=0),
    "nanhe-nongye-2024": Style(title="numbered", amounts="text", zero="0.00", fullwidth=True, unmerge="repeat_h",
                               codes="number", note_block=True, pad_every=5),
    "baisha-nongye-2023": Style(title="plain", codes="merged", zero=None),
    "qingyi-minzheng-2023": Style(title="sc13", unit="元", amounts="text", zero="-", wrap=True, fullwidth=True,
                                  key_rows="separate"),
    "linxi-wenlv-2023": Style(title="dept_row", dept_line=False, unmerge="blank_v", zero="mix", check_col=True),
}

QUIRKS = {
    "qingxi-jiaoyu-2024": [
        "sheets 封面 (cover) and 目录 (lists the ten titles and codes; no table) come first",
        "table sheets named Sheet1 … Sheet10 in an unrelated order (e.g. Sheet4 holds 公开03表)",
        "titles with the year in front (\"2024年度收入支出决算总表\"); no separate 年度 line",
        "header labels broken with line feeds at odd places (\"本年\\n收入合计\")",
        "a hidden, empty column inside every table (3rd table column)",
        "zero amounts of labelled rows written \"-\"",
    ],
    "yunling-weijian-2024": [
        "amounts in 元 (numbers, whole hundreds), unit lines \"单位：元\" instead of \"金额单位：万元\"",
        "department name only in the title (\"云岭市卫生健康委员会收入支出决算总表\"); no 部门名称 line",
        "two tables on one sheet: 01 above 04 (总表), 02 beside 03 (收入支出), 07 above 08 (基金和国资)",
        "zero amounts written as the number 0",
        "07 and 08 without data: blank 合计 row and 说明：本表无数据",
    ],
    "nanhe-nongye-2024": [
        "every table starts at C5, under a two-line note block (C1:C2) and two blank rows",
        "numbered titles in the gk10 set (\"一、收入支出决算总表\" … \"十、部门决算公开相关信息统计表\")",
        "amounts stored as text with thousands separators (\"1,234.56\"; every 5th padded with spaces)",
        "zero amounts of labelled rows written as the text \"0.00\"",
        "科目代码 stored as numbers",
        "horizontal header merges missing: the group label repeated in every cell (收入 | 收入 | 收入)",
        "labels with brackets swapped full/half width and full-width list digits (\"１．副部（省）级…\", \"（一）行政单位\")",
    ],
    "baisha-nongye-2023": [
        "code and name in one cell (\"2130101 行政运行\", merged over the 科目代码 and 科目名称 columns) in every code table",
        "titles without the sc13 numbering (\"收入支出决算总表\")",
        "sheet names unrelated to / misleading about content (\"收入\" holds a table that is not the 收入决算表)",
        "zero amounts blank",
        "11 and 12 without data: blank 合计 row only (as the sc13 set prints it)",
    ],
    "qingyi-minzheng-2023": [
        "amounts in 元 stored as text with thousands separators (\"12,345,600.00\"), unit \"金额单位：元\"",
        "key lines on separate rows, in the form's printed order",
        "header labels broken with line feeds at odd places",
        "labels with brackets swapped full/half width",
        "two tables on one sheet: 09 beside 10, 11 above 12",
        "zero amounts of labelled rows written \"-\"",
    ],
    "linxi-wenlv-2023": [
        "sheets 封面 and 目录 (title list, no tables) first; table sheets named after the titles",
        "department name only in the title area: its own merged row above the title; no 部门 line",
        "some tables (01, 05, 08, 13) start at C5 under a two-line note block and two blank rows",
        "vertical header merges missing (label in the top cell, blank below) and 项目 not merged",
        "hidden 校验 column (zeros) right of every code table",
        "zero amounts: mostly blank, every third written as the number 0",
    ],
}


def sheet_plan(dep, tids):
    """[(sheet name, [(tid, 'v'|'h')...])] in workbook order."""
    name = dep["name"]
    if name == "qingxi-jiaoyu-2024":
        names = ["Sheet1", "Sheet2", "Sheet4", "Sheet3", "Sheet5", "Sheet7", "Sheet6", "Sheet8", "Sheet10", "Sheet9"]
        return [(names[i], [(t, "v")]) for i, t in enumerate(tids)]
    if name == "yunling-weijian-2024":
        return [("总表", [("01", "v"), ("04", "v")]), ("收入支出", [("02", "v"), ("03", "h")]),
                ("一般公共预算", [("05", "v")]), ("基本支出明细", [("06", "v")]),
                ("基金和国资", [("07", "v"), ("08", "v")]), ("三公", [("09", "v")]), ("统计表", [("10", "v")])]
    if name == "nanhe-nongye-2024":
        return [("表%d" % (i + 1), [(t, "v")]) for i, t in enumerate(tids)]
    if name == "baisha-nongye-2023":
        names = ["Sheet1", "财务股", "打印", "新建 Microsoft Excel 工作表", "Sheet2", "收入", "支出", "表五",
                 "2023决算", "汇总", "Sheet3", "备用", "附表"]
        order = list(tids)
        random.Random(SEED + 7).shuffle(order)
        return [(names[i], [(t, "v")]) for i, t in enumerate(order)]
    if name == "qingyi-minzheng-2023":
        out = []
        for t in tids:
            if t == "09":
                out.append(("公开09-10表", [("09", "v"), ("10", "h")]))
            elif t == "11":
                out.append(("公开11-12表", [("11", "v"), ("12", "v")]))
            elif t in ("10", "12"):
                continue
            else:
                out.append(("公开%s表" % t, [(t, "v")]))
        return out
    if name == "linxi-wenlv-2023":
        return [(SC13[t]["plain_title"].replace("“", "").replace("”", "")[:31], [(t, "v")]) for t in tids]
    raise ValueError(name)


def new_workbook():
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "财务科"
    return wb


def cover(wb, dep):
    ws = wb.create_sheet("封面")
    ws.column_dimensions["B"].width = 60
    ws["B3"] = dep["department"]
    ws["B3"].font = Font(bold=True, size=20)
    ws["B5"] = "%d年度部门决算公开" % dep["year"]
    ws["B5"].font = Font(bold=True, size=18)
    ws["B9"] = "（公开版）"
    ws["B12"] = "编报单位：%s（盖章）" % dep["department"]
    ws["B13"] = "单位负责人：            财务负责人：            经办人："
    for a in ("B3", "B5", "B9"):
        ws[a].alignment = Alignment(horizontal="center")


def toc(wb, dep, tids, tables_def):
    ws = wb.create_sheet("目录")
    ws["A1"] = "目  录"
    ws["A1"].font = Font(bold=True, size=16)
    ws.merge_cells("A1:C1")
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A3"], ws["B3"], ws["C3"] = "序号", "报表名称", "表号"
    for i, t in enumerate(tids):
        ws.cell(row=4 + i, column=1, value=i + 1)
        ws.cell(row=4 + i, column=2, value=tables_def[t]["title"])
        ws.cell(row=4 + i, column=3, value=tables_def[t]["code"])
    ws.column_dimensions["B"].width = 48
    ws.column_dimensions["C"].width = 14


def draw_department(dep, T, na):
    S = dep["set"]
    tdefs = SETS[S]
    tids = list(tdefs)
    style = STYLES[dep["name"]]
    wb = new_workbook()
    if dep["name"] in ("qingxi-jiaoyu-2024", "linxi-wenlv-2023"):
        cover(wb, dep)
        toc(wb, dep, tids, tdefs)
    drawn = {}
    for sheet, placements in sheet_plan(dep, tids):
        ws = wb.create_sheet(sheet)
        ws.sheet_view.showGridLines = False
        top, left, prev = 1, 1, None
        for tid, how in placements:
            tdef = tdefs[tid]
            st = style
            if dep["name"] == "linxi-wenlv-2023":
                st.note_block = tid in ("01", "05", "08", "13")
            if st.note_block:
                top, left = 1, 3
            if prev is not None:
                if how == "v":
                    top, left = prev.bottom + 3, prev.left
                else:
                    top, left = prev.top, prev.right + 2
            tna = {x for x in na[tid]}
            empty = table_is_empty(tid, T[tid])
            d = draw_table(ws, tdef, T[tid], tna, dep, st, top, left, empty)
            drawn[tid] = d
            prev = d
        ws.page_setup.orientation = "landscape"
    return wb, drawn


# ---------------------------------------------------------------------------------------------
# expected JSON
# ---------------------------------------------------------------------------------------------


def expected_doc(dep, T, na, drawn):
    S = dep["set"]
    tdefs = SETS[S]
    tables = []
    for tid, tdef in tdefs.items():
        rows = []
        empty = table_is_empty(tid, T[tid])
        src = T[tid]
        if tdef["kind"] == "sangong" and empty and S == "gk10-2024":
            src = []    # the gk10 form prints no data row without data
        for r in src:
            out = {k: v for k, v in r.items() if k != "values"}
            vals = {}
            for k, v in r["values"].items():
                if v:
                    vals[k] = str(v) if r.get("quantity") == "count" else fmt_wan(v)
            out["values"] = vals
            rows.append(out)
        d = drawn[tid]
        tables.append({
            "id": tid, "code": tdef["code"], "title": tdef["title"],
            "printed_title": d.printed_title, "printed_code": d.printed_code,
            "key_lines": d.key_lines,
            "columns": tdef["columns"],
            "rows": rows,
            "notes": d.notes,
            "not_applicable": [{"row": rk, "column": ck, "printed": "——"} for rk, ck in na[tid]],
            "empty": empty,
            "inferred": S == "sc13-2023" and tid == "07",
            "location": {"sheet": d.sheet, "title_cell": d.title_cell,
                         "range": "%s%d:%s%d" % (get_column_letter(d.left), d.top, get_column_letter(d.right),
                                                 d.bottom)},
        })
    style = STYLES[dep["name"]]
    return {
        "schema": SCHEMA, "set": S, "department": dep["department"],
        "year": dep["year"] if S == "gk10-2024" else None, "unit": "万元",
        "source": "invented by Tests/Fixtures/departments/make_departments.py (seed %d)" % SEED,
        "workbook": dep["name"] + ".xlsx", "workbook_unit": style.unit,
        "quirks": QUIRKS[dep["name"]],
        "remarks": ([] if S == "gk10-2024" else
                    ["fiscal year %d is not printed by the sc13 set (the 封面, where present, names it)" % dep["year"]]) +
                   (["sc13 07表 layout is inferred (Mappings/sc13-2023/07, as in dachuan-2023.json)"]
                    if S == "sc13-2023" else []),
        "tables": tables,
    }


# ---------------------------------------------------------------------------------------------
# deterministic save
# ---------------------------------------------------------------------------------------------


def save(wb, path):
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:(created|modified)>)",
                              rb"\g<1>2025-03-20T08:00:00Z\g<3>", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 3, 20, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, data)
    with open(path, "wb") as f:
        f.write(out.getvalue())


def write_json(doc, path):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


# ---------------------------------------------------------------------------------------------
# the two odd workbooks
# ---------------------------------------------------------------------------------------------

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉玉兰"


def unknown_layout(path):
    rng = random.Random(SEED + 99)
    wb = new_workbook()
    ws = wb.create_sheet("12月")
    head = ["序号", "姓名", "科室", "岗位工资", "薪级工资", "津贴补贴", "绩效工资", "应发合计",
            "养老保险", "职业年金", "医疗保险", "住房公积金", "个人所得税", "实发合计"]
    ws["A1"] = "青溪县教育局机关2024年12月工资发放表"
    ws["A1"].font = Font(bold=True, size=16)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(head))
    ws["A1"].alignment = Alignment(horizontal="center")
    ws["A2"] = "单位：元"
    ws.cell(row=2, column=len(head) - 1, value="发放日期：2024年12月15日")
    for i, h in enumerate(head, 1):
        c = ws.cell(row=3, column=i, value=h)
        c.font = Font(bold=True)
        c.alignment = CENTER
        c.border = BORDER
    offices = ["办公室", "计划财务股", "人事股", "基础教育股", "督导室", "安全股"]
    tot = [0] * 11
    for n in range(1, 19):
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        base = [rng.randrange(2100, 4200, 10), rng.randrange(900, 2600, 10), rng.randrange(1200, 2400, 10),
                rng.randrange(1800, 3600, 10)]
        gross = sum(base)
        ded = [round(gross * 0.08, 2), round(gross * 0.04, 2), round(gross * 0.02 + 3, 2), round(gross * 0.12)]
        tax = round(max(0, (gross - sum(ded) - 5000) * 0.03), 2)
        net = round(gross - sum(ded) - tax, 2)
        vals = base + [gross] + ded + [tax]
        row = [n, name, rng.choice(offices)] + vals + [net]
        for i, v in enumerate(row, 1):
            c = ws.cell(row=3 + n, column=i, value=v)
            c.border = BORDER
            if i > 3:
                c.number_format = "#,##0.00"
        for i, v in enumerate(vals + [net]):
            tot[i] += v
    r = 22
    ws.cell(row=r, column=1, value="合计")
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=3)
    for i, v in enumerate(tot):
        c = ws.cell(row=r, column=4 + i, value=round(v, 2))
        c.number_format = "#,##0.00"
    for i in range(1, len(head) + 1):
        ws.cell(row=r, column=i).border = BORDER
    ws.cell(row=r + 2, column=1, value="制表：计划财务股    审核：        局长：")
    ws.column_dimensions["B"].width = 10
    ws.column_dimensions["C"].width = 12
    ws2 = wb.create_sheet("说明")
    ws2["A1"] = "1. 本表依据县人社局核定的2024年工资标准编制。"
    ws2["A2"] = "2. 养老保险、职业年金、医疗保险、住房公积金为个人缴纳部分。"
    ws2["A3"] = "3. 如有疑问请于发放后五个工作日内向计划财务股反映。"
    save(wb, path)


def text_in_amount(path, dep, T, na):
    style = Style(title="plain")
    wb = new_workbook()
    ws = wb.create_sheet(TEXT_IN_AMOUNT["sheet"])
    d = draw_table(ws, GK10["03"], T["03"], set(), dep, style, 1, 1, False)
    ref = d.cells[(TEXT_IN_AMOUNT["row"], TEXT_IN_AMOUNT["column"])]
    assert ref == TEXT_IN_AMOUNT["cell"], (ref, TEXT_IN_AMOUNT)
    ws[ref].value = "见附表"
    save(wb, path)
    return ref


# ---------------------------------------------------------------------------------------------
# verification
# ---------------------------------------------------------------------------------------------

FW_BACK = str.maketrans("（）０１２３４５６７８９．", "()0123456789.")


def norm(s):
    return re.sub(r"\s+", "", str(s)).translate(FW_BACK)


def parse_num(v):
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return Decimal(str(v))
    s = str(v).strip().replace(",", "")
    if s in ("", "-", "——", "—"):
        return None if s != "-" else Decimal(0)
    return Decimal(s)


def verify_workbook(path, doc, drawn, style):
    wb = load_workbook(path)
    scale = Decimal(10000) if style.unit == "元" else Decimal(1)
    problems = []
    n_values = 0
    for t in doc["tables"]:
        d = drawn[t["id"]]
        ws = wb[d.sheet]
        na = {(x["row"], x["column"]) for x in t["not_applicable"]}
        keys = [c["key"] for c in t["columns"]]
        for row in t["rows"]:
            side = row["key"].split(":")[0] if ":" in row["key"] else None
            for k in keys:
                if side and not k.startswith(side + "."):
                    continue
                ref = d.cells.get((row["key"], k))
                if ref is None:
                    problems.append("%s %s %s: no cell" % (t["id"], row["key"], k))
                    continue
                v = ws[ref].value
                if (row["key"], k) in na:
                    if v != "——":
                        problems.append("%s %s %s: expected —— at %s, got %r" % (t["id"], row["key"], k, ref, v))
                    continue
                exp = row["values"].get(k)
                got = parse_num(v)
                if exp is None:
                    if got not in (None, Decimal(0)):
                        problems.append("%s %s %s: expected blank/zero at %s, got %r" % (t["id"], row["key"], k, ref, v))
                    continue
                n_values += 1
                want = Decimal(exp) if row.get("quantity") == "count" else Decimal(exp) * scale
                if got != want:
                    problems.append("%s %s %s: expected %s at %s, got %r" % (t["id"], row["key"], k, want, ref, v))
        # content search independent of the cell map: the row holding the code / label / 行次
        # within the table's range carries every expected figure.
        lo, hi = d.body_top, d.bottom_body
        grid = {r: [ws.cell(row=r, column=c).value for c in range(d.left, d.right + 1)] for r in range(lo, hi + 1)}
        for row in t["rows"]:
            if not row["values"]:
                continue
            cand = []
            for r, cells in grid.items():
                texts = [norm(x) for x in cells if x is not None]
                if row["code"]:
                    ok = any(x == row["code"] or x.startswith(row["code"]) and not x[len(row["code"]):][:1].isdigit()
                             for x in texts)
                elif row["label"]:
                    ok = norm(row["label"]) in texts
                else:
                    ok = True   # the single 三公 data row
                if ok:
                    cand.append(r)
            if not cand:
                problems.append("%s %s: row not found by content" % (t["id"], row["key"]))
                continue
            for k, exp in row["values"].items():
                want = Decimal(exp) if row.get("quantity") == "count" else Decimal(exp) * scale
                if not any(want in {parse_num(x) for x in grid[r] if _numlike(x)} for r in cand):
                    problems.append("%s %s %s: %s not found in its row" % (t["id"], row["key"], k, want))
    return problems, n_values


def _numlike(x):
    try:
        return parse_num(x) is not None
    except Exception:
        return False


class Checker:
    def __init__(self, tol_per_addend):
        self.tol = tol_per_addend
        self.tails = []
        self.errors = []

    def eq(self, what, lhs, parts, exact=False):
        rhs = sum(parts, Decimal(0))
        delta = abs(lhs - rhs)
        allowed = Decimal(0) if exact else self.tol * max(1, len(parts))
        if delta > allowed:
            self.errors.append("%s: %s vs %s (Δ %s)" % (what, lhs, rhs, delta))
        elif delta:
            self.tails.append("%s: %s vs Σ %s" % (what, lhs, rhs))


def check_arithmetic(doc, ck, conv):
    """The template relations (domain.md §4) on a document whose values convert with conv."""
    S = doc["set"]
    tb = {t["id"]: t for t in doc["tables"]}

    def val(tid, key, col):
        for r in tb[tid]["rows"]:
            if r["key"] == key:
                v = r["values"].get(col)
                return conv(v) if v is not None else Decimal(0)
        return Decimal(0)

    def rows(tid):
        return tb[tid]["rows"]

    # 01
    a = lambda n: val("01", "income:%d" % n, "income.amount")
    b = lambda n: val("01", "expenditure:%d" % n, "expenditure.amount")
    ck.eq("01 27=Σ1..8", a(27), [a(n) for n in range(1, 9)])
    ck.eq("01 31=27+28+29", a(31), [a(27), a(28), a(29)])
    ck.eq("01 58=Σ32..57", b(58), [b(n) for n in range(32, 58)])
    ck.eq("01 62=58+59+60", b(62), [b(58), b(59), b(60)])
    ck.eq("01 31=62", a(31), [b(62)], exact=True)

    def hierarchy(tid, cols):
        rs = [r for r in rows(tid) if r["code"] or r["key"] == "合计"]
        for c in cols:
            tot = [r for r in rs if r["key"] == "合计"]
            classes = [r for r in rs if r["code"] and len(r["code"]) == 3]
            if tot and classes:
                ck.eq("%s 合计.%s=Σ类" % (tid, c), val(tid, "合计", c), [val(tid, r["key"], c) for r in classes])
            for p in rs:
                if p["code"] and len(p["code"]) in (3, 5):
                    kids = [r for r in rs if r["code"] and r["code"] != p["code"] and r["code"].startswith(p["code"])
                            and len(r["code"]) == len(p["code"]) + 2]
                    if kids:
                        ck.eq("%s %s.%s=Σ下级" % (tid, p["code"], c), val(tid, p["key"], c),
                              [val(tid, r["key"], c) for r in kids])

    def rowsum(tid, lhs, parts):
        for r in rows(tid):
            ck.eq("%s %s %s" % (tid, r["key"], lhs), val(tid, r["key"], lhs), [val(tid, r["key"], p) for p in parts])

    cols02 = ["total", "appropriation", "upper_subsidy", "service", "operating", "affiliate_remit", "other"]
    rowsum("02", "total", cols02[1:])
    hierarchy("02", cols02)
    cols03 = ["total", "basic", "project", "remit_upper", "business", "subsidy_units"]
    rowsum("03", "total", cols03[1:])
    hierarchy("03", cols03)
    ck.eq("02 合计=01[27]", val("02", "合计", "total"), [a(27)], exact=True)
    ck.eq("02 合计.财政拨款=01[1..3]", val("02", "合计", "appropriation"), [a(1), a(2), a(3)])
    for i, k in zip(range(4, 9), cols02[2:]):
        ck.eq("02 合计.%s=01[%d]" % (k, i), val("02", "合计", k), [a(i)], exact=True)
    ck.eq("03 合计=01[58]", val("03", "合计", "total"), [b(58)], exact=True)
    for i, (label, code) in enumerate(CLASSES):
        ck.eq("03 %s=01[%d]" % (code, 32 + i), val("03", code, "total"), [b(32 + i)], exact=True)
    # 04
    c = lambda n: val("04", "income:%d" % n, "income.amount")
    e = lambda n, k: val("04", "expenditure:%d" % n, "expenditure." + k)
    ck.eq("04 27=1+2+3", c(27), [c(1), c(2), c(3)])
    ck.eq("04 28=29+30+31", c(28), [c(29), c(30), c(31)])
    ck.eq("04 32=27+28", c(32), [c(27), c(28)])
    for n in range(1, 4):
        ck.eq("04[%d]=01[%d]" % (n, n), c(n), [a(n)], exact=True)
    for n in range(33, 65):
        ck.eq("04 %d total=Σfunds" % n, e(n, "total"), [e(n, k) for k in ("general", "fund", "state_capital")])
    for k in ("total", "general", "fund", "state_capital"):
        ck.eq("04 59.%s=Σ33..58" % k, e(59, k), [e(n, k) for n in range(33, 59)])
        ck.eq("04 64.%s=59+60" % k, e(64, k), [e(59, k), e(60, k)])
    ck.eq("04 32=64.total", c(32), [e(64, "total")], exact=True)
    for k, i, o in (("general", 1, 29), ("fund", 2, 30), ("state_capital", 3, 31)):
        ck.eq("04 64.%s=%d+%d" % (k, i, o), e(64, k), [c(i), c(o)])
    gen, trip, fund, scx, sg = (("05", "06", "07", "08", "09") if S == "gk10-2024" else ("06", "08", "10", "12", "13"))
    rowsum(gen, "subtotal", ["basic", "project"])
    hierarchy(gen, ["subtotal", "basic", "project"])
    for i, (label, code) in enumerate(CLASSES):
        ck.eq("%s %s=04[%d].3" % (gen, code, 33 + i), val(gen, code, "subtotal"), [e(33 + i, "general")], exact=True)
    ck.eq("%s 合计=04[59].3" % gen, val(gen, "合计", "subtotal"), [e(59, "general")], exact=True)
    # triplets
    tr = [r for r in rows(trip) if not r.get("footer")]
    for r in tr:
        if len(r["code"]) == 3 and r["values"]:
            kids = [x for x in tr if x["code"] != r["code"] and x["code"].startswith(r["code"])]
            ck.eq("%s %s=Σ款" % (trip, r["code"]), val(trip, r["key"], "amount"), [val(trip, x["key"], "amount") for x in kids])
    classes3 = {x["code"]: val(trip, x["key"], "amount") for x in tr if len(x["code"]) == 3}
    ck.eq("%s 人员经费合计" % trip, val(trip, "人员经费合计", "amount"), [classes3["301"], classes3["303"]])
    ck.eq("%s 公用经费合计" % trip, val(trip, "公用经费合计", "amount"),
          [v for k, v in classes3.items() if k not in ("301", "303")])
    ck.eq("%s 合计.基本=%s 人员+公用" % (gen, trip), val(gen, "合计", "basic"),
          [val(trip, "人员经费合计", "amount"), val(trip, "公用经费合计", "amount")])
    # government fund
    rowsum(fund, "expenditure.subtotal", ["expenditure.basic", "expenditure.project"])
    for r in rows(fund):
        ck.eq("%s %s closing" % (fund, r["key"]), val(fund, r["key"], "closing"),
              [val(fund, r["key"], "opening"), val(fund, r["key"], "income"), -val(fund, r["key"], "expenditure.subtotal")])
    hierarchy(fund, ["opening", "income", "expenditure.subtotal", "expenditure.basic", "expenditure.project", "closing"])
    ck.eq("%s 合计.income=04[2]" % fund, val(fund, "合计", "income"), [c(2)], exact=True)
    ck.eq("%s 合计.opening=04[30]" % fund, val(fund, "合计", "opening"), [c(30)], exact=True)
    ck.eq("%s 合计.subtotal=04[59].4" % fund, val(fund, "合计", "expenditure.subtotal"), [e(59, "fund")], exact=True)
    ck.eq("%s 合计.closing=04[60].4" % fund, val(fund, "合计", "closing"), [e(60, "fund")], exact=True)
    rowsum(scx, "total", ["basic", "project"])
    hierarchy(scx, ["total", "basic", "project"])
    ck.eq("%s 合计=04[59].5" % scx, val(scx, "合计", "total"), [e(59, "state_capital")], exact=True)
    # 三公
    if rows(sg):
        for side in ("budget", "actual"):
            g = lambda k: val(sg, "data", "%s.%s" % (side, k))
            ck.eq("%s %s total" % (sg, side), g("total"), [g("abroad"), g("vehicle_subtotal"), g("reception")])
            ck.eq("%s %s vehicle" % (sg, side), g("vehicle_subtotal"), [g("vehicle_purchase"), g("vehicle_operation")])
    if S == "gk10-2024":
        s = lambda n: val("10", str(n), "amount")
        ck.eq("10 1=2+3+4", s(1), [s(2), s(3), s(4)])
        ck.eq("10 7=Σ8..15", s(7), [s(n) for n in range(8, 16)], exact=True)
        ck.eq("10 5+6=06 公用经费合计", s(5) + s(6), [val("06", "公用经费合计", "amount")], exact=True)
    else:
        cols = SC_05_COLS
        rowsum("05", "total", ["general.subtotal", "fund.subtotal", "state_capital.subtotal"])
        for f in ("general", "fund", "state_capital"):
            rowsum("05", f + ".subtotal", [f + ".basic", f + ".project"])
        r05 = [r for r in rows("05") if r["code"]]
        for k in cols:
            ck.eq("05 合计.%s=Σ类" % k, val("05", "合计", k), [val("05", r["key"], k) for r in r05 if len(r["code"]) == 3])
            for p in r05:
                if len(p["code"]) == 3:
                    kids = [x for x in r05 if x["code"] != p["code"] and x["code"][:3] == p["code"]]
                    ck.eq("05 %s.%s=Σ款" % (p["code"], k), val("05", p["key"], k), [val("05", x["key"], k) for x in kids])
        ck.eq("05 合计.一般公共预算小计=06 合计", val("05", "合计", "general.subtotal"), [val("06", "合计", "subtotal")],
              exact=True)
        ck.eq("05 合计.一般项目=06 合计.项目", val("05", "合计", "general.project"), [val("06", "合计", "project")],
              exact=True)
        ck.eq("05 合计.一般项目=09 合计.本年支出", val("05", "合计", "general.project"), [val("09", "合计", "expenditure")],
              exact=True)
        for r in rows("08"):
            if r["code"] and not r.get("footer"):
                code = r["code"]
                ck.eq("08 %s=05 一般基本" % code, val("08", r["key"], "amount"), [val("05", code, "general.basic")],
                      exact=True)
        for r in rows("07"):
            ck.eq("07 %s=05 一般" % r["key"], val("07", r["key"], "total"), [val("05", r["key"], "general.subtotal")],
                  exact=True)
        rowsum("07", "total", ["basic", "project"])
        hierarchy("09", ["income", "expenditure"])
        for r in rows("11"):
            ck.eq("11 %s closing" % r["key"], val("11", r["key"], "closing"),
                  [val("11", r["key"], "opening"), val("11", r["key"], "income"), -val("11", r["key"], "expenditure")])


# ---------------------------------------------------------------------------------------------


def main():
    rng = random.Random(SEED)
    report = []
    failures = []
    for dep in DEPARTMENTS:
        m = build_model(dep, rng)
        T, na = make_tables(dep, m)
        STYLES[dep["name"]].counter = 0
        wb, drawn = draw_department(dep, T, na)
        xlsx = os.path.join(HERE, dep["name"] + ".xlsx")
        save(wb, xlsx)
        doc = expected_doc(dep, T, na, drawn)
        # checks: 1) the workbook holds the expected figures; 2) arithmetic exact in 元, tolerant in 万元
        problems, n_values = verify_workbook(xlsx, doc, drawn, STYLES[dep["name"]])
        exact_doc = {"set": doc["set"], "tables": [dict(t, rows=[dict(r, values={k: str(v) for k, v in src["values"].items()})
                                                                  for r, src in zip(t["rows"], T[t["id"]])])
                                                   if len(t["rows"]) == len(T[t["id"]]) else t
                                                   for t in doc["tables"]]}
        ck_exact = Checker(Decimal(0))
        check_arithmetic(exact_doc, ck_exact, lambda v: Decimal(v))
        ck_wan = Checker(Decimal("0.005"))
        check_arithmetic(doc, ck_wan, lambda v: Decimal(v))
        failures += ["%s: %s" % (dep["name"], p) for p in problems + ck_exact.errors + ck_wan.errors]
        doc["rounding_tails"] = ck_wan.tails   # template relations missed by cents in 万元 (exact in 元)
        write_json(doc, os.path.join(HERE, dep["name"] + ".expected.json"))
        report.append("%-24s %s  %2d tables  %4d figures checked in the workbook, %d 尾数 tails (万元), "
                      "元-level arithmetic %s" % (dep["name"], dep["set"], len(doc["tables"]), n_values,
                                                  len(ck_wan.tails), "exact" if not ck_exact.errors and not ck_exact.tails else "BROKEN"))
        for tl in ck_wan.tails:
            report.append("    tail: " + tl)
        if dep["name"] == "qingxi-jiaoyu-2024":
            ref = text_in_amount(os.path.join(HERE, "text-in-amount.xlsx"), dep, T, na)
            orig = next(r for r in T["03"] if r["key"] == TEXT_IN_AMOUNT["row"])["values"][TEXT_IN_AMOUNT["column"]]
            report.append("text-in-amount.xlsx: %s!%s = \"见附表\" (03表 %s %s; the department's figure is %s 万元)"
                          % (TEXT_IN_AMOUNT["sheet"], ref, TEXT_IN_AMOUNT["row"], TEXT_IN_AMOUNT["column"], fmt_wan(orig)))
    unknown_layout(os.path.join(HERE, "unknown-layout.xlsx"))
    report.append("unknown-layout.xlsx: 工资发放表, no 决算 table")
    print("\n".join(report))
    if failures:
        print("\nFAILED:\n" + "\n".join(failures[:200]))
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
