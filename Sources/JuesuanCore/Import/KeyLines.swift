import Foundation

/// The lines printed above a table's grid: department, fiscal year, unit, table code. Their
/// order varies between provinces, so they are read as a set from the rows around the title.
struct KeyLines {
    var department: String?
    var year: Int?
    var unit: AmountUnit?

    static let departmentLabels = ["部门名称", "单位名称", "编制单位", "填报单位", "预算单位", "部门"]

    static func read(_ grid: SheetGrid, table: LocatedTable, from firstRow: Int) -> KeyLines {
        var lines = KeyLines()
        let first = max(1, min(firstRow, table.titleRow))
        let last = max(first, table.headerTop - 1)
        let labels = [LabelNormalizer.normalize(table.layout.departmentLabel)] + departmentLabels
        for r in first...last {
            let cells = (grid.textRows[r] ?? []).sorted { $0.column < $1.column }
            for (i, (column, text)) in cells.enumerated() {
                if lines.unit == nil, let unit = unit(in: text) { lines.unit = unit }
                if lines.year == nil, let year = year(in: text) { lines.year = year }
                if lines.department == nil {
                    for label in labels where text.hasPrefix(label + ":") {
                        let raw = rawString(grid, r, column)
                        var value = afterColon(raw)
                        if value.isEmpty, i + 1 < cells.count { value = rawString(grid, r, cells[i + 1].column).trimmingCharacters(in: .whitespaces) }
                        if !value.isEmpty { lines.department = value }
                        break
                    }
                }
            }
        }
        if lines.department == nil, let fromTitle = table.titlePrefix { lines.department = fromTitle }
        if lines.department == nil {
            // A line of its own naming the body ("临溪市文化广播电视和旅游局") just above the title.
            for r in stride(from: table.titleRow - 1, through: first, by: -1) {
                guard let cells = grid.textRows[r], cells.count == 1, looksLikeOrganisation(cells[0].text) else { continue }
                lines.department = rawString(grid, r, cells[0].column).trimmingCharacters(in: .whitespacesAndNewlines)
                break
            }
        }
        return lines
    }

    /// Whether a row holds only key-line text (department, unit, year, table code).
    static func isKeyLineRow(_ grid: SheetGrid, _ row: Int) -> Bool {
        guard let cells = grid.textRows[row], !cells.isEmpty else { return grid.isEmptyRow(row) }
        return cells.allSatisfy { _, text in
            unit(in: text) != nil || year(in: text) != nil || departmentLabels.contains { text.hasPrefix($0 + ":") }
                || (TextScan.contains(text, "公开") && text.range(of: #"^公开\d+表$"#, options: .regularExpression) != nil)
        }
    }

    static func unit(in text: String) -> AmountUnit? {
        guard TextScan.contains(text, "单位") else { return nil }
        guard let range = text.range(of: #"单位:?\(?(万元|元)"#, options: .regularExpression) else { return nil }
        return text[range].contains("万元") ? .wanYuan : .yuan
    }

    /// A fiscal year: "2024年度", or "2024年" not followed by a month (a date such as 2025年3月12日 is not one).
    static func year(in text: String) -> Int? {
        guard TextScan.contains(text, "年") else { return nil }
        for pattern in [#"(19|20)\d{2}年度"#, #"(19|20)\d{2}年(?![0-9一二三四五六七八九十]{1,2}月)"#] {
            if let range = text.range(of: pattern, options: .regularExpression) { return Int(text[range].prefix(4)) }
        }
        return nil
    }

    /// Words that end the name of a public body; a standalone line above a title ending in one of
    /// them is taken as the department when no 部门名称 line names it.
    static let organisationEndings = ["局", "委员会", "委", "办公室", "办", "厅", "部", "院", "中心", "政府", "馆", "站",
                                      "所", "队", "学校", "大学", "协会", "联合会", "会", "处", "室", "署", "总队", "支队"]

    static func looksLikeOrganisation(_ text: String) -> Bool {
        (3...40).contains(text.count) && organisationEndings.contains { text.hasSuffix($0) }
            && !text.contains(":") && !text.hasSuffix("表") && year(in: text) == nil
    }

    private static func rawString(_ grid: SheetGrid, _ row: Int, _ column: Int) -> String {
        guard case .string(let s)? = grid.cell(row, column)?.value else { return "" }
        return s
    }

    /// The value after "label：", cut before a second item on the same line (year, unit).
    private static func afterColon(_ raw: String) -> String {
        guard let colon = raw.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return "" }
        var value = String(raw[raw.index(after: colon)...])
        for stop in [#"\s{2,}"#, #"\s*(金额)?单位[：:]"#, #"\s*(19|20)\d{2}\s*年"#] {
            if let r = value.range(of: stop, options: .regularExpression) { value = String(value[..<r.lowerBound]) }
        }
        return value.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
