import Foundation
import Yams

/// Reads mapping files (`format: juesuan-mapping/1`) into ``TableLayout`` values, checking every
/// field so that a finance IT person who edits one gets the file, the line and what is wrong.
///
/// ```swift
/// let layout = try MappingLoader.load(path: "Mappings/gk10-2024/03-支出决算表.yaml")
/// layout.title // "支出决算表"
/// ```
public enum MappingLoader {
    public static let format = "juesuan-mapping/1"

    /// The canonical measures each statement may use (Mappings/README.md).
    public static let measures: [String: Set<String>] = [
        "summary": ["amount"],
        "income_by_function": ["total", "appropriation", "upper_subsidy", "service", "operating", "affiliate_remit", "other"],
        "expenditure_by_function": ["total", "basic", "project", "remit_upper", "business", "subsidy_units"],
        "appropriation_summary": ["amount", "total", "general", "fund", "state_capital"],
        "general_budget_expenditure": ["subtotal", "basic", "project"],
        "basic_expenditure_by_economic": ["amount"],
        "government_fund": ["opening", "income", "expenditure_subtotal", "expenditure_basic", "expenditure_project", "closing"],
        "state_capital_expenditure": ["total", "basic", "project"],
        "three_public": Set(["budget", "actual"].flatMap { p in
            ["total", "abroad", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation", "reception"].map { "\(p)_\($0)" } }),
        "other_info": ["amount", "count"],
        "appropriation_by_economic": ["total", "general_subtotal", "general_basic", "general_project", "fund_subtotal",
                                      "fund_basic", "fund_project", "state_capital_subtotal", "state_capital_basic",
                                      "state_capital_project"],
        "general_budget_by_economic": ["total", "basic", "project"],
        "general_budget_project": ["income", "expenditure"],
        "state_capital_income_expenditure": ["opening", "income", "expenditure", "closing"],
    ]

    public static func load(path: String) throws -> TableLayout {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw MappingError(file: path, line: nil, message: "无法读取 / cannot read: \(error.localizedDescription)")
        }
        return try load(yaml: text, source: path)
    }

    public static func load(yaml text: String, source: String) throws -> TableLayout {
        try Reader(source: source).layout(try compose(text, source: source))
    }

    /// Parses YAML text into a node tree that keeps line numbers, for every kind of mapping file.
    static func compose(_ text: String, source: String) throws -> Node {
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw MappingError(file: source, line: nil, message: "文件为空 / the file is empty")
            }
            return composed
        } catch let error as MappingError {
            throw error
        } catch let error as YamlError {
            throw MappingError(file: source, line: yamlErrorLine(error), message: "YAML 语法错误 / YAML syntax error: \(error)")
        } catch {
            throw MappingError(file: source, line: nil, message: "YAML: \(error)")
        }
    }

    private static func yamlErrorLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    /// Walks the YAML node tree, keeping line numbers for messages.
    private struct Reader {
        let source: String

        func fail(_ node: Node?, _ message: String) -> MappingError {
            MappingError(file: source, line: node?.mark?.line, message: message)
        }

        func mapping(_ node: Node, _ what: String) throws -> [String: Node] {
            guard let map = node.mapping else { throw fail(node, "\(what) 应为映射（key: value）/ \(what) must be a mapping") }
            var result: [String: Node] = [:]
            for (key, value) in map {
                guard let k = key.string else { throw fail(key, "键应为文本 / keys must be text") }
                result[k] = value
            }
            return result
        }

        func only(_ map: [String: Node], _ allowed: Set<String>, _ node: Node, _ what: String) throws {
            for key in map.keys where !allowed.contains(key) {
                throw fail(map[key], "\(what) 中有未知的键“\(key)” / unknown key '\(key)' in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }

        func string(_ map: [String: Node], _ key: String, in node: Node, required: Bool = true) throws -> String? {
            guard let value = map[key] else {
                if required { throw fail(node, "缺少“\(key)” / missing '\(key)'") }
                return nil
            }
            guard let s = value.scalar?.string else { throw fail(value, "“\(key)”应为文本 / '\(key)' must be text") }
            return s
        }

        func strings(_ map: [String: Node], _ key: String) throws -> [String] {
            guard let value = map[key] else { return [] }
            if value.scalar?.string == "" || value.scalar?.string == "null" { return [] }
            guard let seq = value.sequence else { throw fail(value, "“\(key)”应为列表 / '\(key)' must be a list") }
            return try seq.map { item in
                guard let s = item.scalar?.string else { throw fail(item, "“\(key)”的元素应为文本 / items of '\(key)' must be text") }
                return s
            }
        }

        func bool(_ map: [String: Node], _ key: String) throws -> Bool {
            guard let value = map[key] else { return false }
            switch value.scalar?.string.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: throw fail(value, "“\(key)”应为 true 或 false / '\(key)' must be true or false")
            }
        }

        func int(_ map: [String: Node], _ key: String) throws -> Int? {
            guard let value = map[key] else { return nil }
            guard let text = value.scalar?.string, let n = Int(text), n > 0 else {
                throw fail(value, "“\(key)”应为正整数 / '\(key)' must be a positive whole number")
            }
            return n
        }

        func layout(_ node: Node) throws -> TableLayout {
            let map = try mapping(node, "映射文件 / the file")
            try only(map, ["format", "set", "table", "code", "title", "aliases", "statement", "default_unit", "key_lines",
                           "department_label", "unit_label", "column_numbers", "inferred", "inferred_note", "notes",
                           "empty_note", "blocks", "summary_rows"], node, "映射文件 / the file")
            let format = try string(map, "format", in: node)
            guard format == MappingLoader.format else {
                throw fail(map["format"], "format 应为 \(MappingLoader.format) / format must be \(MappingLoader.format), found '\(format ?? "")'")
            }
            let statement = try string(map, "statement", in: node)!
            guard let allowed = MappingLoader.measures[statement] else {
                throw fail(map["statement"], "未知的 statement“\(statement)” / unknown statement '\(statement)' (known: \(MappingLoader.measures.keys.sorted().joined(separator: ", ")))")
            }
            let unitText = try string(map, "default_unit", in: node, required: false) ?? "万元"
            guard let unit = AmountUnit(text: unitText) else {
                throw fail(map["default_unit"], "default_unit 应为 元 或 万元 / default_unit must be 元 or 万元")
            }
            let keyLines = try strings(map, "key_lines").map { text -> KeyLine in
                guard let line = KeyLine(rawValue: text) else {
                    throw fail(map["key_lines"], "未知的 key_lines 项“\(text)” / unknown key line '\(text)' (department, year, unit, code)")
                }
                return line
            }
            guard let blockNodes = map["blocks"]?.sequence, !blockNodes.isEmpty else {
                throw fail(map["blocks"] ?? node, "缺少 blocks 列表 / 'blocks' must be a non-empty list")
            }
            let blocks = try blockNodes.map { try block($0, measures: allowed) }
            var seenBlocks = Set<String>()
            for (b, blockNode) in zip(blocks, blockNodes) where !seenBlocks.insert(b.id).inserted {
                throw fail(blockNode, "block id“\(b.id)”重复 / duplicate block id '\(b.id)'")
            }
            let summaries = try (map["summary_rows"]?.sequence ?? []).map { try summaryRow($0, blocks: blocks) }
            // Row keys must be unique in a file: facts are stored under them.
            var seen: [String: Node] = [:]
            for (b, blockNode) in zip(blocks, blockNodes) {
                for item in b.rows.items {
                    guard case .data = item.kind, item.id != nil || item.code != nil, let key = item.rowKey else { continue }
                    if seen[key] != nil { throw fail(blockNode, "行标识“\(key)”重复 / duplicate row id '\(key)'") }
                    seen[key] = blockNode
                }
            }
            return TableLayout(
                set: try string(map, "set", in: node)!, table: try string(map, "table", in: node)!,
                code: try string(map, "code", in: node)!, title: try string(map, "title", in: node)!,
                aliases: try strings(map, "aliases"), statement: statement, defaultUnit: unit, keyLines: keyLines,
                departmentLabel: try string(map, "department_label", in: node, required: false) ?? "部门名称",
                unitLabel: try string(map, "unit_label", in: node, required: false) ?? "金额单位",
                hasColumnNumbers: try bool(map, "column_numbers"), isInferred: try bool(map, "inferred"),
                inferredNote: try string(map, "inferred_note", in: node, required: false),
                notes: try strings(map, "notes"), emptyNote: try string(map, "empty_note", in: node, required: false),
                blocks: blocks, summaryRows: summaries, source: source)
        }

        func block(_ node: Node, measures: Set<String>) throws -> Block {
            let map = try mapping(node, "block")
            try only(map, ["id", "columns", "rows"], node, "block")
            guard let columnNodes = map["columns"]?.sequence, !columnNodes.isEmpty else {
                throw fail(map["columns"] ?? node, "block 缺少 columns 列表 / a block needs a non-empty 'columns' list")
            }
            let columns = try columnNodes.map { try column($0, measures: measures) }
            guard let rowsNode = map["rows"] else { throw fail(node, "block 缺少 rows / a block needs 'rows'") }
            let rows = try rowRule(rowsNode, columns: columns)
            return Block(id: try string(map, "id", in: node, required: false) ?? "main", columns: columns, rows: rows)
        }

        func column(_ node: Node, measures: Set<String>) throws -> Column {
            let map = try mapping(node, "column")
            try only(map, ["header", "also", "role", "measure", "number", "width"], node, "column")
            let header = try strings(map, "header")
            guard !header.isEmpty, !header.contains(where: { $0.isEmpty }) else {
                throw fail(node, "header 应为非空标签列表 / 'header' must be a non-empty list of labels")
            }
            let roleText = try string(map, "role", in: node)!
            guard let role = Column.Role(rawValue: roleText) else {
                throw fail(map["role"], "未知的 role“\(roleText)” / unknown role '\(roleText)' (code, name, label, line, amount, count)")
            }
            let measure = try string(map, "measure", in: node, required: false)
            if role == .amount || role == .count {
                guard let measure else { throw fail(node, "金额列缺少 measure / an amount column needs a 'measure'") }
                guard measures.contains(measure) else {
                    throw fail(map["measure"], "measure“\(measure)”不属于该 statement / measure '\(measure)' is not one of \(measures.sorted().joined(separator: ", "))")
                }
            }
            let width = try string(map, "width", in: node, required: false).map { text -> Double in
                guard let w = Double(text), w > 0, w <= 255 else { throw fail(map["width"], "width 应为 0–255 的数 / width must be a number in 0–255") }
                return w
            }
            return Column(header: header, also: try strings(map, "also"), role: role, measure: measure,
                          number: try string(map, "number", in: node, required: false), width: width)
        }

        func rowRule(_ node: Node, columns: [Column]) throws -> RowRule {
            let map = try mapping(node, "rows")
            try only(map, ["key", "code_kind", "total", "items", "id"], node, "rows")
            let keyText = try string(map, "key", in: node)!
            guard let key = RowRule.Key(rawValue: keyText) else {
                throw fail(map["key"], "rows.key 应为 code、line 或 single / rows.key must be code, line or single")
            }
            let needed: Column.Role? = key == .code ? .code : (key == .line ? .line : nil)
            if let needed, !columns.contains(where: { $0.role == needed }) {
                throw fail(node, "rows.key 为 \(keyText)，但没有 role: \(needed.rawValue) 的列 / rows keyed by \(keyText) need a column with role \(needed.rawValue)")
            }
            var codeKind: RowRule.CodeKind?
            if let text = try string(map, "code_kind", in: node, required: false) {
                guard let kind = RowRule.CodeKind(rawValue: text) else {
                    throw fail(map["code_kind"], "code_kind 应为 function 或 economic / code_kind must be function or economic")
                }
                codeKind = kind
            }
            var total: TotalRow?
            if let totalNode = map["total"] {
                let t = try mapping(totalNode, "total")
                try only(t, ["label", "id", "line"], totalNode, "total")
                total = TotalRow(label: try string(t, "label", in: totalNode)!, id: try string(t, "id", in: totalNode)!,
                                 line: try int(t, "line"))
            }
            let measures = Set(columns.compactMap(\.measure))
            let items = try (map["items"]?.sequence ?? []).map { try item($0, measures: measures) }
            if key == .line {
                var last = 0
                for (item, itemNode) in zip(items, map["items"]?.sequence ?? []) {
                    guard let line = item.line else { continue }
                    if line <= last { throw fail(itemNode, "行次 \(line) 未按升序排列 / line \(line) is not in increasing order") }
                    last = line
                }
            }
            return RowRule(key: key, codeKind: codeKind, total: total, items: items,
                           singleID: try string(map, "id", in: node, required: false) ?? (key == .single ? "data" : nil))
        }

        func item(_ node: Node, measures: Set<String>) throws -> RowItem {
            let map = try mapping(node, "row item")
            try only(map, ["line", "label", "id", "code", "heading", "literal", "not_applicable", "count"], node, "row item")
            if let heading = try string(map, "heading", in: node, required: false) {
                return RowItem(kind: .heading(heading), notApplicable: [], isCount: false)
            }
            if map["literal"] != nil {
                return RowItem(kind: .literal(try strings(map, "literal")), notApplicable: [], isCount: false)
            }
            let code = try string(map, "code", in: node, required: false)
            if let code, code.isEmpty || !code.allSatisfy(\.isASCIIDigitLike) {
                throw fail(map["code"], "code 应为数字 / code must be digits, found '\(code)'")
            }
            var notApplicable = Set<String>()
            if let na = map["not_applicable"] {
                if na.scalar?.string == "all" { notApplicable = measures } else {
                    notApplicable = Set(try strings(map, "not_applicable"))
                    if let unknown = notApplicable.subtracting(measures).first {
                        throw fail(na, "not_applicable 中的“\(unknown)”不是本块的 measure / '\(unknown)' is not a measure of this block")
                    }
                }
            }
            let line = try int(map, "line")
            let label = try string(map, "label", in: node, required: false)
            let id = try string(map, "id", in: node, required: false)
            if line == nil && code == nil && id == nil {
                throw fail(node, "行项目需要 line、code 或 id / a row item needs a line, a code or an id")
            }
            return RowItem(kind: .data, line: line, label: label, id: id, code: code,
                           notApplicable: notApplicable, isCount: try bool(map, "count"))
        }

        func summaryRow(_ node: Node, blocks: [Block]) throws -> SummaryRow {
            let map = try mapping(node, "summary row")
            try only(map, ["label", "id", "label_at", "value_at"], node, "summary row")
            func position(_ key: String) throws -> SummaryRow.Position {
                guard let p = map[key] else { throw fail(node, "缺少 \(key) / missing '\(key)'") }
                let pm = try mapping(p, key)
                try only(pm, ["block", "role", "measure"], p, key)
                let blockID = try string(pm, "block", in: p)!
                guard let block = blocks.first(where: { $0.id == blockID }) else {
                    throw fail(p, "没有 id 为“\(blockID)”的 block / no block with id '\(blockID)'")
                }
                let role = try string(pm, "role", in: p, required: false).map { text -> Column.Role in
                    guard let r = Column.Role(rawValue: text) else { throw fail(p, "未知的 role“\(text)” / unknown role '\(text)'") }
                    return r
                }
                let measure = try string(pm, "measure", in: p, required: false)
                guard block.columns.contains(where: { (role == nil || $0.role == role) && (measure == nil || $0.measure == measure) }),
                      role != nil || measure != nil else {
                    throw fail(p, "block“\(blockID)”中没有这样的列 / block '\(blockID)' has no such column")
                }
                return SummaryRow.Position(block: blockID, role: role, measure: measure)
            }
            return SummaryRow(label: try string(map, "label", in: node)!, id: try string(map, "id", in: node)!,
                              labelAt: try position("label_at"), valueAt: try position("value_at"))
        }
    }
}

extension Character {
    var isASCIIDigitLike: Bool { ("0"..."9").contains(self) }
}
