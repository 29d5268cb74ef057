import Foundation

/// The canonical data of 绩效自评表 forms and 汇总表 summaries, whatever their provincial style
/// (schema `juesuan-forms/1`). Money is exact, in 元; execution rates, weights and scores are exact
/// decimals that units never touch; every value keeps the text and the cell it was read from.
///
/// ```swift
/// let document = try FormReader(catalog: catalog).read(at: "自评表.xlsx")
/// document.forms.first?.project          // "社会治安综合治理工作经费"
/// document.forms.first?.fund("total")?.amounts["budget"]?.value   // 170000 (元)
/// ```
public struct FormsDocument: Codable, Sendable, Equatable {
    public static let schemaID = "juesuan-forms/1"
    public var schema: String
    /// The workbook the forms were read from.
    public var source: String?
    /// Project forms, in workbook order (sheet order, then top to bottom).
    public var forms: [PerformanceForm]
    /// 汇总表 summaries found in the workbook.
    public var summaries: [FormSummary]
    /// Indicator tables with weights and scores (部门整体支出绩效评价指标体系, 专项资金预算项目绩效评价指标体系),
    /// in workbook order; absent from documents written before they were read.
    public var indexForms: [IndexForm]?

    public init(source: String? = nil, forms: [PerformanceForm] = [], summaries: [FormSummary] = [], indexForms: [IndexForm]? = nil) {
        self.schema = Self.schemaID
        self.source = source
        self.forms = forms
        self.summaries = summaries
        self.indexForms = indexForms
    }
}

/// A number read from a cell: its exact value, the text as printed and the cell (`Sheet!A1`).
public struct SourcedNumber: Codable, Sendable, Equatable {
    /// Exact decimal (a money amount in 元, or a rate in percent, a weight, a score).
    public var value: Amount
    /// The cell's text as stored or printed ("99.6%", "16.94").
    public var printed: String
    public var cell: String

    public init(value: Amount, printed: String, cell: String) {
        self.value = value
        self.printed = printed
        self.cell = cell
    }
}

/// A text read from a cell, with the cell.
public struct SourcedText: Codable, Sendable, Equatable {
    public var text: String
    public var cell: String
    public init(text: String, cell: String) {
        self.text = text
        self.cell = cell
    }
}

/// A labelled line of the form (项目级次, 主管部门, 评价结论 …).
public struct FormField: Codable, Sendable, Equatable {
    /// The id the style's mapping file gives it (`department`, `conclusion`).
    public var id: String
    /// The label as printed.
    public var label: String
    public var text: String
    public var cell: String?
}

/// One row of the money block (资金总额 / 总额 / 预算数, 财政资金, 其他 …).
public struct FundRow: Codable, Sendable, Equatable {
    /// `total`, `fiscal`, `special`, `unit`, `other`.
    public var id: String
    public var label: String
    public var cell: String
    /// Money by measure (`declared`, `initial`, `budget`, `arrived`, `executed`, `balance`), in 元.
    public var amounts: [String: SourcedNumber]
    /// The execution rate, in percent (99.6 for "99.6%").
    public var rate: SourcedNumber?
    public var weight: SourcedNumber?
    public var score: SourcedNumber?
    public var reason: String?
}

/// An indicator's target or result: the original text, and where it is quantitative, its parts.
///
/// ```swift
/// IndicatorValue(parsing: "≥90%")   // op "≥", number 90, unit "%"
/// IndicatorValue(parsing: "<=5天")  // op "≤", number 5, unit "天"
/// IndicatorValue(parsing: "全年")   // qualitative: text only
/// ```
public struct IndicatorValue: Codable, Sendable, Equatable {
    /// The text as printed (for the three-cell styles, the cells joined: "≥" + "95" + "%").
    public var text: String
    /// `=`, `≥`, `≤`, `>`, `<`, `≠` (full-width and ASCII spellings folded), when printed.
    public var op: String?
    public var number: Amount?
    public var unit: String?
    /// The three printed cells of the Sichuan / Hebei styles (指标性质, 指标值, 度量单位), as printed.
    public var cells: [String]?
    public var cell: String?

    public var isQuantitative: Bool { number != nil }

    public init(text: String, op: String? = nil, number: Amount? = nil, unit: String? = nil, cell: String? = nil) {
        self.text = text
        self.op = op
        self.number = number
        self.unit = unit
        self.cell = cell
    }

    /// Parses "≥90%", "=1个", "≤25万元", "<=5天", "＝100", "100%"; anything else stays text.
    public init(parsing raw: String, cell: String? = nil) {
        self.init(text: raw, cell: cell)
        var s = Substring(LabelNormalizer.normalize(raw))
        let ops: [(String, String)] = [("<=", "≤"), (">=", "≥"), ("!=", "≠"), ("≥", "≥"), ("≤", "≤"), ("≠", "≠"),
                                       ("=", "="), (">", ">"), ("<", "<")]
        var op: String?
        for (spelling, canonical) in ops where s.hasPrefix(spelling) {
            op = canonical
            s = s.dropFirst(spelling.count)
            break
        }
        let digits = s.prefix { $0.isASCIIDigitLike || $0 == "." }
        guard !digits.isEmpty, let number = Amount(String(digits)) else {
            self.op = op
            return
        }
        let rest = s[digits.endIndex...]
        // "10-12月" is a range, "3.5.1" a version: not a quantity.
        if let first = rest.first, first == "-" || first == "." || first.isASCIIDigitLike { return }
        self.op = op
        self.number = number
        self.unit = rest.isEmpty ? nil : String(rest)
    }

    /// Joins the three cells of the Sichuan / Hebei styles (指标性质 / 符号, 指标值 / 值, 度量单位 / 单位).
    public init(op rawOp: String, value: String, unit: String, cell: String? = nil) {
        let joined = rawOp + value + unit
        let opText = LabelNormalizer.normalize(rawOp)
        if opText == "定性" || value.isEmpty || Amount(LabelNormalizer.normalize(value).replacingOccurrences(of: ",", with: "")) == nil {
            self.init(text: joined, op: opText.isEmpty || opText == "定性" ? nil : IndicatorValue(parsing: opText + "0").op,
                      number: nil, unit: unit.isEmpty ? nil : unit, cell: cell)
            if opText == "定性" { self.op = "定性" }
            self.cells = [rawOp, value, unit]
            return
        }
        let parsed = IndicatorValue(parsing: opText + LabelNormalizer.normalize(value))
        self.init(text: joined, op: parsed.op, number: parsed.number, unit: unit.isEmpty ? nil : unit, cell: cell)
        self.cells = [rawOp, value, unit]
    }
}

/// One 绩效指标 row.
public struct Indicator: Codable, Sendable, Equatable {
    public var level1: String
    public var level2: String
    public var level3: String
    /// Shanxi 年初指标值 (often an operator and unit only: "≥项").
    public var initial: IndicatorValue?
    /// The target: Shanxi 调整后指标值; Sichuan 指标性质+指标值+度量单位; Hebei 符号+值+单位.
    public var target: IndicatorValue?
    /// 实际完成值 / 完成值.
    public var actual: IndicatorValue?
    /// Shanxi 定性值情况说明.
    public var note: String?
    /// Hebei 单项指标完成情况.
    public var completion: IndicatorValue?
    /// 分值 / 权重 / 指标分值.
    public var weight: SourcedNumber?
    /// 得分 / 自评得分.
    public var score: SourcedNumber?
    /// 偏差原因 / 未完成原因分析.
    public var remark: String?
    /// The first cell of the row (`Sheet!A12`).
    public var cell: String
}

/// The total line: 总分 / 合计 / 自评总分, with the grade where printed.
public struct FormTotal: Codable, Sendable, Equatable {
    public var weight: SourcedNumber?
    public var score: SourcedNumber?
    public var grade: SourcedText?
    public var cell: String?
}

/// One project's self-evaluation form.
public struct PerformanceForm: Codable, Sendable, Equatable {
    /// The style id (`shanxi-project`, `sichuan-project`, `hebei-project`).
    public var style: String
    public var title: String
    public var sheet: String
    /// The title cell.
    public var cell: String
    /// The unit the form prints its money in (`万元`).
    public var unit: AmountUnit
    public var project: String
    public var fields: [FormField]
    public var funds: [FundRow]
    public var goalTarget: String?
    public var goalActual: String?
    public var goalRate: String?
    public var indicators: [Indicator]
    public var total: FormTotal
    public var texts: [FormField]
    /// 年度主要任务 (部门整体): 任务名称 and 主要内容, in printed order.
    public var tasks: [FormTask]? = nil

    public func fund(_ id: String) -> FundRow? { funds.first { $0.id == id } }
    public func field(_ id: String) -> String? { (fields + texts).first { $0.id == id }?.text }
}

/// One 年度主要任务 of the 部门整体 form.
public struct FormTask: Codable, Sendable, Equatable {
    /// 任务名称.
    public var name: SourcedText
    /// 主要内容.
    public var content: SourcedText?
    public init(name: SourcedText, content: SourcedText?) {
        self.name = name
        self.content = content
    }
}

/// One row of a 汇总表.
public struct FormSummaryRow: Codable, Sendable, Equatable {
    public var number: String
    public var project: String
    /// 全年预算数 / 全年执行数, in 元.
    public var budget: SourcedNumber?
    public var executed: SourcedNumber?
    public var fundType: String
    public var score: SourcedNumber?
    public var grade: SourcedText?
    public var rate: String
    public var cell: String
}

/// A 县直部门绩效自评情况汇总表.
public struct FormSummary: Codable, Sendable, Equatable {
    public var style: String
    public var title: String
    public var sheet: String
    public var cell: String
    public var unit: AmountUnit
    public var rows: [FormSummaryRow]
    public var total: FormSummaryRow?
}

/// Reading and writing forms JSON files.
public enum FormsFile {
    public static func looksLikeForms(_ path: String) -> Bool {
        guard ReportFile.looksLikeJSON(path), let data = FileManager.default.contents(atPath: path) else { return false }
        struct Head: Decodable { var schema: String? }
        return (try? JSONDecoder().decode(Head.self, from: data))?.schema == FormsDocument.schemaID
    }

    public static func load(_ path: String) throws -> FormsDocument {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ReportFile.Failure(file: path, reason: error.localizedDescription)
        }
        let document: FormsDocument
        do { document = try JSONDecoder().decode(FormsDocument.self, from: data) } catch {
            throw ReportFile.Failure(file: path, reason: "JSON 无效 / invalid JSON: \(error)")
        }
        guard document.schema == FormsDocument.schemaID else {
            throw ReportFile.Failure(file: path, reason: "不支持的 schema“\(document.schema)”，应为 \(FormsDocument.schemaID) / unsupported schema")
        }
        return document
    }

    public static func encode(_ document: FormsDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document) + Data("\n".utf8)
    }
}
