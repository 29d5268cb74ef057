import Foundation

/// Writes a ``TableLayout`` as a mapping file (`format: juesuan-mapping/1`), in the style of the
/// files in `Mappings/`: one flow mapping per column and row item, text quoted where YAML needs it.
/// What it writes loads back with ``MappingLoader`` to the same layout.
public enum MappingWriter {
    public static func yaml(_ layout: TableLayout, comments: [String] = []) -> String {
        var out = ""
        for line in comments { out += "# \(line)\n" }
        out += "format: \(MappingLoader.format)\n"
        out += "set: \(q(layout.set))\n"
        out += "table: \(quoted(layout.table))\n"
        out += "code: \(q(layout.code))\n"
        out += "title: \(q(layout.title))\n"
        if !layout.aliases.isEmpty { out += "aliases: [\(layout.aliases.map(q).joined(separator: ", "))]\n" }
        out += "statement: \(layout.statement)\n"
        out += "default_unit: \(layout.defaultUnit.rawValue)\n"
        out += "key_lines: [\(layout.keyLines.map(\.rawValue).joined(separator: ", "))]\n"
        out += "department_label: \(q(layout.departmentLabel))\n"
        out += "unit_label: \(q(layout.unitLabel))\n"
        out += "column_numbers: \(layout.hasColumnNumbers)\n"
        if layout.isInferred { out += "inferred: true\n" }
        if let note = layout.inferredNote, !note.isEmpty { out += "inferred_note: \(q(note))\n" }
        if layout.notes.isEmpty {
            out += "notes: []\n"
        } else {
            out += "notes:\n"
            for note in layout.notes { out += "  - \(q(note))\n" }
        }
        if let empty = layout.emptyNote { out += "empty_note: \(q(empty))\n" }
        out += "blocks:\n"
        for block in layout.blocks {
            out += "  - id: \(q(block.id))\n"
            out += "    columns:\n"
            for column in block.columns { out += "      - \(self.column(column))\n" }
            out += "    rows:\n"
            out += "      key: \(block.rows.key.rawValue)\n"
            if let kind = block.rows.codeKind { out += "      code_kind: \(kind.rawValue)\n" }
            if let total = block.rows.total {
                out += "      total: {label: \(q(total.label)), id: \(q(total.id))\(total.line.map { ", line: \($0)" } ?? "")}\n"
            }
            if block.rows.key == .single, let id = block.rows.singleID { out += "      id: \(q(id))\n" }
            if !block.rows.items.isEmpty {
                out += "      items:\n"
                for item in block.rows.items { out += "        - \(self.item(item, measures: block.columns.compactMap(\.measure)))\n" }
            }
        }
        if !layout.summaryRows.isEmpty {
            out += "summary_rows:\n"
            for s in layout.summaryRows {
                out += "  - {label: \(q(s.label)), id: \(q(s.id)), label_at: \(position(s.labelAt)), value_at: \(position(s.valueAt))}\n"
            }
        }
        return out
    }

    private static func column(_ c: Column) -> String {
        var parts = ["header: [\(c.header.map(q).joined(separator: ", "))]"]
        if !c.also.isEmpty { parts.append("also: [\(c.also.map(q).joined(separator: ", "))]") }
        parts.append("role: \(c.role.rawValue)")
        if let m = c.measure { parts.append("measure: \(m)") }
        if let n = c.number { parts.append("number: \(quoted(n))") }
        if let w = c.width, w > 0, w <= 255 { parts.append("width: \(number(w))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    private static func item(_ item: RowItem, measures: [String]) -> String {
        switch item.kind {
        case .heading(let text): return "{heading: \(q(text))}"
        case .literal(let texts): return "{literal: [\(texts.map(quoted).joined(separator: ", "))]}"
        case .data: break
        }
        var parts: [String] = []
        if let line = item.line { parts.append("line: \(line)") }
        if let code = item.code { parts.append("code: \(quoted(code))") }
        if let label = item.label, !label.isEmpty { parts.append("label: \(q(label))") }
        if let id = item.id { parts.append("id: \(q(id))") }
        if !item.notApplicable.isEmpty {
            let all = Set(measures)
            parts.append(item.notApplicable == all ? "not_applicable: all"
                         : "not_applicable: [\(measures.filter(item.notApplicable.contains).joined(separator: ", "))]")
        }
        if item.isCount { parts.append("count: true") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    private static func position(_ p: SummaryRow.Position) -> String {
        var parts = ["block: \(q(p.block))"]
        if let role = p.role { parts.append("role: \(role.rawValue)") }
        if let measure = p.measure { parts.append("measure: \(measure)") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    private static func number(_ w: Double) -> String {
        w == w.rounded() ? String(Int(w)) : String(format: "%.2f", w).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }

    /// Plain where YAML reads it back as the same text, else double-quoted.
    static func q(_ text: String) -> String {
        let specialStart: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", " "]
        let plainSafe = !text.isEmpty && !specialStart.contains(text.first!) && text.last != " "
            && !text.contains(where: { ",[]{}#:\"'\\\n\r\t".contains($0) })
            && !["true", "false", "yes", "no", "null", "~", "on", "off"].contains(text.lowercased())
            && Double(text) == nil && Int(text) == nil
        return plainSafe ? text : quoted(text)
    }

    /// Always double-quoted (codes, numbers-as-text).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for s in text.unicodeScalars {
            switch s {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if s.value < 0x20 { out += String(format: "\\x%02X", s.value) } else { out.unicodeScalars.append(s) }
            }
        }
        return out + "\""
    }
}
