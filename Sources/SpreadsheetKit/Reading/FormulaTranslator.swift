/// Moves the relative references of a formula, as Excel does when it fills a shared formula
/// (`<f t="shared">`) into the cells of its range. `$`-anchored parts stay put; text in quotes,
/// function names and sheet names are left alone.
enum FormulaTranslator {
    static func shift(_ formula: String, rows: Int, columns: Int) -> String {
        if rows == 0 && columns == 0 { return formula }
        let chars = Array(formula.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\"" || c == "'" { // copy quoted text or quoted sheet names verbatim
                let quote = c
                out.append(c); i += 1
                while i < chars.count {
                    out.append(chars[i])
                    if chars[i] == quote {
                        if i + 1 < chars.count && chars[i + 1] == quote { out.append(chars[i + 1]); i += 2; continue }
                        i += 1; break
                    }
                    i += 1
                }
                continue
            }
            let previous: Unicode.Scalar? = i > 0 ? chars[i - 1] : nil
            let startsToken = previous.map { !(isWordCharacter($0) || $0 == "." ) } ?? true
            if startsToken, let (ref, length) = matchReference(chars, at: i) {
                out.append(contentsOf: ref(rows, columns).unicodeScalars)
                i += length
                continue
            }
            out.append(c); i += 1
        }
        return String(out)
    }

    private static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
        (c >= "A" && c <= "Z") || (c >= "a" && c <= "z") || (c >= "0" && c <= "9") || c == "_" || c == "$"
    }

    /// Matches `[$]LETTERS[$]DIGITS` not followed by `(` or a word character; returns a renderer.
    private static func matchReference(_ chars: [Unicode.Scalar], at start: Int)
        -> (((Int, Int) -> String), Int)? {
        var i = start
        let columnAbsolute = chars[i] == "$"
        if columnAbsolute { i += 1 }
        var letters = ""
        while i < chars.count, letters.count < 3, (chars[i] >= "A" && chars[i] <= "Z") || (chars[i] >= "a" && chars[i] <= "z") {
            letters.unicodeScalars.append(chars[i]); i += 1
        }
        guard !letters.isEmpty, i < chars.count else { return nil }
        let rowAbsolute = chars[i] == "$"
        if rowAbsolute { i += 1 }
        var digits = ""
        while i < chars.count, chars[i] >= "0" && chars[i] <= "9" { digits.unicodeScalars.append(chars[i]); i += 1 }
        guard !digits.isEmpty, let row = Int(digits), let ref = CellReference(letters + digits) else { return nil }
        if i < chars.count, isWordCharacter(chars[i]) || chars[i] == "(" || chars[i] == "!" { return nil }
        let render: (Int, Int) -> String = { dr, dc in
            let newColumn = columnAbsolute ? ref.column : ref.column + dc
            let newRow = rowAbsolute ? row : row + dr
            guard newColumn >= 1, newRow >= 1 else { return "#REF!" }
            return (columnAbsolute ? "$" : "") + CellReference.columnName(newColumn) + (rowAbsolute ? "$" : "") + String(newRow)
        }
        return (render, i - start)
    }
}
