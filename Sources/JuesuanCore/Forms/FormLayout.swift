import Foundation
import Yams

/// How a 绩效自评表 style is printed (`format: juesuan-form-layout/1`, Mappings/form-layouts/*.yaml):
/// the column widths, the page, the rows above the grid and the grid's blocks — fixed rows of
/// labels and values, the money block and the indicator grid — each cell with its span. The
/// style's mapping file says how the form is *read*; this file says how it is *drawn*, with the
/// same labels, so a drawn form reads back to the same data. A style without a layout file is
/// drawn from its mapping file alone (``FormLayout/generic(from:)``).
///
/// ```yaml
/// format: juesuan-form-layout/1
/// style: sichuan-project
/// widths: [10, 12, 10, 22, 7, 8, 7, 9, 7, 7, 16]
/// head:
///   - cells: [{value: title, to: 11, style: title}]
/// blocks:
///   - rows:
///       - cells: [{text: 项目名称, span: 2}, {value: field.project, to: 11}]
///   - side: 预算执行情况（10分）
///     money:
///       header: [{cells: [{text: 年度预算数（万元）}, {text: 年初预算}, …]}]
///       rows: [{id: total, label: 总额}, {id: fiscal, label: 其中：财政资金}]
///       cells: [{fund: label}, {fund: initial}, {fund: budget}, …, {fund: reason, to: 11}]
/// ```
public struct FormLayout: Codable, Sendable, Equatable {
    public static let format = "juesuan-form-layout/1"

    /// One cell of a row: a fixed text, a value of the form, a money value or an indicator value.
    public struct Cell: Codable, Sendable, Equatable {
        /// A fixed label.
        public var text: String?
        /// A value of the form: `title`, `unit`, `field.ID`, `goal.target|actual|rate`, `text.ID`,
        /// `total.weight|score|grade`.
        public var value: String?
        /// Written before the value in the same cell ("填报人：" + name).
        public var prefix: String?
        /// In a money row: `label` or a measure id (`budget`, `rate`, `score`, `reason` …).
        public var fund: String?
        /// In a money row, the label printed for a fund id instead of the fund's own (Hebei: `total: 预算数`).
        public var labels: [String: String]?
        /// In an indicator row: `level1` … `remark`, `operator`, `value`, `unit`.
        public var indicator: String?
        /// In a 年度主要任务 row: `name` or `content`.
        public var task: String?
        /// An indicator label merged down over the following rows that repeat it (一级/二级指标).
        public var merge: Bool?
        /// Columns the cell spans (default 1).
        public var span: Int?
        /// The first column (1-based); by default the next free column.
        public var at: Int?
        /// The last column the cell reaches (instead of `span`).
        public var to: Int?
        /// Rows the cell spans downwards (default 1).
        public var down: Int?
        /// `title`, `label` (centered, the default for texts), `text` (left, wrapped), `plain`
        /// (no border: lines above and below the grid), `right` (plain, right-aligned), `center`.
        public var style: String?
        /// Number format of a numeric value ("0.00").
        public var format: String?
    }

    public struct Row: Codable, Sendable, Equatable {
        public var cells: [Cell]
        /// Printed only when the form holds one of the row's values.
        public var optional: Bool?
        /// Row height in points.
        public var height: Double?
    }

    /// The money block: header rows, then one row per fund of the form in the order of `rows`.
    public struct Money: Codable, Sendable, Equatable {
        public struct FundRow: Codable, Sendable, Equatable {
            public var id: String
            /// The label printed when the form's own label does not read as this row.
            public var label: String
            /// Printed even when the form has no such fund (the template's fixed rows).
            public var always: Bool?
            /// Printed in the row's weight and score cells when the form gives none (Sichuan "/").
            public var blank: String?
        }
        public var header: [Row]
        public var rows: [FundRow]
        public var cells: [Cell]
    }

    /// The indicator grid: header rows, then one row per indicator.
    public struct Indicators: Codable, Sendable, Equatable {
        public var header: [Row]
        public var cells: [Cell]
    }

    /// The 年度主要任务 list (部门整体): header rows, then one row per task; drawn when the form has the list.
    public struct Tasks: Codable, Sendable, Equatable {
        public var header: [Row]
        public var cells: [Cell]
    }

    /// A block of rows; with `side`, a label in column A merged down over all of its rows.
    public struct Block: Codable, Sendable, Equatable {
        public var side: String?
        public var rows: [Row]?
        public var money: Money?
        public var indicators: Indicators?
        public var tasks: Tasks?
    }

    public var format: String
    public var style: String
    /// Column widths in characters; their count is the form's width.
    public var widths: [Double]
    /// `portrait` (default) or `landscape`; always A4, fit to one page wide.
    public var orientation: String?
    public var font: String?
    public var font_size: Double?
    public var title_size: Double?
    /// How execution rates are written: `text` ("90.81%", the printed decimals) or `number`
    /// (100.00, without a percent sign, as the Shanxi form prints them).
    public var percent: String?
    /// Rows above the grid, without borders (title, 填报单位 / 金额单位); repeated on every page.
    public var head: [Row]
    public var blocks: [Block]
    /// Rows under the grid, without borders (signatures, 填报人).
    public var foot: [Row]?
    /// Lines printed under the form (Shanxi 备注), verbatim.
    public var notes: [String]?
    public var source: String?

    public var width: Int { widths.count }
}

/// Reads layout files, naming the file and line of a mistake like the other mapping files.
public enum FormLayoutLoader {
    public static func isFormLayout(_ text: String) -> Bool {
        text.range(of: #"(?m)^format:\s*["']?juesuan-form-layout/1"#, options: .regularExpression) != nil
    }

    public static func load(yaml text: String, source: String) throws -> FormLayout {
        var layout: FormLayout
        do {
            layout = try YAMLDecoder().decode(FormLayout.self, from: text)
        } catch let DecodingError.keyNotFound(key, context) {
            throw MappingError(file: source, line: nil, message: "缺少 `\(key.stringValue)`（位于 \(dotted(context.codingPath))）/ missing `\(key.stringValue)`")
        } catch let DecodingError.typeMismatch(_, context) {
            throw MappingError(file: source, line: nil, message: "`\(dotted(context.codingPath))` 类型不对 / wrong type")
        } catch {
            throw MappingError(file: source, line: nil, message: "\(error)")
        }
        guard !layout.widths.isEmpty, !layout.style.isEmpty else {
            throw MappingError(file: source, line: nil, message: "style 与 widths 不能为空 / style and widths must not be empty")
        }
        for row in layout.head + (layout.foot ?? []) + layout.blocks.flatMap({ ($0.rows ?? []) + ($0.money?.header ?? []) + ($0.indicators?.header ?? []) }) {
            for cell in row.cells where (cell.to ?? 0) > layout.width || (cell.at ?? 0) > layout.width {
                throw MappingError(file: source, line: nil,
                                   message: "单元格超出 \(layout.width) 列 / a cell reaches past the \(layout.width) columns of widths")
            }
        }
        layout.source = source
        return layout
    }

    private static func dotted(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}

extension FormLayout {
    /// A plain layout drawn from a style's mapping file alone (a style without a layout file):
    /// title, unit line, labelled lines, goals, the money block, the indicator grid, the total
    /// line and the texts, every label as the mapping names it.
    public static func generic(from style: FormMapping) -> FormLayout {
        let indicatorColumns = style.indicators?.columns ?? []
        let moneyColumns = style.money?.columns ?? []
        let pair = style.money?.value_at == "last"
        let width = max(indicatorColumns.count + 1, 2 + moneyColumns.count * (pair ? 2 : 1), 6)
        var head: [Row] = [Row(cells: [Cell(value: "title", to: width, style: "title")], height: 30),
                           Row(cells: [Cell(value: "unit", prefix: "金额单位：", at: width, style: "right")])]
        var blocks: [Block] = []
        var lines: [Row] = []
        for field in style.fields ?? [] {
            if let prefix = field.prefix {
                head.append(Row(cells: [Cell(value: "field.\(field.id)", prefix: prefix, to: width, style: "plain")], optional: true))
            } else {
                lines.append(Row(cells: [Cell(text: field.label ?? field.id), Cell(value: "field.\(field.id)", to: width, style: "text")],
                                 optional: field.id != "project"))
            }
        }
        if !lines.isEmpty { blocks.append(Block(rows: lines)) }
        if let goals = style.goals, !goals.isEmpty {
            let span = max(1, (width - 1) / goals.count)
            var labels: [Cell] = [], values: [Cell] = []
            for (i, goal) in goals.enumerated() {
                let first = 2 + i * span, last = i == goals.count - 1 ? width : first + span - 1
                labels.append(Cell(text: goal.label ?? goal.id, at: first, to: last))
                values.append(Cell(value: "goal.\(goal.id)", at: first, to: last, style: "text"))
            }
            if goals.allSatisfy({ $0.at == "below" }) {
                blocks.append(Block(side: "目标完成情况", rows: [Row(cells: labels), Row(cells: values)]))
            } else {
                blocks.append(Block(rows: goals.map { Row(cells: [Cell(text: $0.label ?? $0.id), Cell(value: "goal.\($0.id)", to: width, style: "text")]) }))
            }
        }
        if let money = style.money {
            var header: [Cell] = [Cell(text: "资金来源")], cells: [Cell] = [Cell(fund: "label")]
            for column in moneyColumns {
                if pair {
                    header.append(Cell(text: column.header, span: 2))
                    cells.append(Cell(fund: "label"))
                }
                else { header.append(Cell(text: column.header)) }
                cells.append(Cell(fund: column.id, style: column.kind == "text" ? "text" : nil))
            }
            let rows = money.rows.map { Money.FundRow(id: $0.id, label: $0.labels?.first ?? $0.id, always: nil, blank: nil) }
            blocks.append(Block(side: money.anchor.label ?? "预算执行情况",
                                money: Money(header: [Row(cells: header)], rows: rows, cells: cells)))
        }
        if let tasks = style.tasks {
            let header = Row(cells: tasks.columns.enumerated().map { i, c in
                i == tasks.columns.count - 1 ? Cell(text: c.header, to: width) : Cell(text: c.header) })
            let cells = tasks.columns.enumerated().map { i, c in
                i == tasks.columns.count - 1 ? Cell(task: c.id, to: width, style: "text") : Cell(task: c.id, style: "text") }
            blocks.append(Block(side: tasks.anchor.label, tasks: Tasks(header: [header], cells: cells)))
        }
        if let spec = style.indicators {
            let header = Row(cells: spec.columns.map { Cell(text: $0.header) })
            let cells = spec.columns.map { column in
                Cell(indicator: column.id, merge: column.id == "level1" || column.id == "level2" ? true : nil,
                     style: column.kind == "number" ? nil : "text")
            }
            blocks.append(Block(side: "绩效指标", indicators: Indicators(header: [header], cells: cells)))
            let weight = spec.columns.firstIndex { $0.id == "weight" }.map { $0 + 2 }
            let score = spec.columns.firstIndex { $0.id == "score" }.map { $0 + 2 } ?? width
            let labelEnd = max(1, min(weight ?? score, score) - 1)
            var total: [Cell] = [Cell(text: style.total?.label ?? "合计", to: labelEnd)]
            if let weight { total.append(Cell(value: "total.weight", at: weight)) }
            total.append(Cell(value: "total.score", at: score))
            if score < width { total.append(Cell(value: "total.grade", at: score + 1, style: "center")) }
            if style.total != nil { blocks.append(Block(rows: [Row(cells: total)])) }
        }
        var texts: [Row] = []
        for text in style.texts ?? [] {
            if let prefix = text.prefix {
                texts.append(Row(cells: [Cell(value: "text.\(text.id)", prefix: prefix, to: width, style: "plain")], optional: true))
            } else {
                texts.append(Row(cells: [Cell(text: text.label ?? text.id, span: 2), Cell(value: "text.\(text.id)", to: width, style: "text")],
                                 optional: true))
            }
        }
        if !texts.isEmpty { blocks.append(Block(rows: texts)) }
        let widths = [14.0] + Array(repeating: 13.0, count: width - 1)
        return FormLayout(format: format, style: style.style, widths: widths, orientation: width > 10 ? "landscape" : "portrait",
                          font: nil, font_size: nil, title_size: nil, percent: nil, head: head, blocks: blocks, foot: nil, notes: nil,
                          source: nil)
    }
}
