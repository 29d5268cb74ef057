#!/usr/bin/env python3
"""Hand-checked transcription of the published 部门决算 tables of two seed documents.

Seeds (see /work/shared/domain.md):
  zezhou  中国共产党泽州县委员会政法委员会 2024, template set gk10-2024 (公开01表 … 公开10表)
  dachuan 中国共产党达州市达川区委员会政法委员会 2023, template set sc13-2023 (公开 01 表 … 公开 13 表)

The printed tables are held below as literal blocks: each block is a verbatim copy of a
range of lines of the seed text extraction (blank lines dropped, TAB written as "|").
When the seed files are available (default /work/shared/seeds, or $JUESUAN_SEEDS) every
block, title, code, key line and note is checked against them line by line, so a typo in
this file is caught.  The blocks are then interpreted table by table with explicit checks
(cell counts, 行次 sequences, code shapes, "——" positions) and written to

  zezhou-2024.json  and  dachuan-2023.json   (schema "juesuan-seed-transcription/1")

Figures are transcribed AS PRINTED.  Arithmetic mistakes of the seeds are kept; an audit
(run with --audit, also printed at the end of a normal run) lists them.

Run:  python3 Tests/Fixtures/seeds/transcribe.py [--audit]
"""
import json
import os
import re
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
SEED_DIR = os.environ.get("JUESUAN_SEEDS", "/work/shared/seeds")
SCHEMA = "juesuan-seed-transcription/1"

ZEZHOU_SEED = "zezhou-zhengfawei-2024-disclosure.txt"
DACHUAN_SEED = "dachuan-zhengfawei-2023-disclosure.txt"


class Grid:
    """A verbatim block of seed lines (first_line..last_line of the seed, blank lines dropped)."""

    def __init__(self, first_line, last_line, text):
        self.first_line = first_line
        self.last_line = last_line
        self.lines = text.strip("\n").split("\n")
        for ln in self.lines:
            assert ln != "", "blank line inside a literal block"

    def cells(self, i):
        return self.lines[i].split("|")


# ---------------------------------------------------------------------------
# Literal blocks (verbatim seed lines)
# ---------------------------------------------------------------------------

# seed lines 75-109 (blank lines dropped, TAB written as "|")
Z01 = Grid(75, 109, """
收入|||支出||
项目|行次|金额|项目|行次|金额
栏次||1|栏次||2
一、一般公共预算财政拨款收入|1|2429.51|一、一般公共服务支出|32|2247.92
二、政府性基金预算财政拨款收入|2||二、外交支出|33|
三、国有资本经营预算财政拨款收入|3||三、国防支出|34|
四、上级补助收入|4||四、公共安全支出|35|36.00
五、事业收入|5||五、教育支出|36|
六、经营收入|6||六、科学技术支出|37|
七、附属单位上缴收入|7||七、文化旅游体育与传媒支出|38|
八、其他收入|8||八、社会保障和就业支出|39|71.45
|9||九、卫生健康支出|40|17.99
|10||十、节能环保支出|41|
|11||十一、城乡社区支出|42|
|12||十二、农林水支出|43|
|13||十三、交通运输支出|44|
|14||十四、资源勘探工业信息等支出|45|
|15||十五、商业服务业等支出|46|
|16||十六、金融支出|47|
|17||十七、援助其他地区支出|48|
|18||十八、自然资源海洋气象等支出|49|
|19||十九、住房保障支出|50|56.15
|20||二十、粮油物资储备支出|51|
|21||二十一、国有资本经营预算支出|52|
|22||二十二、灾害防治及应急管理支出|53|
|23||二十三、其他支出|54|
|24||二十四、债务还本支出|55|
|25||二十五、债务付息支出|56|
|26||二十六、抗疫特别国债安排的支出|57|
本年收入合计|27|2429.51|本年支出合计|58|2429.51
使用非财政拨款结余（含专用结余）|28||结余分配|59|
年初结转和结余|29||年末结转和结余|60|
|30|||61|
总计|31|2429.51|总计|62|2429.51
""")

# seed lines 125-152 (blank lines dropped, TAB written as "|")
Z02 = Grid(125, 152, """
项目||本年收入合计|财政拨款收入|上级补助收入|事业收入|经营收入|附属单位上缴收入|其他收入
科目代码|科目名称|||||||
栏次||1|2|3|4|5|6|7
合计||2429.51|2429.51|||||
201|一般公共服务支出|2247.92|2247.92|||||
20131|党委办公厅（室）及相关机构事务|2207.76|2207.76|||||
2013101|行政运行|1031.66|1031.66|||||
2013102|一般行政管理事务|1176.10|1176.10|||||
20136|其他共产党事务支出|40.16|40.16|||||
2013602|一般行政管理事务|40.16|40.16|||||
204|公共安全支出|36.00|36.00|||||
20405|法院|36.00|36.00|||||
2040502|一般行政管理事务|36.00|36.00|||||
208|社会保障和就业支出|71.45|71.45|||||
20805|行政事业单位养老支出|71.45|71.45|||||
2080501|行政单位离退休|15.80|15.80|||||
2080505|机关事业单位基本养老保险缴费支出|38.86|38.86|||||
2080506|机关事业单位职业年金缴费支出|16.78|16.78|||||
210|卫生健康支出|17.99|17.99|||||
21007|计划生育事务|0.30|0.30|||||
2100799|其他计划生育事务支出|0.30|0.30|||||
21011|行政事业单位医疗|17.69|17.69|||||
2101101|行政单位医疗|7.56|7.56|||||
2101102|事业单位医疗|4.81|4.81|||||
2101103|公务员医疗补助|5.32|5.32|||||
221|住房保障支出|56.15|56.15|||||
22102|住房改革支出|56.15|56.15|||||
2210201|住房公积金|56.15|56.15|||||
""")

# seed lines 166-193 (blank lines dropped, TAB written as "|")
Z03 = Grid(166, 193, """
项目||本年支出合计|基本支出|项目支出|上缴 上级 支出|经营支出|对附属单 位补助 支出
科目代码|科目名称||||||
栏次||1|2|3|4|5|6
合计||2429.51|511.34|1918.17|||
201|一般公共服务支出|2247.92|365.75|1882.17|||
20131|党委办公厅（室）及 相关机构事务|2207.76|365.75|1842.01|||
2013101|行政运行|1031.66|365.75|665.91|||
2013102|一般行政管理事务|1176.10||1176.10|||
20136|其他共产党事务支出|40.16||40.16|||
2013602|一般行政管理事务|40.16||40.16|||
204|公共安全支出|36.00||36.00|||
20405|法院|36.00||36.00|||
2040502|一般行政管理事务|36.00||36.00|||
208|社会保障和就业支出|71.45|71.45||||
20805|行政事业单位养老支 出|71.45|71.45||||
2080501|行政单位离退休|15.80|15.80||||
2080505|机关事业单位基本养 老保险缴费支出|38.86|38.86||||
2080506|机关事业单位职业年 金缴费支出|16.78|16.78||||
210|卫生健康支出|17.99|17.99||||
21007|计划生育事务|0.30|0.30||||
2100799|其他计划生育事务支 出|0.30|0.30||||
21011|行政事业单位医疗|17.69|17.69||||
2101101|行政单位医疗|7.56|7.56||||
2101102|事业单位医疗|4.81|4.81||||
2101103|公务员医疗补助|5.32|5.32||||
221|住房保障支出|56.15|56.15||||
22102|住房改革支出|56.15|56.15||||
2210201|住房公积金|56.15|56.15||||
""")

# seed lines 205-240 (blank lines dropped, TAB written as "|")
Z04 = Grid(205, 240, """
收入|||支出|||||
项目|行次|金额|项目|行次|合计|一般公共预算财政拨款|政府性基金预算财政拨款|国有资本经营预算财政拨款
栏次||1|栏次||2|3|4|5
一、一般公共预算财政拨款|1|2429.51|一、一般公共服务支出|33|2247.92|2247.92||
二、政府性基金预算财政拨款|2||二、外交支出|34||||
三、国有资本经营预算财政拨款|3||三、国防支出|35||||
|4||四、公共安全支出|36|36.00|36.00||
|5||五、教育支出|37||||
|6||六、科学技术支出|38||||
|7||七、文化旅游体育与传媒支出|39||||
|8||八、社会保障和就业支出|40|71.45|71.45||
|9||九、卫生健康支出|41|17.99|17.99||
|10||十、节能环保支出|42||||
|11||十一、城乡社区支出|43||||
|12||十二、农林水支出|44||||
|13||十三、交通运输支出|45||||
|14||十四、资源勘探工业信息等支出|46||||
|15||十五、商业服务业等支出|47||||
|16||十六、金融支出|48||||
|17||十七、援助其他地区支出|49||||
|18||十八、自然资源海洋气象等支出|50||||
|19||十九、住房保障支出|51|56.15|56.15||
|20||二十、粮油物资储备支出|52|||
|21||二十一、国有资本经营预算支出|53|||
|22||二十二、灾害防治及应急管理支出|54|||
|23||二十三、其他支出|55|||
|24||二十四、债务还本支出|56|||
|25||二十五、债务付息支出|57|||
|26||二十六、抗疫特别国债安排的支出|58|||
本年收入合计|27|2429.51|本年支出合计|59|2429.51|2429.51|
年初财政拨款结转和结余|28||年末财政拨款结转和结余|60|||
一般公共预算财政拨款|29|||61|||
政府性基金预算财政拨款|30|||62|||
国有资本经营预算财政拨款|31|||63|||
总计|32|2429.51|总计|64|2429.51|2429.51|
""")

# seed lines 254-281 (blank lines dropped, TAB written as "|")
Z05 = Grid(254, 281, """
项目||本年支出||
科目代码|科目名称|小计|基本支出|项目支出
栏次||1|2|3
合计||2429.51|511.34|1918.17
201|一般公共服务支出|2247.92|365.75|1882.17
20131|党委办公厅（室）及相关机构事务|2207.76|365.75|1842.01
2013101|行政运行|1031.66|365.75|665.91
2013102|一般行政管理事务|1176.10||1176.10
20136|其他共产党事务支出|40.16||40.16
2013602|一般行政管理事务|40.16||40.16
204|公共安全支出|36.00||36.00
20405|法院|36.00||36.00
2040502|一般行政管理事务|36.00||36.00
208|社会保障和就业支出|71.45|71.45|
20805|行政事业单位养老支出|71.45|71.45|
2080501|行政单位离退休|15.80|15.80|
2080505|机关事业单位基本养老保险缴费支出|38.86|38.86|
2080506|机关事业单位职业年金缴费支出|16.78|16.78|
210|卫生健康支出|17.99|17.99|
21007|计划生育事务|0.30|0.30|
2100799|其他计划生育事务支出|0.30|0.30|
21011|行政事业单位医疗|17.69|17.69|
2101101|行政单位医疗|7.56|7.56|
2101102|事业单位医疗|4.81|4.81|
2101103|公务员医疗补助|5.32|5.32|
221|住房保障支出|56.15|56.15|
22102|住房改革支出|56.15|56.15|
2210201|住房公积金|56.15|56.15|
""")

# seed lines 295-326 (blank lines dropped, TAB written as "|")
Z06 = Grid(295, 326, """
人员经费|||公用经费||||||||
科目代码|科目名称|决算数|科目代码|科目名称|决算数|科目代码|科目名称|决算数|科目代码|科目名称|决算数
301|工资福利支出|399.21|302|商品和服务支出|54.53|307|债务利息及费用支出||31011|地上附着物和青苗补偿|
30101|基本工资|106.51|30201|办公费|11.22|30701|国内债务付息||31012|拆迁补偿|
30102|津贴补贴|62.31|30202|印刷费||30702|国外债务付息||31013|公务用车购置|
30103|奖金|35.68|30203|咨询费||30703|国内债务发行费用||31019|其他交通工具购置|
30106|伙食补助费||30204|手续费||30704|国外债务发行费用||31021|文物和陈列品购置|
30107|绩效工资|40.62|30205|水费||309|资本性支出（基本建设）|——|31022|无形资产购置|
30108|机关事业单位基本养老保险缴费|38.48|30206|电费||30901|房屋建筑物购建|——|31099|其他资本性支出|
30109|职业年金缴费|19.24|30207|邮电费||30902|办公设备购置|——|311|对企业补助（基本建设）|——
30110|职工基本医疗保险缴费|15.29|30208|取暖费||30903|专用设备购置|——|31101|资本金注入（基本建设）|——
30111|公务员医疗补助缴费|6.62|30209|物业管理费||30905|基础设施建设|——|31199|其他对企业补助|——
30112|其他社会保障缴费|0.53|30211|差旅费|5.22|30906|大型修缮|——|312|对企业补助|
30113|住房公积金|62.11|30212|因公出国（境）费用||30907|信息网络及软件购置更新|——|31201|资本金注入|
30114|医疗费||30213|维修(护)费||30908|物资储备|——|31203|政府投资基金股权投资|
30199|其他工资福利支出|11.82|30214|租赁费||30913|公务用车购置|——|31204|费用补贴|
303|对个人和家庭的补助|57.60|30215|会议费||30919|其他交通工具购置|——|31205|利息补贴|
30301|离休费||30216|培训费||30921|文物和陈列品购置|——|31206|其他资本性补助|
30302|退休费|30.37|30217|公务接待费||30922|无形资产购置|——|31299|其他对企业补助|
30303|退职(役)费||30218|专用材料费||30999|其他基本建设支出|——|313|对社会保障基金补助|
30304|抚恤金|23.97|30224|被装购置费||310|资本性支出||31302|对社会保险基金补助|
30305|生活补助||30225|专用燃料费||31001|房屋建筑物购建||31303|补充全国社会保障基金|
30306|救济费||30226|劳务费||31002|办公设备购置||31304|对机关事业单位职业年金的补助|
30307|医疗费补助||30227|委托业务费|11.00|31003|专用设备购置||399|其他支出|
30308|助学金||30228|工会经费|9.37|31005|基础设施建设||39907|国家赔偿费用支出|
30309|奖励金|3.26|30229|福利费||31006|大型修缮||39908|对民间非营利组织和群众性自治组织补贴|
30310|个人农业生产补贴||30231|公务用车运行维护费||31007|信息网络及软件购置更新||39909|经常性赠与|
30311|代缴社会保险费||30239|其他交通费用|10.73|31008|物资储备||39910|资本性赠与|
30399|其他对个人和家庭的补助||30240|税金及附加费用||31009|土地补偿||39999|其他支出|
|||30299|其他商品和服务支出|7.00|31010|安置补助||||
人员经费合计||456.81|||||公用经费合计||||54.53
""")

# seed lines 340-343 (blank lines dropped, TAB written as "|")
Z07 = Grid(340, 343, """
项目||年初结转和结余|本年收入|本年支出|||年末结转和结余
科目代码|科目名称|||小计|基本支出|项目支出|
栏次||1|2|3|4|5|6
合计|||||||
""")

# seed lines 359-362 (blank lines dropped, TAB written as "|")
Z08 = Grid(359, 362, """
项目||本年支出||
科目代码|科目名称|合计|基本支出|项目支出
栏次||1|2|3
合计||||
""")

# seed lines 379-382 (blank lines dropped, TAB written as "|")
Z09 = Grid(379, 382, """
预算数||||||决算数|||||
合计|因公出国 (境) 费|公务用车购置及运行维护费|||公务接待 费|合计|因公出国 (境) 费|公务用车购置及运行维护费|||公务接待 费
||小计|公务用车 购置费|公务用车 运行维护 费||||小计|公务用车 购置费|公务用车 运行维护 费|
1|2|3|4|5|6|7|8|9|10|11|12
""")

# seed lines 398-418 (blank lines dropped, TAB written as "|")
Z10 = Grid(398, 418, """
一、政府采购情况||
项目|行次|统计数
合计|1|310.07
货物|2|
工程|3|
服务|4|310.07
二、机关运行经费||
项目||统计数
(一) 行政单位|5|54.53
(二) 参照公务员法管理事业单位|6|
三、国有资产占用情况||
(一) 车辆数合计(辆)|7|
1. 副部(省)级及以上领导用车|8|
2. 主要负责人用车|9|
3. 机要通信用车|10|
4. 应急保障用车|11|
5. 执法执勤用车|12|
6. 特种专业技术用车|13|
7. 离退休干部服务用车|14|
8. 其他用车|15|
(二) 单价100万元(含)以上设备(不含车辆)|17|
""")

# seed lines 1258-1292 (blank lines dropped, TAB written as "|")
D01 = Grid(1258, 1292, """
收入|||支出||
项目|行次|金额|项目|行次|金额
栏次||1|栏次||2
一、一般公共预算财政拨款收入|1|698.39|一、一般公共服务支出|32|655.50
二、政府性基金预算财政拨款收入|2|871.78|二、外交支出|33|
三、国有资本经营预算财政拨款收入|3||三、国防支出|34|
四、上级补助收入|4||四、公共安全支出|35|
五、事业收入|5||五、教育支出|36|
六、经营收入|6||六、科学技术支出|37|
七、附属单位上缴收入|7||七、文化旅游体育与传媒支出|38|
八、其他收入|8||八、社会保障和就业支出|39|19.46
|9||九、卫生健康支出|40|13.17
|10||十、节能环保支出|41|
|11||十一、城乡社区支出|42|871.78
|12||十二、农林水支出|43|
|13||十三、交通运输支出|44|
|14||十四、资源勘探工业信息等支出|45|
|15||十五、商业服务业等支出|46|
|16||十六、金融支出|47|
|17||十七、援助其他地区支出|48|
|18||十八、自然资源海洋气象等支出|49|
|19||十九、住房保障支出|50|10.25
|20||二十、粮油物资储备支出|51|
|21||二十一、国有资本经营预算支出|52|
|22||二十二、灾害防治及应急管理支出|53|
|23||二十三、其他支出|54|
|24||二十四、债务还本支出|55|
|25||二十五、债务付息支出|56|
|26||二十六、抗疫特别国债安排的支出|57|
本年收入合计|27|1570.16|本年支出合计|58|1570.16
使用非财政拨款结余|28||结余分配|59|
年初结转和结余|29|568.20|年末结转和结余|60|568.20
|30|||61|
总计|31|2138.36|总计|62|2138.36
""")

# seed lines 1305-1330 (blank lines dropped, TAB written as "|")
D02 = Grid(1305, 1330, """
项目||本年收入合计|财政拨款 收入|上级补 助收入|事业 收入|经营 收入|附属单位上 缴收入|其他 收入
科目代码|科目名称|||||||
栏次||1|2|3|4|5|6|7
合计||1570.16|1570.16|||||
201|一般公共服务支出|655.50|655.50|||||
20131|党委办公厅（室）及相关机构事务|692.31|654.90|||||
2013101|行政运行|436.00|436.00|||||
2013102|一般行政管理事务|218.90|218.90|||||
20136|其他共产党事务支出|0.60|0.60|||||
2013602|一般行政管理事务|0.60|0.60|||||
208|社会保障和就业支出|19.46|19.46|||||
20805|行政事业单位养老支出|19.10|19.10|||||
2080505|机关事业单位基本养老保险缴费支出|19.10|19.10|||||
20899|其他社会保障和就业支出|0.36|0.36|||||
2089999|其他社会保障和就业支出|0.36|0.36|||||
210|卫生健康支出|13.17|13.17|||||
21011|行政事业单位医疗|13.17|13.17|||||
2101101|行政单位医疗|9.72|9.72|||||
2101103|公务员医疗补助|3.45|3.45|||||
212|城乡社区支出|871.78|871.78|||||
21208|国有土地使用权出让收入安排的支出|871.78|871.78|||||
2120803|城市建设支出|591.78|591.78|||||
2120899|其他国有土地使用权出让收入安排的支出|280.00|280.00|||||
221|住房保障支出|10.25|10.25|||||
22102|住房改革支出|10.25|10.25|||||
2210201|住房公积金|10.25|10.25|||||
""")

# seed lines 1342-1368 (blank lines dropped, TAB written as "|")
D03 = Grid(1342, 1368, """
项目||本年支出合计|基本支出|项目支出|上缴上级支出|经营支出|对附属单位补助支出
科目代码|科目名称||||||
栏次||1|2|3|4|5|6
合计||1570.16|478.09|1091.27|||
201|一般公共服务支出|655.50|436.00|219.50|||
20131|党委办公厅（室）及相关机构事务|655.50|436.00|218.90|||
2013101|行政运行|436.00|436.00||||
2013102|一般行政管理事务|218.90||218.90|||
20136|其他共产党事务支出|0.60||0.60|||
2013602|一般行政管理事务|0.60||0.60|||
208|社会保障和就业支出|19.46|19.46||||
20805|行政事业单位养老支出|19.10|19.10||||
2080505|机关事业单位基本养老保险缴费支出|19.10|19.10||||
20899|其他社会保障和就业支出|0.36|0.36||||
2089999|其他社会保障和就业支出|0.36|0.36||||
210|卫生健康支出|13.17|13.17||||
21011|行政事业单位医疗|13.17|13.17||||
2101101|行政单位医疗|9.72|9.72||||
2101103|公务员医疗补助|3.45|3.45||||
212|城乡社区支出|871.78||871.78|||
21208|国有土地使用权出让收入安排的支出|871.78||871.78|||
2120803|城市建设支出|591.78||591.78|||
2120899|其他国有土地使用权出让收入安排的支出|280.00||280.00|||
221|住房保障支出|10.25|10.25||||
22102|住房改革支出|10.25|10.25||||
2210201|住房公积金|10.25|10.25||||
""")

# seed lines 1380-1414 (blank lines dropped, TAB written as "|")
D04 = Grid(1380, 1414, """
收 入|||支 出|||||
项目|行次|金额|项目|行次|合计|一般公共预算 财政拨款|政府性基 金预算财 政拨款|国有资本经 营预算财 政拨款
栏次||1|栏次||2|3|4|5
一、一般公共预算财政拨款|1|698.39|一、一般公共服务支出|33|655.50|655.50||
二、政府性基金预算财政拨款|2|871.78|二、外交支出|34||||
三、国有资本经营预算财政拨款|3||三、国防支出|35||||
|4||四、公共安全支出|36||||
|5||五、教育支出|37||||
|6||六、科学技术支出|38||||
|7||七、文化旅游体育与传媒支出|39||||
|8||八、社会保障和就业支出|40|19.46|19.46||
|9||九、卫生健康支出|41|13.17|13.17||
|10||十、节能环保支出|42||||
|11||十一、城乡社区支出|43|871.78||871.78|
|12||十二、农林水支出|44||||
|13||十三、交通运输支出|45||||
|14||十四、资源勘探工业信息等支出|46||||
|15||十五、商业服务业等支出|47||||
|16||十六、金融支出|48||||
|17||十七、援助其他地区支出|49||||
|18||十八、自然资源海洋气象等支出|50||||
|19||十九、住房保障支出|51|10.25|10.25||
|20||二十、粮油物资储备支出|52||||
|22||二十二、灾害防治及应急管理支出|54||||
|23||二十三、其他支出|55||||
|24||二十四、债务还本支出|56||||
|25||二十五、债务付息支出|57||||
|26||二十六、抗疫特别国债安排的支出|58||||
|本年收入合计|27|1570.16|本年支出合计|59|1570.16|698.39|871.78
|年初财政拨款结转和结余|28|568.20|年末财政拨款结转和结余|60|568.20|229.55|338.65
|一般公共预算财政拨款|29|229.55||61|||
|政府性基金预算财政拨款|30|338.65||62|||
|国有资本经营预算财政拨款|31|||63|||
|总计|32|2,138.36|总计|64|2,138.36|927.97|1,210.43
""")

# seed lines 1426-1541 (blank lines dropped, TAB written as "|")
D05 = Grid(1426, 1541, """
项目||行次|合计|一般公共预算财政拨款|||政府性基金预算财政拨款|||国有资本经营预算财政拨款||
经济分 类科目 代码|科目名称|||小计|基本 支出|项目 支出|小计|基本 支出|项目 支出|小计|基本 支出|项目支出
合计||1|1570.16|698.39|478.89|219.50|871.78||871.78|||
301|工资福利支出|2|420.43|420.43|420.43|||||||
30101|基本工资|3|151.91|151.91|151.91|||||||
30102|津贴补贴|4|104.12|104.12|104.12|||||||
30103|奖金|5|121.52|121.52|121.52|||||||
30106|伙食补助费|6||||||||||
30107|绩效工资|7||||||||||
30108|机关事业单位基本养老保险费|8|19.10|19.10|19.10|||||||
30109|职业年金缴费|9||||||||||
30110|职工基本医疗保险缴费|10|9.72|9.72|9.72|||||||
30111|公务员医疗补助缴费|11|3.45|3.45|3.45|||||||
30112|其他社会保障缴费|12|0.36|0.36|0.36|||||||
30113|住房公积金|13|10.25|10.25|10.25|||||||
30114|医疗费|14||||||||||
30199|其他工资福利支出|15||||||||||
302|商品和服务支出|16|933.43|91.65|46.99|44.66|841.78||841.78|||
30201|办公费|17|33.70|33.70|2.24|31.46||||||
30202|印刷费|18|2.94|2.94|2.94|||||||
30203|咨询费|19||||||||||
30204|手续费|20||||||||||
30205|水费|21|0.13|0.13|0.13|||||||
30206|电费|22|13.00|13.00|13.00|||||||
30207|邮电费|23|4.14|4.14||4.14||||||
30208|取暖费|24||||||||||
30209|物业管理费|25||||||||||
30211|差旅费|26|7.89|7.89|4.13|3.76||||||
30212|因公出国（境）费用|27||||||||||
30213|维修（护）费|28||||||||||
30214|租赁费|29|450.00||||450.00||450.00|||
30215|会议费|30|1.23|1.23|1.23|||||||
30216|培训费|31||||||||||
30217|公务接待费|32||||||||||
30218|专用材料费|33||||||||||
30224|被装购置费|34||||||||||
30225|专用燃料费|35||||||||||
30226|劳务费|36|5.26|5.26|0.26|5.00||||||
30227|委托业务费|37|250.00||||250.00||250.00|||
30228|工会经费|38|8.99|8.99|8.99|||||||
30229|福利费|39||||||||||
30231|公务用车运行维护费|40|2.82|2.82|2.82|||||||
30239|其他交通费用|41|0.30|0.30||0.30||||||
30240|税金及附加费用|42||||||||||
30299|其他商品和服务支出|43|153.03|11.25|11.25||141.78||141.78|||
303|对个人和家庭的补助|44|186.31|186.31|11.47|174.83||||||
30301|离休费|45||||||||||
30302|退休费|46||||||||||
30303|退职（役）费|47||||||||||
30304|抚恤金|48||||||||||
30305|生活补助|49|184.76|184.76|10.53|174.23||||||
30306|救济费|50||||||||||
30307|医疗费补助|51||||||||||
30308|助学金|52||||||||||
30309|奖励金|53|0.94|0.94||0.94||||||
30310|个人农业生产补贴|54||||||||||
30311|代缴社会保险费|55||||||||||
30399|其他个人和家庭的补助支出|56|0.60|0.60||0.60||||||
307|债务利息及费用支出|57||||||||||
30701|国内债务付息|58||||||||||
30702|国外债务付息|59||||||||||
30703|国内债务发行费用|60||||||||||
30704|国外债务发行费用|61||||||||||
309|资本性支出（基本建设）|62|||—||—|—|—|—|—|—
30901|房屋建筑物购建|63|||—||—|—|—|—|—|—
30902|办公设备购置|64|||—||—|—|—|—|—|—
30903|专用设备购置|65|||—||—|—|—|—|—|—
30905|基础设施建设|66|||—||—|—|—|—|—|—
30906|大型修缮|67|||—||—|—|—|—|—|—
30907|信息网络及软件购置更新|68|||—||—|—|—|—|—|—
30908|物资储备|69|||——||——|——|——|——|——|——
30913|公务用车购置|70|||——||——|——|——|——|——|——
30919|其他交通工具购置|71|||——||——|——|——|——|——|——
30921|文物和陈列品购置|72|||——||——|——|——|——|——|——
30922|无形资产购置|73|||——||——|——|——|——|——|——
30999|其他基本建设支出|74|||——||——|——|——|——|——|——
310|资本性支出|75|30.00||||30.00||30.00|||
31001|房屋建筑物购建|76||||||||||
31002|办公设备购置|77||||||||||
31003|专用设备购置|78||||||||||
31005|基础设施建设|79|30.00||||30.00||30.00|||
31006|大型修缮|80||||||||||
31007|信息网络及软件购置更新|81||||||||||
31008|物资储备|82||||||||||
31009|土地补偿|83||||||||||
31010|安置补助|84||||||||||
31011|地上附着物和青苗补偿|85||||||||||
31012|拆迁补偿|86||||||||||
31013|公务用车购置|87||||||||||
31019|其他交通工具购置|88||||||||||
31021|文物和陈列品购置|89||||||||||
31022|无形资产购置|90||||||||||
31099|其他资本性支出|91||||||||||
311|对企业补助（基本建设）|92|||——||——|——|——|——|——|——
31101|资本金注入|93|||——||——|——|——|——|——|——
31199|其他对企业补助|94|||——||——|——|——|——|——|——
312|对企业补助|95||||||||||
31201|资本金注入|96||||||||||
31203|政府投资基金股权投资|97||||||||||
31204|费用补贴|98||||||||||
31205|利息补贴|99||||||||||
312099|其他对企业补助|100||||||||||
313|对社会保障基金补助|101|||——||——|||||
31302|对社会保险基金补助|102|||——||——|||||
31303|补充全国社会保障基金|103|||——||——|||||
31304|对机关事业单位职业年金的补助|104|||——||——|||||
399|其他支出|105||||||||||
39907|国家赔偿费用支出|106||||||||||
39908|对民间非营利组织和群众性自治组织补贴|107||||||||||
39909|经常性赠与|108||||||||||
39910|资本性赠与|109||||||||||
39999|其他支出|110||||||||||
""")

# seed lines 1549-1570 (blank lines dropped, TAB written as "|")
D06 = Grid(1549, 1570, """
项目||本年支出||
科目代码|科目名称|小计|基本支出|项目支出
栏次||1|2|3
合计||698.39|478.89|219.50
201|一般公共服务支出|655.50|436.00|219.50
20131|党委办公厅（室）及相关机构事务|654.90|436.00|218.90
2013101|行政运行|436.00|436.00|
2013102|一般行政管理事务|218.90||218.90
20136|其他共产党事务支出|0.60||0.60
2013602|一般行政管理事务|0.60||0.60
208|社会保障和就业支出|19.46|19.46|
20805|行政事业单位养老支出|19.10|19.10|
2080505|机关事业单位基本养老保险缴费支出|19.10|19.10|
20899|其他社会保障和就业支出|0.36|0.36|
2089999|其他社会保障和就业支出|0.36|0.36|
210|卫生健康支出|13.17|13.17|
21011|行政事业单位医疗|13.17|13.17|
2101101|行政单位医疗|9.72|9.72|
2101103|公务员医疗补助|3.45|3.45|
221|住房保障支出|10.25|10.25|
22102|住房改革支出|10.25|10.25|
2210201|住房公积金|10.25|10.25|
""")

# seed lines 1579-1609 (blank lines dropped, TAB written as "|")
D08 = Grid(1579, 1609, """
人员经费|||公用经费|||||
科目代码|科目名称|决算数|科目代码|科目名称|决算数|科目代码|科目名称|决算数
301|工资福利支出|420.43|302|商品和服务支出|46.99|307|债务利息及费用支出|
30101|基本工资|151.91|30201|办公费|2.24|30701|国内债务付息|
30102|津贴补贴|104.12|30202|印刷费|2.94|30702|国外债务付息|
30103|奖金|121.52|30203|咨询费||310|资本性支出|
30106|伙食补助费||30204|手续费||31001|房屋建筑物购建|
30107|绩效工资||30205|水费|0.13|31002|办公设备购置|
30108|机关事业单位基本养老保险缴费|19.10|30206|电费|13.00|31003|专用设备购置|
30109|职业年金缴费||30207|邮电费||31005|基础设施建设|
30110|职工基本医疗保险缴费|9.72|30208|取暖费||31006|大型修缮|
30111|公务员医疗补助缴费|3.45|30209|物业管理费||31007|信息网络及软件购置更新|
30112|其他社会保障缴费|0.36|30211|差旅费|4.13|31008|物资储备|
30113|住房公积金|10.25|30212|因公出国（境）费用||31009|土地补偿|
30114|医疗费||30213|维修（护）费||31010|安置补助|
30199|其他工资福利支出|0.05|30214|租赁费||31011|地上附着物和青苗补偿|
303|对个人和家庭的补助|11.47|30215|会议费|1.23|31012|拆迁补偿|
30301|离休费||30216|培训费||31013|公务用车购置|
30302|退休费||30217|公务接待费||31019|其他交通工具购置|
30303|退职（役）费||30218|专用材料费||31021|文物和陈列品购置|
30304|抚恤金||30224|被装购置费||31022|无形资产购置|
30305|生活补助|10.53|30225|专用燃料费||31099|其他资本性支出|
30306|救济费||30226|劳务费|0.26|399|其他支出|
30307|医疗费补助||30227|委托业务费||39907|国家赔偿费用支出|
30308|助学金||30228|工会经费|8.99|39908|对民间非营利组织和群众性自治组织补贴|
30309|奖励金|0.94|30229|福利费||39909|经常性赠与|
30310|个人农业生产补贴||30231|公务用车运行维护费|2.82|39910|资本性赠与|
30311|代缴社会保险费||30239|其他交通费用||39999|其他支出|
30399|其他对个人和家庭的补助||30240|税金及附加费用||||
|||30299|其他商品和服务支出|11.25|||
人员经费合计||431.91|公用经费合计|||||75.52
""")

# seed lines 1621-1628 (blank lines dropped, TAB written as "|")
D09 = Grid(1621, 1628, """
项目||本年收入|本年支出
科目代码|科目名称||
合计||219.50|219.50
201|一般公共服务支出|219.50|219.50
20131|党委办公厅（室）及相关机构事务|218.90|218.90
2013102|一般行政管理事务|218.90|218.90
20136|其他共产党事务支出|0.60|0.60
2013602|一般行政管理事务|0.60|0.60
""")

# seed lines 1640-1647 (blank lines dropped, TAB written as "|")
D10 = Grid(1640, 1647, """
项目||年初结转 和结余|本年收入|本年支出|||年末结转和 结余
科目代码|科目名称|||小计|基本 支出|项目支出|
栏次||1|2|3|4|5|6
合计||338.65|871.78|871.78||871.78|338.65
212|城乡社区支出|338.65|871.78|871.78||871.78|338.65
21208|国有土地使用权出让收入安排的支出|338.65|871.78|871.78||871.78|338.65
2120803|城市建设支出|172.55|591.78|591.78||591.78|172.55
2120899|其他国有土地使用权出让收入安排的支出|166.10|280.00|280.00||280.00|166.10
""")

# seed lines 1660-1663 (blank lines dropped, TAB written as "|")
D11 = Grid(1660, 1663, """
项目||年初结转和 结余|本年收入|本年支出|年末结转和结余
科目代码|科目名称||||
栏次||1|2|3|4
合计|||||
""")

# seed lines 1677-1680 (blank lines dropped, TAB written as "|")
D12 = Grid(1677, 1680, """
项目||本年支出||
科目代码|科目名称|合计|基本支出|项目支出
栏次||1|2|3
合计||||
""")

# seed lines 1692-1696 (blank lines dropped, TAB written as "|")
D13 = Grid(1692, 1696, """
预算数||||||决算数|||||
合计|因公出国（境） 费|公务用车购置及运行维护费|||公务接 待费|合计|因公出国（境） 费|公务用车购置及运行维护费|||公务接待费
||小计|公务用车购 置费|公务用车运行 维护费||||小计|公务用车购 置费|公务用车运行维 护费|
1|2|3|4|5|6|7|8|9|10|11|12
2.82||2.82||2.82||2.82||2.82||2.82|
""")

# ---------------------------------------------------------------------------
# Normalisation helpers
# ---------------------------------------------------------------------------

_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_CJK_GAP = re.compile("(?<=[%s])\\s+(?=[%s])" % (_CJK, _CJK))
AMOUNT_RE = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)\.\d{2}$")
COUNT_RE = re.compile(r"^\d+$")
NA_MARKS = ("——", "—")


def norm_label(s):
    """Row labels: a line break inside a cell became a space in the extraction; remove
    whitespace that sits between two CJK characters (CJK punctuation and full-width
    forms included).  Spaces such as "(一) 行政单位" are kept."""
    return _CJK_GAP.sub("", s).strip()


def norm_header(s):
    """Header labels: every space in a printed header label is a line break of the cell."""
    return re.sub(r"\s+", "", s)


def col_letter(i):  # 0-based
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def parse_ref(ref):
    m = re.fullmatch(r"([A-Z]+)(\d+):([A-Z]+)(\d+)", ref)
    def c(s):
        n = 0
        for ch in s:
            n = n * 26 + ord(ch) - 64
        return n - 1
    return int(m.group(2)) - 1, c(m.group(1)), int(m.group(4)) - 1, c(m.group(3))


# ---------------------------------------------------------------------------
# Seed verification
# ---------------------------------------------------------------------------

class Seed:
    def __init__(self, name):
        path = os.path.join(SEED_DIR, name)
        self.available = os.path.exists(path)
        self.name = name
        if self.available:
            with open(path, encoding="utf-8") as f:
                self.lines = f.read().split("\n")  # seed line n = self.lines[n-1]

    def check_grid(self, grid):
        if not self.available:
            return
        want = [ln.replace("\t", "|") for ln in self.lines[grid.first_line - 1:grid.last_line] if ln != ""]
        assert want == grid.lines, "%s lines %d-%d differ from the literal block:\n%s" % (
            self.name, grid.first_line, grid.last_line,
            "\n".join("seed: %r\nlit:  %r" % (a, b) for a, b in zip(want, grid.lines) if a != b))

    def check_text(self, text, near):
        """text (or a tuple of consecutive non-blank line parts) must be a seed line within
        80 lines of `near`."""
        if not self.available:
            return
        parts = text if isinstance(text, tuple) else (text,)
        lo, hi = max(0, near - 80), min(len(self.lines), near + 80)
        window = [ln for ln in self.lines[lo:hi] if ln != ""]
        for i in range(len(window) - len(parts) + 1):
            if tuple(window[i:i + len(parts)]) == parts:
                return
        raise AssertionError("%s: %r not found near line %d" % (self.name, text, near))


# ---------------------------------------------------------------------------
# Table construction
# ---------------------------------------------------------------------------

class Table:
    def __init__(self, tid, code, title, key_lines, notes, kind, width, header_rows_printed,
                 merges, number_row, value_cols, seed_lines):
        self.d = {
            "id": tid, "code": code, "title": title, "key_lines": key_lines,
            "columns": [], "rows": [], "notes": notes, "not_applicable": [],
            "empty": False, "inferred": False,
            "seed_lines": list(seed_lines) if seed_lines else None,
        }
        header_rows = [[norm_header(c) for c in row] for row in header_rows_printed]
        for row in header_rows_printed:
            assert len(row) == width, (tid, row)
        self.layout = {
            "kind": kind, "width": width,
            "header_rows": header_rows,
            "header_rows_printed": [list(r) for r in header_rows_printed],
            "header_merges": merges,
            "number_row": number_row,
        }
        self.d["layout"] = self.layout
        self.value_cols = value_cols  # [(physical col, key)]
        # columns with header paths derived from the printed header grid and the merges
        covered = {}
        for ref in merges:
            r1, c1, r2, c2 = parse_ref(ref)
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    covered[(r, c)] = (r1, c1)
        label_rows = [i for i in range(len(header_rows)) if i != number_row]
        seen_keys = set()
        for col, key in value_cols:
            if key in seen_keys:
                continue
            seen_keys.add(key)
            path = []
            last = None
            for r in label_rows:
                src = covered.get((r, col), (r, col))
                txt = header_rows[src[0]][src[1]]
                if txt and src != last:
                    path.append(txt)
                last = src
            num = None
            if number_row is not None:
                num = header_rows[number_row][col] or None
            self.d["columns"].append({"key": key, "header": path, "column_number": num})

    def add_row(self, key, label, code, line, raw_cells, keys, extra=None, label_printed=None):
        """raw_cells/keys: printed cell strings and the column keys they belong to."""
        row = {"key": key, "label": label, "code": code, "line": line, "values": {}}
        if label_printed is not None and label_printed != label:
            row["label_printed"] = label_printed
        printed = {}
        for raw, ck in zip(raw_cells, keys):
            assert raw == raw.strip(), (key, raw)
            if raw == "":
                continue
            if raw in NA_MARKS:
                self.d["not_applicable"].append({"row": key, "column": ck, "printed": raw})
                continue
            if (extra or {}).get("quantity") == "count":
                assert COUNT_RE.match(raw), (key, raw)
                row["values"][ck] = raw
                continue
            assert AMOUNT_RE.match(raw), (self.d["id"], key, ck, raw)
            row["values"][ck] = raw.replace(",", "")
            if "," in raw:
                printed[ck] = raw
        if printed:
            row["printed"] = printed
        if extra:
            row.update(extra)
        assert all(r["key"] != key for r in self.d["rows"]), ("duplicate row key", self.d["id"], key)
        self.d["rows"].append(row)
        return row


FUNCTION_CODE = re.compile(r"^\d{3}(\d{2}(\d{2})?)?$")
ECONOMIC_CODE = re.compile(r"^\d{3}(\d{2})?$")


def parse_coded(t, grid, n_header, code_re, line_col=None, allow_312099=False):
    """Code-keyed body: [code, name, (行次,) values…]; first body row is 合计."""
    width = t.layout["width"]
    keys = [k for _, k in t.value_cols]
    cols = [c for c, _ in t.value_cols]
    for i in range(n_header, grid_len(grid)):
        c = grid.cells(i)
        assert len(c) == width, (t.d["id"], grid.lines[i])
        line = c[line_col] if line_col is not None else None
        if c[0] == "合计":
            assert c[1] == "", grid.lines[i]
            assert i == n_header, "合计 must be the first body row"
            t.add_row("合计", "合计", None, line, [c[j] for j in cols], keys)
            continue
        code = c[0]
        assert code_re.match(code) or (allow_312099 and code == "312099"), (t.d["id"], code)
        t.add_row(code, norm_label(c[1]), code, line, [c[j] for j in cols], keys, label_printed=c[1])
    if line_col is not None:
        lines = [r["line"] for r in t.d["rows"]]
        assert lines == [str(n) for n in range(1, len(lines) + 1)], lines


def grid_len(grid):
    return len(grid.lines)


def parse_pair(t, grid, n_header, inc_first, exp_first, quirks=None):
    """01/04: each physical row holds an income record (c1–c3) and an expenditure record."""
    quirks = quirks or {}
    width = t.layout["width"]
    inc_keys = [k for c, k in t.value_cols if k.startswith("income.")]
    inc_cols = [c for c, k in t.value_cols if k.startswith("income.")]
    exp_keys = [k for c, k in t.value_cols if k.startswith("expenditure.")]
    exp_cols = [c for c, k in t.value_cols if k.startswith("expenditure.")]
    inc, exp = [], []
    for i in range(n_header, grid_len(grid)):
        c = grid.cells(i)
        if quirks.get("extra_leading_cell") and len(c) > 2 and c[2] in quirks["extra_leading_cell"]:
            # dachuan 04表 本年收入合计 … 总计 rows: the extraction adds an empty first cell
            # (and drops the empty last one, handled below)
            assert c[0] == "" and c[1] != "", grid.lines[i]
            c = c[1:]
        if len(c) == width - 1 and quirks.get("lost_trailing_cell"):
            # zezhou 04表 rows 52–64 lost their (empty) last cell after a page break
            assert c[4] in quirks["lost_trailing_cell"], grid.lines[i]
            c = c + [""]
        assert len(c) == width, (t.d["id"], grid.lines[i])
        inc.append((c[0], c[1], [c[j] for j in inc_cols]))
        exp.append((c[3], c[4], [c[j] for j in exp_cols]))
    return inc, exp, inc_keys, exp_keys


def emit_pair(t, inc, exp, inc_keys, exp_keys):
    for label, line, vals in inc:
        extra = {"inferred": True} if line in t.inferred_lines else None
        t.add_row("income:" + line, norm_label(label), None, line, vals, inc_keys, extra, label_printed=label)
    for label, line, vals in exp:
        extra = {"inferred": True} if line in t.inferred_lines else None
        t.add_row("expenditure:" + line, norm_label(label), None, line, vals, exp_keys, extra, label_printed=label)


def parse_triplets(t, grid, n_header, n_trip):
    """06 / sc13 08: n_trip side-by-side (科目代码, 科目名称, 决算数) lists, then the footer."""
    width = t.layout["width"]
    assert width == 3 * n_trip
    lists = [[] for _ in range(n_trip)]
    footer = None
    for i in range(n_header, grid_len(grid)):
        c = grid.cells(i)
        assert len(c) == width, grid.lines[i]
        if c[0] == "人员经费合计":
            footer = c
            assert i == grid_len(grid) - 1
            continue
        for k in range(n_trip):
            code, name, amt = c[3 * k:3 * k + 3]
            if code == "" and name == "":
                assert amt == ""
                lists[k].append(None)
            else:
                assert ECONOMIC_CODE.match(code), code
                lists[k].append((code, name, amt))
    for k, lst in enumerate(lists):  # top aligned: blanks only at the bottom
        first_blank = next((j for j, e in enumerate(lst) if e is None), len(lst))
        assert all(e is None for e in lst[first_blank:]), ("gap inside triplet", k)
        for code, name, amt in lst[:first_blank]:
            t.add_row(code, norm_label(name), code, None, [amt], ["amount"],
                      {"triplet": k + 1, "group": "人员经费" if k == 0 else "公用经费"}, label_printed=name)
    # footer: label cells followed (after empty cells) by the value cell
    assert footer is not None
    spec = []
    j = 0
    while j < width:
        if footer[j] in ("人员经费合计", "公用经费合计"):
            label = footer[j]
            v = j + 1
            while footer[v] == "":
                v += 1
            t.add_row(label, label, None, None, [footer[v]], ["amount"], {"footer": True})
            spec.append({"row": label, "label_col": j, "value_col": v})
            j = v + 1
        else:
            assert footer[j] == "", footer
            j += 1
    # one value column key for every triplet: "amount" (决算数); the triplet and its group
    # (人员经费 / 公用经费) are on the row records
    t.d["columns"] = [{"key": "amount", "header": ["决算数"], "column_number": None}]
    t.layout["triplet_columns"] = [[3 * k, 3 * k + 1, 3 * k + 2] for k in range(n_trip)]
    t.layout["footer"] = spec
    t.layout["body_rows"] = len(lists[0])


SANGONG_KEYS = ["budget.total", "budget.abroad", "budget.vehicle_subtotal", "budget.vehicle_purchase",
                "budget.vehicle_operation", "budget.reception", "actual.total", "actual.abroad",
                "actual.vehicle_subtotal", "actual.vehicle_purchase", "actual.vehicle_operation", "actual.reception"]
SANGONG_MERGES = ["A1:F1", "G1:L1", "A2:A3", "B2:B3", "C2:E2", "F2:F3", "G2:G3", "H2:H3", "I2:K2", "L2:L3"]


def parse_sangong(t, grid, n_header):
    for i in range(n_header, grid_len(grid)):
        c = grid.cells(i)
        assert len(c) == 12
        t.add_row("data", "", None, None, c, SANGONG_KEYS)
    assert len(t.d["rows"]) <= 1


# ---------------------------------------------------------------------------
# zezhou, gk10-2024
# ---------------------------------------------------------------------------

Z_DEPT = "中国共产党泽州县委员会政法委员会"
Z_KEY = ["部门名称：" + Z_DEPT, "2024年度", "金额单位：万元"]
PAIR01_VALUES = [(2, "income.amount"), (5, "expenditure.amount")]
PAIR04_VALUES = [(2, "income.amount"), (5, "expenditure.total"), (6, "expenditure.general"),
                 (7, "expenditure.fund"), (8, "expenditure.state_capital")]
T02_VALUES = list(zip(range(2, 9), ["total", "appropriation", "upper_subsidy", "service", "operating",
                                    "affiliate_remit", "other"]))
T03_VALUES = list(zip(range(2, 8), ["total", "basic", "project", "remit_upper", "business", "subsidy_units"]))
T05_VALUES = [(2, "subtotal"), (3, "basic"), (4, "project")]
T07_VALUES = list(zip(range(2, 8), ["opening", "income", "expenditure.subtotal", "expenditure.basic",
                                    "expenditure.project", "closing"]))
T08_VALUES = [(2, "total"), (3, "basic"), (4, "project")]
M02 = ["A1:B1"] + ["%s1:%s2" % (col_letter(c), col_letter(c)) for c in range(2, 9)]
M03 = ["A1:B1"] + ["%s1:%s2" % (col_letter(c), col_letter(c)) for c in range(2, 8)]
M07 = ["A1:B1", "C1:C2", "D1:D2", "E1:G1", "H1:H2"]


def header_of(grid, n):
    return [grid.cells(i) for i in range(n)]


def zezhou():
    seed = Seed(ZEZHOU_SEED)
    tables = []

    def check(grid, title, code, key_lines, notes, near, code_parts=None, key_parts=None):
        seed.check_grid(grid)
        seed.check_text(title, near)
        seed.check_text(code_parts or code, near)
        for k in (key_parts or key_lines):
            seed.check_text(k, near)
        for n in notes:
            seed.check_text(n, near + 40)

    # 公开01表
    notes = ["注：本表反映部门本年度的总收支和年末结转结余情况。本套报表金额单位转换时可能存在尾数误差。"]
    check(Z01, "收入支出决算总表", "公开01表", Z_KEY, notes, 67)
    t = Table("01", "公开01表", "收入支出决算总表", Z_KEY, notes, "pair", 6, header_of(Z01, 3),
              ["A1:C1", "D1:F1"], 2, PAIR01_VALUES, (Z01.first_line, Z01.last_line))
    t.inferred_lines = set()
    inc, exp, ik, ek = parse_pair(t, Z01, 3, 1, 32)
    assert [x[1] for x in inc] == [str(n) for n in range(1, 32)]
    assert [x[1] for x in exp] == [str(n) for n in range(32, 63)]
    emit_pair(t, inc, exp, ik, ek)
    tables.append(t)

    # 公开02表 (the code line is broken as "公开02" / "表")
    notes = ["注：本表反映部门本年度取得的各项收入情况。"]
    check(Z02, "收入决算表", "公开02表", Z_KEY, notes, 115, code_parts=("公开02", "表"))
    t = Table("02", "公开02表", "收入决算表", Z_KEY, notes, "coded", 9, header_of(Z02, 3), M02, 2,
              T02_VALUES, (Z02.first_line, Z02.last_line))
    t.d["remarks"] = ["code line broken in the extraction as \"公开02\" / \"表\""]
    parse_coded(t, Z02, 3, FUNCTION_CODE)
    tables.append(t)

    # 公开03表
    notes = ["注：本表反映部门本年度各项支出情况。"]
    check(Z03, "支出决算表", "公开03表", Z_KEY, notes, 158)
    t = Table("03", "公开03表", "支出决算表", Z_KEY, notes, "coded", 8, header_of(Z03, 3), M03, 2,
              T03_VALUES, (Z03.first_line, Z03.last_line))
    parse_coded(t, Z03, 3, FUNCTION_CODE)
    tables.append(t)

    # 公开04表 (部门名称 and 年度 share one line)
    key04 = ["部门名称：" + Z_DEPT + " 2024年度", "金额单位：万元"]
    notes = ["注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。"]
    check(Z04, "财政拨款收入支出决算总表", "公开04表", key04, notes, 199)
    t = Table("04", "公开04表", "财政拨款收入支出决算总表", key04, notes, "pair", 9, header_of(Z04, 3),
              ["A1:C1", "D1:I1"], 2, PAIR04_VALUES, (Z04.first_line, Z04.last_line))
    t.inferred_lines = set()
    inc, exp, ik, ek = parse_pair(t, Z04, 3, 1, 33,
                                  {"lost_trailing_cell": {str(n) for n in range(52, 65)}})
    assert [x[1] for x in inc] == [str(n) for n in range(1, 33)]
    assert [x[1] for x in exp] == [str(n) for n in range(33, 65)]
    emit_pair(t, inc, exp, ik, ek)
    t.d["remarks"] = ["the extraction drops the last (empty) cell of the rows with 行次 52–64; restored as blank"]
    tables.append(t)

    # 公开05表
    notes = ["注：本表反映部门本年度一般公共预算财政拨款支出情况。"]
    check(Z05, "一般公共预算财政拨款支出决算表", "公开05表", Z_KEY, notes, 246)
    t = Table("05", "公开05表", "一般公共预算财政拨款支出决算表", Z_KEY, notes, "coded", 5, header_of(Z05, 3),
              ["A1:B1", "C1:E1"], 2, T05_VALUES, (Z05.first_line, Z05.last_line))
    parse_coded(t, Z05, 3, FUNCTION_CODE)
    tables.append(t)

    # 公开06表
    notes = ["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"]
    check(Z06, "一般公共预算财政拨款基本支出决算明细表", "公开06表", Z_KEY, notes, 287)
    t = Table("06", "公开06表", "一般公共预算财政拨款基本支出决算明细表", Z_KEY, notes, "triplets", 12,
              header_of(Z06, 2), ["A1:C1", "D1:L1"], None, [(2, "amount"), (5, "amount"), (8, "amount"), (11, "amount")],
              (Z06.first_line, Z06.last_line))
    parse_triplets(t, Z06, 2, 4)
    t.d["remarks"] = ["footer label spans are not recoverable from the extraction; labels are placed in the "
                      "cells where the extraction prints them (人员经费合计 c1, 公用经费合计 c8)"]
    tables.append(t)

    # 公开07表 (empty)
    key07 = ["部门名称：" + Z_DEPT, "2024年度", "单位：万元"]
    notes = ["注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。", "说明：本表无数据"]
    check(Z07, "政府性基金预算财政拨款收入支出决算表", "公开07表", key07, notes, 332)
    t = Table("07", "公开07表", "政府性基金预算财政拨款收入支出决算表", key07, notes, "coded", 8, header_of(Z07, 3),
              M07, 2, T07_VALUES, (Z07.first_line, Z07.last_line))
    parse_coded(t, Z07, 3, FUNCTION_CODE)
    t.d["empty"] = True
    tables.append(t)

    # 公开08表 (empty)
    notes = ["注：本表反映部门本年度国有资本经营预算财政拨款支出情况。", "说明：本表无数据"]
    check(Z08, "国有资本经营预算财政拨款支出决算表", "公开08表", key07, notes, 351)
    t = Table("08", "公开08表", "国有资本经营预算财政拨款支出决算表", key07, notes, "coded", 5, header_of(Z08, 3),
              ["A1:B1", "C1:E1"], 2, T08_VALUES, (Z08.first_line, Z08.last_line))
    parse_coded(t, Z08, 3, FUNCTION_CODE)
    t.d["empty"] = True
    tables.append(t)

    # 公开09表 (empty: no data row at all; the 部门名称 line is broken in two)
    notes = ["注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。",
             "说明：本表无数据"]
    check(Z09, "财政拨款“三公”经费支出决算表", "公开09表", Z_KEY, notes, 370,
          key_parts=[("部门名称：中国共产党泽州县", "委员会政法委员会"), "2024年度", "金额单位：万元"])
    t = Table("09", "公开09表", "财政拨款“三公”经费支出决算表", Z_KEY, notes, "sangong", 12, header_of(Z09, 4),
              SANGONG_MERGES, 3, list(enumerate(SANGONG_KEYS)), (Z09.first_line, Z09.last_line))
    parse_sangong(t, Z09, 4)
    assert t.d["rows"] == []
    t.d["empty"] = True
    t.d["remarks"] = ["no data row is printed (table without data)",
                      "部门名称 line broken in the extraction after \"泽州县\""]
    tables.append(t)

    # 公开10表
    key10 = ["单位名称：" + Z_DEPT, "2024年度", "金额单位：万元"]
    notes = ["注：本表反映部门本年度政府采购、机关运行经费和国有资产占用情况。"]
    check(Z10, "部门决算公开相关信息统计表", "公开10表", key10, notes, 390)
    t = Table("10", "公开10表", "部门决算公开相关信息统计表", key10, notes, "stats", 3, [], [], None,
              [(2, "amount")], (Z10.first_line, Z10.last_line))
    t.d["columns"] = [{"key": "amount", "header": ["统计数"], "column_number": None}]
    body = []
    for i in range(grid_len(Z10)):
        c = Z10.cells(i)
        assert len(c) == 3
        if COUNT_RE.match(c[1]):
            line = c[1]
            extra = {"quantity": "count"} if int(line) >= 7 else None
            t.add_row(line, c[0], None, line, [c[2]], ["amount"], extra)
            body.append({"row": line})
        else:
            body.append({"literal": c})
    assert [r["line"] for r in t.d["rows"]] == [str(n) for n in list(range(1, 16)) + [17]]
    t.layout["body"] = body
    t.layout["literal_merges"] = "section headings (c2–c3 blank) are merged across the table"
    t.d["remarks"] = ["行次 16 is not printed (template or extraction — unknown); not restored",
                      "rows 7–17 are counts (辆 / 台套), not amounts"]
    tables.append(t)

    return {"schema": SCHEMA, "set": "gk10-2024", "department": Z_DEPT, "year": 2024, "unit": "万元",
            "source": "seeds/" + ZEZHOU_SEED,
            "tables": [x.d for x in tables]}


# ---------------------------------------------------------------------------
# dachuan, sc13-2023
# ---------------------------------------------------------------------------

D_DEPT = "中国共产党达州市达川区委员会政法委员会"
D_DEPT_LINE = "部门：" + D_DEPT
D_UNIT = "金额单位：万元"
D05_VALUES = list(zip(range(3, 13), ["total", "general.subtotal", "general.basic", "general.project",
                                     "fund.subtotal", "fund.basic", "fund.project",
                                     "state_capital.subtotal", "state_capital.basic", "state_capital.project"]))


def dachuan():
    seed = Seed(DACHUAN_SEED)
    tables = []

    def check(grid, title, code, key_lines, notes, near, key_parts=None):
        seed.check_grid(grid)
        seed.check_text(title, near)
        if code:
            seed.check_text(code, near)
        for k in (key_parts or key_lines):
            seed.check_text(k, near)
        for n in notes:
            seed.check_text(n, near + 40)

    # 公开 01 表 (key lines printed in the order: code, 金额单位, 部门)
    key = [D_UNIT, D_DEPT_LINE]
    notes = ["注：1.本表反映部门本年度的总收支和年末结转结余情况。", "2.本套报表金额单位转换时可能存在尾数误差。"]
    check(D01, "一、收入支出决算总表", "公开 01 表", key, notes, 1253)
    t = Table("01", "公开 01 表", "一、收入支出决算总表", key, notes, "pair", 6, header_of(D01, 3),
              ["A1:C1", "D1:F1"], 2, PAIR01_VALUES, (D01.first_line, D01.last_line))
    t.inferred_lines = set()
    inc, exp, ik, ek = parse_pair(t, D01, 3, 1, 32)
    assert [x[1] for x in inc] == [str(n) for n in range(1, 32)]
    assert [x[1] for x in exp] == [str(n) for n in range(32, 63)]
    emit_pair(t, inc, exp, ik, ek)
    tables.append(t)

    # 公开 02 表
    notes = ["注：本表反映部门本年度取得的各项收入情况。"]
    check(D02, "二、收入决算表", "公开 02 表", key, notes, 1300)
    t = Table("02", "公开 02 表", "二、收入决算表", key, notes, "coded", 9, header_of(D02, 3), M02, 2,
              T02_VALUES, (D02.first_line, D02.last_line))
    parse_coded(t, D02, 3, FUNCTION_CODE)
    tables.append(t)

    # 公开 03 表
    notes = ["注：本表反映部门本年度各项支出情况。"]
    check(D03, "三、支出决算表", "公开 03 表", key, notes, 1336)
    t = Table("03", "公开 03 表", "三、支出决算表", key, notes, "coded", 8, header_of(D03, 3), M03, 2,
              T03_VALUES, (D03.first_line, D03.last_line))
    parse_coded(t, D03, 3, FUNCTION_CODE)
    tables.append(t)

    # 公开 04 表 (key lines: code, 部门, 金额单位)
    key04 = [D_DEPT_LINE, D_UNIT]
    notes = ["注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。"]
    check(D04, "四、财政拨款收入支出决算总表", "公开 04 表", key04, notes, 1374)
    t = Table("04", "公开 04 表", "四、财政拨款收入支出决算总表", key04, notes, "pair", 9, header_of(D04, 3),
              ["A1:C1", "D1:I1"], 2, PAIR04_VALUES, (D04.first_line, D04.last_line))
    t.inferred_lines = {"21", "53"}
    inc, exp, ik, ek = parse_pair(t, D04, 3, 1, 33, {"extra_leading_cell": {str(n) for n in range(27, 33)},
                                                     "lost_trailing_cell": {str(n) for n in range(59, 65)}})
    assert [x[1] for x in inc] == [str(n) for n in range(1, 33) if n != 21]
    assert [x[1] for x in exp] == [str(n) for n in range(33, 65) if n != 53]
    # 行次 21 / 53 are missing from the extraction: restored from the template (gk10 04表 /
    # 01表 order of the 26 类), blank — Σ 33..58 = 59 holds without them.
    inc.insert(20, ("", "21", [""]))
    exp.insert(20, ("二十一、国有资本经营预算支出", "53", ["", "", "", ""]))
    emit_pair(t, inc, exp, ik, ek)
    t.d["remarks"] = ["行次 21 (income, empty label) and 53 (二十一、国有资本经营预算支出) are missing from the "
                      "extraction; restored from the template with blank values and marked \"inferred\"",
                      "rows 27–32 / 59–64 carry an extra empty first cell and lose the (empty) last cell "
                      "in the extraction; realigned (国有资本经营预算财政拨款 column blank)",
                      "总计 row printed with thousands separators (\"2,138.36\", \"1,210.43\")"]
    tables.append(t)

    # 公开 05 表 (编制单位; no 栏次; no note extracted)
    key05 = ["编制单位：" + D_DEPT, D_UNIT]
    check(D05, "五、财政拨款支出决算明细表", "公开 05 表", key05, [], 1420)
    t = Table("05", "公开 05 表", "五、财政拨款支出决算明细表", key05, [], "coded", 13, header_of(D05, 2),
              ["A1:B1", "C1:C2", "D1:D2", "E1:G1", "H1:J1", "K1:M1"], None, D05_VALUES,
              (D05.first_line, D05.last_line))
    t.layout["line_col"] = 2
    parse_coded(t, D05, 2, ECONOMIC_CODE, line_col=2, allow_312099=True)
    assert len(t.d["rows"]) == 110
    t.d["remarks"] = ["行次 62–68 print \"—\", the other not-applicable cells \"——\" (kept as printed)",
                      "code \"312099\" printed for 其他对企业补助 (gk10: 31299)"]
    tables.append(t)
    d05 = t

    # 六 (code line "公开 06 表" missing from the extraction; no note extracted)
    key06 = [D_DEPT_LINE, D_UNIT]
    check(D06, "六、一般公共预算财政拨款支出决算表", None, key06, [], 1543)
    t = Table("06", "公开 06 表", "六、一般公共预算财政拨款支出决算表", key06, [], "coded", 5, header_of(D06, 3),
              ["A1:B1", "C1:E1"], 2, T05_VALUES, (D06.first_line, D06.last_line))
    parse_coded(t, D06, 3, FUNCTION_CODE)
    t.d["code_inferred"] = True
    t.d["remarks"] = ["the code line is missing from the extraction; \"公开 06 表\" inferred from the set"]
    tables.append(t)

    # 七 — absent from the extraction (only in the 目录).  conventions §7: laid out as the
    # 一般公共预算 part of 05表, filled with 05表's 一般公共预算 小计/基本支出/项目支出.
    seed.check_text("- 七、一般公共预算财政拨款支出决算明细表", 53)
    header07 = [["项目", "", "合计", "基本支出", "项目支出"], ["经济分类科目代码", "科目名称", "", "", ""]]
    t = Table("07", "公开 07 表", "七、一般公共预算财政拨款支出决算明细表", [D_DEPT_LINE, D_UNIT], [], "coded", 5,
              header07, ["A1:B1", "C1:C2", "D1:D2", "E1:E2"], None,
              [(2, "total"), (3, "basic"), (4, "project")], None)
    src = {"general.subtotal": "total", "general.basic": "basic", "general.project": "project"}
    for r in d05.d["rows"]:
        row = {"key": r["key"], "label": r["label"], "code": r["code"], "line": None,
               "values": {src[k]: v for k, v in r["values"].items() if k in src}}
        t.d["rows"].append(row)
    for na in d05.d["not_applicable"]:
        if na["column"] in src:
            t.d["not_applicable"].append({"row": na["row"], "column": src[na["column"]], "printed": na["printed"]})
    t.d["inferred"] = True
    t.d["inferred_from"] = ("sc13 公开 05 表, columns 一般公共预算财政拨款 小计/基本支出/项目支出 → 合计/基本支出/项目支出, "
                            "every row, \"——\" cells included")
    t.d["remarks"] = ["table absent from the extraction (listed in the 目录 only); layout and data inferred "
                      "per conventions §7; title from the 目录; key lines as 06"]
    tables.append(t)

    # 公开 08 表 (body heading differs from the 目录: "…基本支出决算表")
    notes = ["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"]
    check(D08, "八、一般公共预算财政拨款基本支出决算表", "公开 08 表", key, notes, 1574)
    t = Table("08", "公开 08 表", "八、一般公共预算财政拨款基本支出决算表", key, notes, "triplets", 9,
              header_of(D08, 2), ["A1:C1", "D1:I1"], None, [(2, "amount"), (5, "amount"), (8, "amount")],
              (D08.first_line, D08.last_line))
    parse_triplets(t, D08, 2, 3)
    t.d["remarks"] = ["目录 title: 八、一般公共预算财政拨款基本支出决算明细表"]
    tables.append(t)

    # 公开 09 表 (no 栏次)
    notes = ["注：本表以“万元”为金额单位（保留两位小数），反映部门本年度一般公共预算财政拨款项目支出收支明细情况。"]
    check(D09, "九、一般公共预算财政拨款项目支出决算表", "公开 09 表", key04, notes, 1615)
    t = Table("09", "公开 09 表", "九、一般公共预算财政拨款项目支出决算表", key04, notes, "coded", 4, header_of(D09, 2),
              ["A1:B1", "C1:C2", "D1:D2"], None, [(2, "income"), (3, "expenditure")], (D09.first_line, D09.last_line))
    parse_coded(t, D09, 2, FUNCTION_CODE)
    tables.append(t)

    # 公开 10 表
    notes = ["注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。"]
    check(D10, "十、政府性基金预算财政拨款收入支出决算表", "公开 10 表", key04, notes, 1634)
    t = Table("10", "公开 10 表", "十、政府性基金预算财政拨款收入支出决算表", key04, notes, "coded", 8, header_of(D10, 3),
              M07, 2, T07_VALUES, (D10.first_line, D10.last_line))
    parse_coded(t, D10, 3, FUNCTION_CODE)
    tables.append(t)

    # 公开 11 表 (empty; 部门 line broken in two)
    notes = ["注：本表以“万元”为金额单位（保留两位小数位），本表反映部门本年度国有资本经营预算财政拨款收入、支出及结转和结余情况；",
             "如部门没有国有资本经营预算收入，也没有使用国有资本经营预算安排的支出，应注明本表无数据。"]
    check(D11, "十一、国有资本经营预算财政拨款收入支出决算表", "公开 11 表", key04, notes, 1653,
          key_parts=[("部门：中国共产党达州市达川区委员会政法", "委员会"), D_UNIT])
    t = Table("11", "公开 11 表", "十一、国有资本经营预算财政拨款收入支出决算表", key04, notes, "coded", 6,
              header_of(D11, 3), ["A1:B1", "C1:C2", "D1:D2", "E1:E2", "F1:F2"], 2,
              list(zip(range(2, 6), ["opening", "income", "expenditure", "closing"])), (D11.first_line, D11.last_line))
    parse_coded(t, D11, 3, FUNCTION_CODE)
    t.d["empty"] = True
    t.d["remarks"] = ["部门 line broken in the extraction after \"政法\""]
    tables.append(t)

    # 公开 12 表 (empty)
    notes = ["注：本表反映部门本年度国有资本经营预算财政拨款支出情况。"]
    check(D12, "十二、国有资本经营预算财政拨款支出决算表", "公开 12 表", key04, notes, 1671)
    t = Table("12", "公开 12 表", "十二、国有资本经营预算财政拨款支出决算表", key04, notes, "coded", 5,
              header_of(D12, 3), ["A1:B1", "C1:E1"], 2, T08_VALUES, (D12.first_line, D12.last_line))
    parse_coded(t, D12, 3, FUNCTION_CODE)
    t.d["empty"] = True
    tables.append(t)

    # 公开 13 表
    notes = ["注：本表反映部门本年度财政拨款“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年财政拨款和以前年度结转资金安排的实际支出。"]
    check(D13, "十三、财政拨款“三公”经费支出决算表", "公开 13 表", key04, notes, 1686)
    t = Table("13", "公开 13 表", "十三、财政拨款“三公”经费支出决算表", key04, notes, "sangong", 12, header_of(D13, 4),
              SANGONG_MERGES, 3, list(enumerate(SANGONG_KEYS)), (D13.first_line, D13.last_line))
    parse_sangong(t, D13, 4)
    assert len(t.d["rows"]) == 1
    tables.append(t)

    return {"schema": SCHEMA, "set": "sc13-2023", "department": D_DEPT, "year": 2023, "unit": "万元",
            "source": "seeds/" + DACHUAN_SEED,
            "tables": [x.d for x in tables]}


# ---------------------------------------------------------------------------
# Audit: the template relations of domain.md §4, computed on the printed figures
# ---------------------------------------------------------------------------

def D(s):
    return Decimal(s) if s not in (None, "") else Decimal(0)


def audit(doc):
    out = []
    T = {t["id"]: t for t in doc["tables"]}
    setid = doc["set"]

    def rows(t):
        return {r["key"]: r for r in t["rows"]}

    def v(t, key, col):
        r = rows(t).get(key)
        return D(r["values"].get(col)) if r else Decimal(0)

    def rel(where, total, addends, what):
        s = sum(addends, Decimal(0))
        if s != total:
            n = len(addends)
            tol = Decimal("0.005") * (n + 1)
            kind = "尾数" if abs(s - total) <= tol else "ERROR"
            out.append("%-5s %s: %s printed %s, computed %s (Δ %s)" % (kind, where, what, total, s, total - s))

    def same(where, a, b, what):
        if a != b:
            kind = "尾数" if abs(a - b) <= Decimal("0.01") else "ERROR"
            out.append("%-5s %s: %s %s vs %s (Δ %s)" % (kind, where, what, a, b, a - b))

    def hierarchy(t, col, econ=False):
        rs = [r for r in t["rows"] if r.get("code")]
        codes = [r["code"] for r in rs]
        for r in rs:
            c = r["code"]
            kids = [k for k in codes if k != c and k.startswith(c) and
                    (len(k) == len(c) + 2 or (econ and len(c) == 3 and k == c + "099"))]
            if kids:
                rel("%s %s [%s]" % (t["code"], c, col), v(t, c, col), [v(t, k, col) for k in kids],
                    "%s = Σ children" % c)
        tops = [k for k in codes if len(k) == 3]
        if "合计" in rows(t):
            rel("%s 合计 [%s]" % (t["code"], col), v(t, "合计", col), [v(t, k, col) for k in tops], "合计 = Σ 类")

    # 01
    t = T["01"]
    g = lambda n, side: v(t, "%s:%d" % (side, n), side + ".amount")
    rel("01", g(27, "income"), [g(n, "income") for n in range(1, 9)], "T01[27] = Σ 1..8")
    rel("01", g(31, "income"), [g(n, "income") for n in (27, 28, 29)], "T01[31] = 27+28+29")
    rel("01", g(58, "expenditure"), [g(n, "expenditure") for n in range(32, 58)], "T01[58] = Σ 32..57")
    rel("01", g(62, "expenditure"), [g(n, "expenditure") for n in (58, 59, 60)], "T01[62] = 58+59+60")
    same("01", g(31, "income"), g(62, "expenditure"), "T01[31] vs T01[62]")
    # 02 / 03
    for tid, keys in (("02", ["appropriation", "upper_subsidy", "service", "operating", "affiliate_remit", "other"]),
                      ("03", ["basic", "project", "remit_upper", "business", "subsidy_units"])):
        t = T[tid]
        for r in t["rows"]:
            rel("%s %s" % (t["code"], r["key"]), v(t, r["key"], "total"), [v(t, r["key"], k) for k in keys],
                "total = Σ columns")
        for c in ["total"] + keys:
            hierarchy(t, c)
    # 04
    t = T["04"]
    gi = lambda n: v(t, "income:%d" % n, "income.amount")
    ge = lambda n, c: v(t, "expenditure:%d" % n, "expenditure." + c)
    rel("04", gi(27), [gi(1), gi(2), gi(3)], "T04[27] = 1+2+3")
    rel("04", gi(28), [gi(29), gi(30), gi(31)], "T04[28] = 29+30+31")
    rel("04", gi(32), [gi(27), gi(28)], "T04[32] = 27+28")
    for n in range(33, 65):
        rel("04 row %d" % n, ge(n, "total"), [ge(n, "general"), ge(n, "fund"), ge(n, "state_capital")], ".2 = .3+.4+.5")
    for c in ("total", "general", "fund", "state_capital"):
        rel("04 [%s]" % c, ge(59, c), [ge(n, c) for n in range(33, 59)], "T04[59] = Σ 33..58")
        rel("04 [%s]" % c, ge(64, c), [ge(59, c), ge(60, c)], "T04[64] = 59+60")
    same("04", gi(32), ge(64, "total"), "T04[32] vs T04[64].2")
    for c, a, b in (("general", 1, 29), ("fund", 2, 30), ("state_capital", 3, 31)):
        rel("04 [%s]" % c, ge(64, c), [gi(a), gi(b)], "T04[64].%s = T04[%d]+T04[%d]" % (c, a, b))
    # across 01 / 02 / 03 / 04
    t01, t02, t03 = T["01"], T["02"], T["03"]
    same("02↔01", v(t02, "合计", "total"), v(t01, "income:27", "income.amount"), "02 合计 vs T01[27]")
    same("03↔01", v(t03, "合计", "total"), v(t01, "expenditure:58", "expenditure.amount"), "03 合计 vs T01[58]")
    for n in (1, 2, 3):
        same("01↔04", v(t01, "income:%d" % n, "income.amount"), v(T["04"], "income:%d" % n, "income.amount"),
             "T01[%d] vs T04[%d]" % (n, n))
    labels = {r["label"]: r for r in t01["rows"] if r["key"].startswith("expenditure:")}
    for r in t03["rows"]:
        if r.get("code") and len(r["code"]) == 3:
            lab = [k for k in labels if k.endswith("、" + r["label"])]
            if lab:
                same("03↔01", v(t03, r["key"], "total"), D(labels[lab[0]]["values"].get("expenditure.amount")),
                     "03 %s vs T01 %s" % (r["key"], lab[0]))
    # 一般公共预算 function table (gk10 05 / sc13 06)
    g05 = T["05"] if setid == "gk10-2024" else T["06"]
    for r in g05["rows"]:
        rel("%s %s" % (g05["code"], r["key"]), v(g05, r["key"], "subtotal"),
            [v(g05, r["key"], "basic"), v(g05, r["key"], "project")], "小计 = 基本+项目")
    for c in ("subtotal", "basic", "project"):
        hierarchy(g05, c)
    same("%s↔04" % g05["code"], v(g05, "合计", "subtotal"), ge(59, "general"), "合计.小计 vs T04[59].3")
    # triplets
    tri = T["06"] if setid == "gk10-2024" else T["08"]
    hierarchy(tri, "amount", econ=True)
    personnel = v(tri, "人员经费合计", "amount")
    public = v(tri, "公用经费合计", "amount")
    rel(tri["code"], personnel, [v(tri, "301", "amount"), v(tri, "303", "amount")], "人员经费合计 = 301+303")
    pub_codes = ["302", "307", "309", "310", "311", "312", "313", "399"]
    rel(tri["code"], public, [v(tri, c, "amount") for c in pub_codes if c in rows(tri)],
        "公用经费合计 = Σ 302,307,(309,)310,(311,312,313,)399")
    rel("%s↔%s" % (g05["code"], tri["code"]), v(g05, "合计", "basic"), [personnel, public],
        "合计.基本支出 = 人员经费合计 + 公用经费合计")
    # 政府性基金 (gk10 07 / sc13 10), 国有资本 (gk10 08 / sc13 12)
    gf = T["07"] if setid == "gk10-2024" else T["10"]
    for r in gf["rows"]:
        k = r["key"]
        rel("%s %s" % (gf["code"], k), v(gf, k, "expenditure.subtotal"),
            [v(gf, k, "expenditure.basic"), v(gf, k, "expenditure.project")], "小计 = 基本+项目")
        rel("%s %s" % (gf["code"], k), v(gf, k, "closing"),
            [v(gf, k, "opening"), v(gf, k, "income"), -v(gf, k, "expenditure.subtotal")], "年末 = 年初+收入−支出")
    for c in ("opening", "income", "expenditure.subtotal", "expenditure.basic", "expenditure.project", "closing"):
        hierarchy(gf, c)
    same("%s↔04" % gf["code"], v(gf, "合计", "income"), gi(2), "合计.本年收入 vs T04[2]")
    same("%s↔04" % gf["code"], v(gf, "合计", "opening"), gi(30), "合计.年初 vs T04[30]")
    same("%s↔04" % gf["code"], v(gf, "合计", "expenditure.subtotal"), ge(59, "fund"), "合计.支出 vs T04[59].4")
    same("%s↔04" % gf["code"], v(gf, "合计", "closing"), ge(60, "fund"), "合计.年末 vs T04[60].4")
    # 三公
    sg = T["09"] if setid == "gk10-2024" else T["13"]
    if sg["rows"]:
        for side in ("budget", "actual"):
            rel("%s %s" % (sg["code"], side), v(sg, "data", side + ".total"),
                [v(sg, "data", side + "." + k) for k in ("abroad", "vehicle_subtotal", "reception")], "合计 = 出国+车+接待")
            rel("%s %s" % (sg["code"], side), v(sg, "data", side + ".vehicle_subtotal"),
                [v(sg, "data", side + "." + k) for k in ("vehicle_purchase", "vehicle_operation")], "小计 = 购置+运维")
    if setid == "gk10-2024":
        t10 = T["10"]
        rel("10", v(t10, "1", "amount"), [v(t10, str(n), "amount") for n in (2, 3, 4)], "1 = 2+3+4")
        rel("10", v(t10, "7", "amount"), [v(t10, str(n), "amount") for n in range(8, 16)], "7 = Σ 8..15")
        same("06↔10", public, v(t10, "5", "amount"), "06 公用经费合计 vs 10表 5")
    else:
        t05 = T["05"]
        for r in t05["rows"]:
            k = r["key"]
            rel("05 %s" % k, v(t05, k, "total"),
                [v(t05, k, f + ".subtotal") for f in ("general", "fund", "state_capital")], "合计 = Σ 小计")
            for f in ("general", "fund", "state_capital"):
                rel("05 %s" % k, v(t05, k, f + ".subtotal"), [v(t05, k, f + ".basic"), v(t05, k, f + ".project")],
                    "%s 小计 = 基本+项目" % f)
        for c in [k for _, k in D05_VALUES]:
            hierarchy(t05, c, econ=True)
        same("06↔05", v(g05, "合计", "subtotal"), v(t05, "合计", "general.subtotal"), "06 合计 vs 05 合计.一般小计")
        same("06↔05", v(g05, "合计", "basic"), v(t05, "合计", "general.basic"), "06 合计.基本 vs 05 合计.一般基本")
        for r in tri["rows"]:
            if r.get("code"):
                same("08↔05", v(tri, r["key"], "amount"), v(t05, r["key"], "general.basic"),
                     "08 %s vs 05 一般基本" % r["key"])
        t09 = T["09"]
        for c in ("income", "expenditure"):
            hierarchy(t09, c)
        same("09↔05", v(t09, "合计", "expenditure"), v(t05, "合计", "general.project"), "09 合计.本年支出 vs 05 一般项目")
        same("03↔05", v(t03, "合计", "project"),
             v(t05, "合计", "general.project") + v(t05, "合计", "fund.project") + v(t05, "合计", "state_capital.project"),
             "03 合计.项目 vs 05 Σ 项目")
        same("03↔05", v(t03, "合计", "basic"), v(t05, "合计", "general.basic"), "03 合计.基本 vs 05 一般基本")
    return out


# ---------------------------------------------------------------------------
# Self-check on the written JSON
# ---------------------------------------------------------------------------

EXPECTED_ROWS = {
    "gk10-2024": {"01": 62, "02": 25, "03": 25, "04": 64, "05": 25, "06": 112, "07": 1, "08": 1, "09": 0, "10": 16},
    "sc13-2023": {"01": 62, "02": 23, "03": 23, "04": 64, "05": 110, "06": 19, "07": 110, "08": 83, "09": 6,
                  "10": 5, "11": 1, "12": 1, "13": 1},
}


def self_check(path_z, path_d):
    with open(path_z, encoding="utf-8") as f:
        z = json.load(f)
    with open(path_d, encoding="utf-8") as f:
        d = json.load(f)
    for doc in (z, d):
        assert doc["schema"] == SCHEMA
        got = {t["id"]: len(t["rows"]) for t in doc["tables"]}
        assert got == EXPECTED_ROWS[doc["set"]], (doc["set"], got)
        for t in doc["tables"]:
            keys = {c["key"] for c in t["columns"]}
            for r in t["rows"]:
                assert set(r["values"]) <= keys, (t["id"], r["key"])
            for na in t["not_applicable"]:
                assert na["column"] in keys

    def val(doc, tid, key, col):
        t = next(t for t in doc["tables"] if t["id"] == tid)
        r = next(r for r in t["rows"] if r["key"] == key)
        return r["values"].get(col)

    for k in ("income:1", "income:27", "income:31"):
        assert val(z, "01", k, "income.amount") == "2429.51", k
    for k in ("expenditure:58", "expenditure:62"):
        assert val(z, "01", k, "expenditure.amount") == "2429.51", k
    assert val(z, "01", "expenditure:32", "expenditure.amount") == "2247.92"
    assert val(z, "01", "expenditure:35", "expenditure.amount") == "36.00"
    assert val(z, "01", "expenditure:39", "expenditure.amount") == "71.45"
    assert val(z, "01", "expenditure:40", "expenditure.amount") == "17.99"
    assert val(z, "01", "expenditure:50", "expenditure.amount") == "56.15"
    assert val(z, "06", "人员经费合计", "amount") == "456.81"
    assert val(z, "06", "公用经费合计", "amount") == "54.53"
    assert val(z, "10", "1", "amount") == "310.07" and val(z, "10", "4", "amount") == "310.07"
    assert val(z, "10", "5", "amount") == "54.53"
    assert val(z, "03", "合计", "basic") == "511.34" and val(z, "03", "合计", "project") == "1918.17"
    z06 = next(t for t in z["tables"] if t["id"] == "06")
    assert {na["row"] for na in z06["not_applicable"]} == {"309", "30901", "30902", "30903", "30905", "30906",
                                                          "30907", "30908", "30913", "30919", "30921", "30922",
                                                          "30999", "311", "31101", "31199"}
    assert val(d, "04", "expenditure:60", "expenditure.total") == "568.20"
    assert val(d, "04", "expenditure:60", "expenditure.general") == "229.55"
    assert val(d, "04", "expenditure:60", "expenditure.fund") == "338.65"
    assert val(d, "04", "income:32", "income.amount") == "2138.36"
    assert val(d, "04", "expenditure:64", "expenditure.state_capital") is None
    assert val(d, "08", "人员经费合计", "amount") == "431.91"
    assert val(d, "08", "公用经费合计", "amount") == "75.52"
    assert val(d, "01", "income:27", "income.amount") == "1570.16"
    assert val(d, "10", "合计", "opening") == "338.65" and val(d, "10", "合计", "income") == "871.78"
    assert val(d, "13", "data", "actual.vehicle_operation") == "2.82"
    assert val(d, "05", "合计", "general.subtotal") == "698.39"
    assert val(d, "07", "合计", "total") == "698.39" and val(d, "07", "合计", "basic") == "478.89"
    d07 = next(t for t in d["tables"] if t["id"] == "07")
    assert d07["inferred"] is True
    d05 = next(t for t in d["tables"] if t["id"] == "05")
    assert len(d05["not_applicable"]) == 13 * 7 + 3 * 7 + 4 * 2
    assert sum(1 for na in d05["not_applicable"] if na["printed"] == "—") == 7 * 7


def dumps(doc):
    """JSON with one line per column / row / not-applicable cell, for readable diffs."""
    j = lambda x: json.dumps(x, ensure_ascii=False)

    def obj(d, indent, block_keys):
        pad = " " * indent
        items = list(d.items())
        out = []
        for i, (k, v) in enumerate(items):
            comma = "," if i < len(items) - 1 else ""
            if k in block_keys and isinstance(v, list) and v:
                out.append("%s%s: [" % (pad, j(k)))
                out.extend("%s %s%s" % (pad, j(e), "," if n < len(v) - 1 else "") for n, e in enumerate(v))
                out.append("%s]%s" % (pad, comma))
            elif k in block_keys and isinstance(v, dict):
                out.append("%s%s: {" % (pad, j(k)))
                out.extend(obj(v, indent + 1, block_keys))
                out.append("%s}%s" % (pad, comma))
            else:
                out.append("%s%s: %s%s" % (pad, j(k), j(v), comma))
        return out

    lines = ["{"]
    head = {k: v for k, v in doc.items() if k != "tables"}
    lines.extend(l + "," if i == len(head) - 1 else l for i, l in enumerate(obj(head, 1, ())))
    lines.append(' "tables": [')
    for n, t in enumerate(doc["tables"]):
        lines.append("  {")
        lines.extend(obj(t, 3, ("columns", "rows", "notes", "not_applicable", "remarks", "layout",
                                "header_rows", "header_rows_printed", "body", "footer")))
        lines.append("  }" + ("," if n < len(doc["tables"]) - 1 else ""))
    lines.append(" ]")
    lines.append("}")
    text = "\n".join(lines) + "\n"
    assert json.loads(text) == doc
    return text


def main():
    z = zezhou()
    d = dachuan()
    pz = os.path.join(HERE, "zezhou-2024.json")
    pd = os.path.join(HERE, "dachuan-2023.json")
    for doc, p in ((z, pz), (d, pd)):
        with open(p, "w", encoding="utf-8") as f:
            f.write(dumps(doc))
    self_check(pz, pd)
    seeds = all(Seed(n).available for n in (ZEZHOU_SEED, DACHUAN_SEED))
    print("wrote %s, %s (seed text check: %s)" % (os.path.relpath(pz), os.path.relpath(pd),
                                                  "passed" if seeds else "SKIPPED, seeds not found"))
    for doc in (z, d):
        print("%s: %s" % (doc["set"], ", ".join("%s=%d" % (t["id"], len(t["rows"])) for t in doc["tables"])))
    for doc in (z, d):
        findings = audit(doc)
        print("\naudit %s (%d findings; printed figures kept as printed):" % (doc["set"], len(findings)))
        for line in findings:
            print("  " + line)


if __name__ == "__main__":
    main()
