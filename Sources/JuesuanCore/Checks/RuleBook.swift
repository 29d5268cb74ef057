/// Every rule of the official arithmetic, in one declarative table. Rules name canonical statement
/// kinds and row ids (Mappings/README.md), so they hold for every template set that states them.
public enum RuleBook {
    private static func q(_ kind: String, _ row: String, _ measure: String, _ sign: Int = 1) -> Quantity {
        Quantity(kind, .row(row), measure, sign: sign)
    }
    private static func classes(_ kind: String, _ measure: String) -> Quantity { Quantity(kind, .codes(length: 3), measure) }
    private static func rule(_ id: String, _ description: String, _ tables: String, _ kind: RuleKind,
                             _ condition: RuleCondition = .always, severity: Finding.Severity = .error) -> CheckRule {
        CheckRule(id: id, description: description, severity: severity, tables: tables, kind: kind, condition: condition)
    }

    static let summary = "summary", income = "income_by_function", expenditure = "expenditure_by_function",
               appropriation = "appropriation_summary", general = "general_budget_expenditure",
               basic = "basic_expenditure_by_economic", fund = "government_fund", stateCapital = "state_capital_expenditure",
               threePublic = "three_public", other = "other_info", byEconomic = "appropriation_by_economic",
               generalByEconomic = "general_budget_by_economic", generalProject = "general_budget_project",
               stateCapitalIncome = "state_capital_income_expenditure"

    static let incomeLines = ["general_budget_appropriation", "government_fund_appropriation", "state_capital_appropriation",
                              "upper_subsidy", "service_income", "operating_income", "affiliate_remit", "other_income"]

    /// Column names for messages, by canonical measure id.
    public static let measureNames: [String: String] = [
        "amount": "金额", "total": "合计", "subtotal": "小计", "basic": "基本支出", "project": "项目支出",
        "appropriation": "财政拨款收入", "upper_subsidy": "上级补助收入", "service": "事业收入", "operating": "经营收入",
        "affiliate_remit": "附属单位上缴收入", "other": "其他收入", "remit_upper": "上缴上级支出", "business": "经营支出",
        "subsidy_units": "对附属单位补助支出", "general": "一般公共预算财政拨款", "fund": "政府性基金预算财政拨款",
        "state_capital": "国有资本经营预算财政拨款", "opening": "年初结转和结余", "income": "本年收入",
        "expenditure": "本年支出", "expenditure_subtotal": "本年支出小计", "expenditure_basic": "本年支出基本支出",
        "expenditure_project": "本年支出项目支出", "closing": "年末结转和结余",
        "general_subtotal": "一般公共预算小计", "general_basic": "一般公共预算基本支出", "general_project": "一般公共预算项目支出",
        "fund_subtotal": "政府性基金小计", "fund_basic": "政府性基金基本支出", "fund_project": "政府性基金项目支出",
        "state_capital_subtotal": "国有资本经营小计", "state_capital_basic": "国有资本经营基本支出",
        "state_capital_project": "国有资本经营项目支出",
    ]

    /// Every rule, in the order `check --list-rules` prints them.
    public static let rules: [CheckRule] = group1 + group2 + group3 + group4 + group5 + group6 + group7 + group8 + group9 + group10 + group11

    private static let group1: [CheckRule] = [
        // 01 收入支出决算总表
        rule("T01-INCOME-TOTAL", "01表 本年收入合计 = 一至八项收入之和", "01",
             .sum(total: q(summary, "income_total", "amount"), parts: incomeLines.map { q(summary, $0, "amount") })),
        rule("T01-INCOME-GRAND-TOTAL", "01表 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余", "01",
             .sum(total: q(summary, "income_grand_total", "amount"),
                  parts: ["income_total", "non_appropriation_surplus_used", "opening_balance"].map { q(summary, $0, "amount") })),
        rule("T01-EXPENDITURE-TOTAL", "01表 本年支出合计 = 各类支出之和", "01",
             .sum(total: q(summary, "expenditure_total", "amount"), parts: [classes(summary, "amount")])),
        rule("T01-EXPENDITURE-GRAND-TOTAL", "01表 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余", "01",
             .sum(total: q(summary, "expenditure_grand_total", "amount"),
                  parts: ["expenditure_total", "surplus_distribution", "closing_balance"].map { q(summary, $0, "amount") })),
        rule("T01-BALANCE", "01表 收入总计 = 支出总计", "01",
             .sum(total: q(summary, "income_grand_total", "amount"), parts: [q(summary, "expenditure_grand_total", "amount")])),
        // 02 收入决算表
        rule("T02-ROW-SUM", "02表 每行 本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入", "02",
             .rowSum(kind: income, total: "total",
                     parts: ["appropriation", "upper_subsidy", "service", "operating", "affiliate_remit", "other"], signs: [])),
        rule("T02-HIERARCHY", "02表 合计 = Σ类，类 = Σ款，款 = Σ项", "02", .hierarchy(kind: income)),
        // 03 支出决算表
        rule("T03-ROW-SUM", "03表 每行 本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出", "03",
             .rowSum(kind: expenditure, total: "total",
                     parts: ["basic", "project", "remit_upper", "business", "subsidy_units"], signs: [])),
        rule("T03-HIERARCHY", "03表 合计 = Σ类，类 = Σ款，款 = Σ项", "03", .hierarchy(kind: expenditure)),
        // 04 财政拨款收入支出决算总表
        rule("T04-INCOME-TOTAL", "04表 本年收入合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算财政拨款", "04",
             .sum(total: q(appropriation, "income_total", "amount"),
                  parts: ["general_budget_appropriation", "government_fund_appropriation", "state_capital_appropriation"].map { q(appropriation, $0, "amount") })),
        rule("T04-OPENING", "04表 年初财政拨款结转和结余 = 三类财政拨款年初结转和结余之和", "04",
             .sum(total: q(appropriation, "opening_balance", "amount"),
                  parts: ["opening_balance_general", "opening_balance_fund", "opening_balance_state_capital"].map { q(appropriation, $0, "amount") })),
        rule("T04-INCOME-GRAND-TOTAL", "04表 收入总计 = 本年收入合计 + 年初财政拨款结转和结余", "04",
             .sum(total: q(appropriation, "income_grand_total", "amount"),
                  parts: ["income_total", "opening_balance"].map { q(appropriation, $0, "amount") })),
        rule("T04-ROW-SUM", "04表 支出各行 合计 = 一般公共预算 + 政府性基金 + 国有资本经营预算财政拨款", "04",
             .rowSum(kind: appropriation, total: "total", parts: ["general", "fund", "state_capital"], signs: [])),
    ]

    private static let group2: [CheckRule] = ["total", "general", "fund", "state_capital"].flatMap { m in [
        rule("T04-EXPENDITURE-TOTAL", "04表 本年支出合计 = 各类支出之和（各栏）", "04",
             .sum(total: q(appropriation, "expenditure_total", m), parts: [classes(appropriation, m)])),
        rule("T04-EXPENDITURE-GRAND-TOTAL", "04表 支出总计 = 本年支出合计 + 年末财政拨款结转和结余（各栏）", "04",
             .sum(total: q(appropriation, "expenditure_grand_total", m),
                  parts: [q(appropriation, "expenditure_total", m), q(appropriation, "closing_balance", m)])),
    ] }

    private static let group3: [CheckRule] = [
        rule("T04-BALANCE", "04表 收入总计 = 支出总计", "04",
             .sum(total: q(appropriation, "income_grand_total", "amount"), parts: [q(appropriation, "expenditure_grand_total", "total")])),
        rule("T04-FUND-GENERAL", "04表 一般公共预算财政拨款：支出总计 = 本年收入 + 年初结转和结余", "04",
             .sum(total: q(appropriation, "expenditure_grand_total", "general"),
                  parts: [q(appropriation, "general_budget_appropriation", "amount"), q(appropriation, "opening_balance_general", "amount")])),
        rule("T04-FUND-GOVERNMENT", "04表 政府性基金预算财政拨款：支出总计 = 本年收入 + 年初结转和结余", "04",
             .sum(total: q(appropriation, "expenditure_grand_total", "fund"),
                  parts: [q(appropriation, "government_fund_appropriation", "amount"), q(appropriation, "opening_balance_fund", "amount")])),
        rule("T04-FUND-STATE-CAPITAL", "04表 国有资本经营预算财政拨款：支出总计 = 本年收入 + 年初结转和结余", "04",
             .sum(total: q(appropriation, "expenditure_grand_total", "state_capital"),
                  parts: [q(appropriation, "state_capital_appropriation", "amount"), q(appropriation, "opening_balance_state_capital", "amount")])),
        // 05 一般公共预算财政拨款支出决算表 (sc13 06)
        rule("T05-ROW-SUM", "05表 每行 小计 = 基本支出 + 项目支出", "05 / sc13 06",
             .rowSum(kind: general, total: "subtotal", parts: ["basic", "project"], signs: [])),
        rule("T05-HIERARCHY", "05表 合计 = Σ类，类 = Σ款，款 = Σ项", "05 / sc13 06", .hierarchy(kind: general)),
        // 06 基本支出明细表 (sc13 08)
        rule("T06-HIERARCHY", "06表 各经济分类类级 = Σ其款级", "06 / sc13 08", .hierarchy(kind: basic)),
        rule("T06-PERSONNEL", "06表 人员经费合计 = 301 + 303", "06 / sc13 08",
             .sum(total: q(basic, "personnel_total", "amount"), parts: ["301", "303"].map { q(basic, $0, "amount") })),
        rule("T06-PUBLIC", "06表 公用经费合计 = 302 + 307 + 309 + 310 + 311 + 312 + 313 + 399", "06 / sc13 08",
             .sum(total: q(basic, "public_total", "amount"),
                  parts: ["302", "307", "309", "310", "311", "312", "313", "399"].map { q(basic, $0, "amount") })),
        // 07 政府性基金 (sc13 10)
        rule("T07-ROW-SUM", "07表 每行 本年支出小计 = 基本支出 + 项目支出", "07 / sc13 10",
             .rowSum(kind: fund, total: "expenditure_subtotal", parts: ["expenditure_basic", "expenditure_project"], signs: [])),
        rule("T07-BALANCE", "07表 每行 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出", "07 / sc13 10",
             .rowSum(kind: fund, total: "closing", parts: ["opening", "income", "expenditure_subtotal"], signs: [1, 1, -1])),
        rule("T07-HIERARCHY", "07表 合计 = Σ类，类 = Σ款，款 = Σ项", "07 / sc13 10", .hierarchy(kind: fund)),
        // 08 国有资本经营 (sc13 12)
        rule("T08-ROW-SUM", "08表 每行 合计 = 基本支出 + 项目支出", "08 / sc13 12",
             .rowSum(kind: stateCapital, total: "total", parts: ["basic", "project"], signs: [])),
        rule("T08-HIERARCHY", "08表 合计 = Σ类，类 = Σ款，款 = Σ项", "08 / sc13 12", .hierarchy(kind: stateCapital)),
    ]

    private static let group4: [CheckRule] = ["budget", "actual"].flatMap { p in [
        rule("T09-TOTAL", "09表 合计 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费（\(p == "budget" ? "预算数" : "决算数")）", "09 / sc13 13",
             .rowSum(kind: threePublic, total: "\(p)_total", parts: ["\(p)_abroad", "\(p)_vehicle_subtotal", "\(p)_reception"], signs: [])),
        rule("T09-VEHICLE", "09表 公务用车小计 = 购置费 + 运行维护费（\(p == "budget" ? "预算数" : "决算数")）", "09 / sc13 13",
             .rowSum(kind: threePublic, total: "\(p)_vehicle_subtotal", parts: ["\(p)_vehicle_purchase", "\(p)_vehicle_operation"], signs: [])),
    ] }

    private static let group5: [CheckRule] = [
        // 10 部门决算公开相关信息统计表
        rule("T10-PROCUREMENT", "10表 政府采购合计 = 货物 + 工程 + 服务", "10",
             .sum(total: q(other, "procurement_total", "amount"),
                  parts: ["procurement_goods", "procurement_works", "procurement_services"].map { q(other, $0, "amount") })),
        rule("T10-VEHICLES", "10表 车辆数合计 = 各类用车之和", "10",
             .sum(total: q(other, "vehicles_total", "amount"),
                  parts: ["ministerial", "principal", "confidential", "emergency", "law_enforcement", "special", "retired_service", "other"]
                    .map { q(other, "vehicles_\($0)", "amount") })),
        // sc13 05 / 07 / 09 / 11
        rule("S05-ROW-SUM", "sc13 05表 每行 合计 = 三类财政拨款小计之和", "sc13 05",
             .rowSum(kind: byEconomic, total: "total", parts: ["general_subtotal", "fund_subtotal", "state_capital_subtotal"], signs: [])),
    ]

    private static let group6: [CheckRule] = ["general", "fund", "state_capital"].map { f in
        rule("S05-SUBTOTAL", "sc13 05表 每行 各类财政拨款 小计 = 基本支出 + 项目支出", "sc13 05",
             .rowSum(kind: byEconomic, total: "\(f)_subtotal", parts: ["\(f)_basic", "\(f)_project"], signs: []))
    }

    private static let group7: [CheckRule] = [
        rule("S05-HIERARCHY", "sc13 05表 合计 = Σ类，类 = Σ款", "sc13 05", .hierarchy(kind: byEconomic)),
        rule("S07-ROW-SUM", "sc13 07表 每行 合计 = 基本支出 + 项目支出", "sc13 07",
             .rowSum(kind: generalByEconomic, total: "total", parts: ["basic", "project"], signs: [])),
        rule("S07-HIERARCHY", "sc13 07表 合计 = Σ类，类 = Σ款", "sc13 07", .hierarchy(kind: generalByEconomic)),
        rule("S09-HIERARCHY", "sc13 09表 合计 = Σ类，类 = Σ款，款 = Σ项", "sc13 09", .hierarchy(kind: generalProject)),
        rule("S11-BALANCE", "sc13 11表 每行 年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出", "sc13 11",
             .rowSum(kind: stateCapitalIncome, total: "closing", parts: ["opening", "income", "expenditure"], signs: [1, 1, -1])),
        rule("S11-HIERARCHY", "sc13 11表 合计 = Σ类，类 = Σ款，款 = Σ项", "sc13 11", .hierarchy(kind: stateCapitalIncome)),

        // Across tables.
        rule("X01-02-INCOME-TOTAL", "02表 合计 本年收入合计 = 01表 本年收入合计", "01, 02",
             .sum(total: q(income, "total", "total"), parts: [q(summary, "income_total", "amount")])),
        rule("X01-02-APPROPRIATION", "02表 合计 财政拨款收入 = 01表 一至三项财政拨款收入之和", "01, 02",
             .sum(total: q(income, "total", "appropriation"),
                  parts: ["general_budget_appropriation", "government_fund_appropriation", "state_capital_appropriation"].map { q(summary, $0, "amount") })),
    ]

    private static let group8: [CheckRule] = [("upper_subsidy", "upper_subsidy", "上级补助收入"), ("service", "service_income", "事业收入"), ("operating", "operating_income", "经营收入"),
         ("affiliate_remit", "affiliate_remit", "附属单位上缴收入"), ("other", "other_income", "其他收入")].map { measure, line, label in
        rule("X01-02-SOURCE", "02表 合计 \(label) = 01表 \(label)", "01, 02",
             .sum(total: q(income, "total", measure), parts: [q(summary, line, "amount")]))
    }

    private static let group9: [CheckRule] = [
        rule("X01-03-CLASS", "03表 各类 本年支出合计 = 01表 同类支出", "01, 03",
             .perCode(lhs: (expenditure, "total"), rhs: [(summary, "amount")], length: 3)),
        rule("X01-03-TOTAL", "03表 合计 本年支出合计 = 01表 本年支出合计", "01, 03",
             .sum(total: q(expenditure, "total", "total"), parts: [q(summary, "expenditure_total", "amount")])),
    ]

    private static let group10: [CheckRule] = ["general_budget_appropriation", "government_fund_appropriation", "state_capital_appropriation"].map { line in
        rule("X01-04-INCOME", "01表 与 04表 财政拨款收入一致", "01, 04",
             .sum(total: q(appropriation, line, "amount"), parts: [q(summary, line, "amount")]))
    }

    private static let group11: [CheckRule] = [
        rule("X04-05-CLASS", "05表 各类 小计 = 04表 同类 一般公共预算财政拨款支出", "04, 05",
             .perCode(lhs: (general, "subtotal"), rhs: [(appropriation, "general")], length: 3)),
        rule("X04-05-TOTAL", "05表 合计 小计 = 04表 本年支出合计 一般公共预算财政拨款", "04, 05",
             .sum(total: q(general, "total", "subtotal"), parts: [q(appropriation, "expenditure_total", "general")])),
        rule("X04-07-INCOME", "07表 合计 本年收入 = 04表 政府性基金预算财政拨款收入", "04, 07",
             .sum(total: q(fund, "total", "income"), parts: [q(appropriation, "government_fund_appropriation", "amount")])),
        rule("X04-07-OPENING", "07表 合计 年初结转和结余 = 04表 政府性基金年初结转和结余", "04, 07",
             .sum(total: q(fund, "total", "opening"), parts: [q(appropriation, "opening_balance_fund", "amount")])),
        rule("X04-07-EXPENDITURE", "07表 合计 本年支出 = 04表 本年支出合计 政府性基金", "04, 07",
             .sum(total: q(fund, "total", "expenditure_subtotal"), parts: [q(appropriation, "expenditure_total", "fund")])),
        rule("X04-07-CLOSING", "07表 合计 年末结转和结余 = 04表 年末结转和结余 政府性基金", "04, 07",
             .sum(total: q(fund, "total", "closing"), parts: [q(appropriation, "closing_balance", "fund")])),
        rule("X04-08-TOTAL", "08表 合计 = 04表 本年支出合计 国有资本经营预算", "04, 08",
             .sum(total: q(stateCapital, "total", "total"), parts: [q(appropriation, "expenditure_total", "state_capital")])),
        rule("X05-06-BASIC", "05表 合计 基本支出 = 06表 人员经费合计 + 公用经费合计", "05, 06",
             .sum(total: q(general, "total", "basic"), parts: [q(basic, "personnel_total", "amount"), q(basic, "public_total", "amount")])),
        rule("X03-05-BASIC", "只有一般公共预算财政拨款时：03表 与 05表 各科目 基本支出一致", "03, 05",
             .perCode(lhs: (expenditure, "basic"), rhs: [(general, "basic")], length: nil), .generalBudgetOnly),
        rule("X03-05-PROJECT", "只有一般公共预算财政拨款时：03表 与 05表 各科目 项目支出一致", "03, 05",
             .perCode(lhs: (expenditure, "project"), rhs: [(general, "project")], length: nil), .generalBudgetOnly),
        rule("X06-10-RUNNING-COST", "行政单位/参公单位：06表 公用经费合计 = 10表 机关运行经费", "06, 10",
             .sum(total: q(basic, "public_total", "amount"),
                  parts: [q(other, "running_cost_admin", "amount"), q(other, "running_cost_civil_service_like", "amount")]), .runningCostStated),
        // sc13 cross-table rules.
        rule("XS05-06-TOTAL", "sc13 06表 合计 = 05表 合计 一般公共预算财政拨款（小计/基本/项目）", "sc13 05, 06",
             .sum(total: q(general, "total", "subtotal"), parts: [q(byEconomic, "total", "general_subtotal")])),
        rule("XS05-06-BASIC", "sc13 06表 合计 基本支出 = 05表 合计 一般公共预算 基本支出", "sc13 05, 06",
             .sum(total: q(general, "total", "basic"), parts: [q(byEconomic, "total", "general_basic")])),
        rule("XS05-06-PROJECT", "sc13 06表 合计 项目支出 = 05表 合计 一般公共预算 项目支出", "sc13 05, 06",
             .sum(total: q(general, "total", "project"), parts: [q(byEconomic, "total", "general_project")])),
        rule("XS05-08-CODE", "sc13 08表 各经济科目 = 05表 一般公共预算 基本支出", "sc13 05, 08",
             .perCode(lhs: (basic, "amount"), rhs: [(byEconomic, "general_basic")], length: nil)),
        rule("XS05-07-CODE", "sc13 07表 各经济科目 合计 = 05表 一般公共预算 小计", "sc13 05, 07",
             .perCode(lhs: (generalByEconomic, "total"), rhs: [(byEconomic, "general_subtotal")], length: nil)),
        rule("XS05-09-PROJECT", "sc13 09表 合计 本年支出 = 06表 合计 项目支出", "sc13 06, 09",
             .sum(total: q(generalProject, "total", "expenditure"), parts: [q(general, "total", "project")])),
        rule("XS04-05-FUNDS", "sc13 05表 合计 一般公共预算 小计 = 04表 本年支出合计 一般公共预算", "sc13 04, 05",
             .sum(total: q(byEconomic, "total", "general_subtotal"), parts: [q(appropriation, "expenditure_total", "general")])),
        rule("XS04-11-INCOME", "sc13 11表 合计 本年收入 = 04表 国有资本经营预算财政拨款收入", "sc13 04, 11",
             .sum(total: q(stateCapitalIncome, "total", "income"), parts: [q(appropriation, "state_capital_appropriation", "amount")])),
        rule("XS03-05-PROJECT", "只有财政拨款收入时：03表 合计 项目支出 = 05表 各类财政拨款 项目支出之和", "03, sc13 05",
             .sum(total: q(expenditure, "total", "project"),
                  parts: ["general_project", "fund_project", "state_capital_project"].map { q(byEconomic, "total", $0) }), .appropriationsOnly),
        // Cells and names.
        rule("NA-HOLDS-NUMBER", "表中标“——”（不应填列）的单元格填了数字", "all", .notApplicableHoldsNumber),
        rule("CODE-NAME", "同一科目代码在不同位置的名称不一致", "all", .codeNames, severity: .warning),
    ]

}
