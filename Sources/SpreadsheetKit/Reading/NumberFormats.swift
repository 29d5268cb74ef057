/// Number format codes: Excel's built-in ids and the test for date/time formats.
public enum NumberFormats {
    /// Built-in format ids (ECMA-376 Part 1, §18.8.30), plus the ids that zh-CN Excel and WPS
    /// use for Chinese dates (27–36, 50–58), which files reference without defining.
    public static let builtIn: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
        5: "\"$\"#,##0_);(\"$\"#,##0)", 6: "\"$\"#,##0_);[Red](\"$\"#,##0)",
        7: "\"$\"#,##0.00_);(\"$\"#,##0.00)", 8: "\"$\"#,##0.00_);[Red](\"$\"#,##0.00)",
        9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
        14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM",
        19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
        27: "yyyy\"年\"m\"月\"", 28: "m\"月\"d\"日\"", 29: "m\"月\"d\"日\"", 30: "m-d-yy",
        31: "yyyy\"年\"m\"月\"d\"日\"", 32: "h\"时\"mm\"分\"", 33: "h\"时\"mm\"分\"ss\"秒\"",
        34: "上午/下午h\"时\"mm\"分\"", 35: "上午/下午h\"时\"mm\"分\"ss\"秒\"", 36: "yyyy\"年\"m\"月\"",
        37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
        40: "#,##0.00_);[Red](#,##0.00)",
        41: "_(* #,##0_);_(* \\(#,##0\\);_(* \"-\"_);_(@_)",
        42: "_(\"$\"* #,##0_);_(\"$\"* \\(#,##0\\);_(\"$\"* \"-\"_);_(@_)",
        43: "_(* #,##0.00_);_(* \\(#,##0.00\\);_(* \"-\"??_);_(@_)",
        44: "_(\"$\"* #,##0.00_)_(\"$\"* \\(#,##0.00\\)_(\"$\"* \"-\"??_)_(@_)",
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
        50: "yyyy\"年\"m\"月\"", 51: "m\"月\"d\"日\"", 52: "yyyy\"年\"m\"月\"", 53: "m\"月\"d\"日\"",
        54: "m\"月\"d\"日\"", 55: "上午/下午h\"时\"mm\"分\"", 56: "上午/下午h\"时\"mm\"分\"ss\"秒\"",
        57: "yyyy\"年\"m\"月\"", 58: "m\"月\"d\"日\"",
    ]

    /// Whether a format code shows a number as a date or time (not a duration).
    ///
    /// ```swift
    /// NumberFormats.isDateFormat("yyyy-mm-dd") // true
    /// NumberFormats.isDateFormat("#,##0.00")   // false
    /// ```
    public static func isDateFormat(_ code: String) -> Bool {
        switch dateTimeKind(code) {
        case .date?, .timeOfDay?: return true
        default: return false
        }
    }

    /// What a format shows a number as: a date (perhaps with a time), a time of day, or an
    /// elapsed duration (`[h]:mm:ss`, which stays a number); `nil` for plain numbers.
    /// Tokens count only outside quoted text, escapes and `[…]` sections, in the first section.
    public static func dateTimeKind(_ code: String) -> DateTimeKind? {
        if code == "General" || code == "@" { return nil }
        var inQuotes = false, inBracket = false, escaped = false
        var bracket = ""
        var tokens: [Character] = [] // the format's letters outside quotes, escapes and brackets
        var elapsed = false
        loop: for ch in code {
            if escaped { escaped = false; continue }
            if inQuotes { if ch == "\"" { inQuotes = false }; continue }
            if inBracket {
                if ch == "]" {
                    inBracket = false
                    let lower = bracket.lowercased()
                    if !lower.isEmpty, lower.allSatisfy({ "hms".contains($0) }) { elapsed = true }
                } else { bracket.append(ch) }
                continue
            }
            switch ch {
            case "\"": inQuotes = true
            case "\\", "_", "*": escaped = true // the next character is literal (or padding)
            case "[": inBracket = true; bracket = ""
            case ";": break loop // only the first (positive) section decides
            case "上", "下": tokens.append("h")
            default:
                let lower = Character(ch.lowercased())
                if "ymdhs".contains(lower) { tokens.append(lower) }
            }
        }
        if elapsed { return .elapsed }
        var hasDate = false, hasTime = false
        for (i, t) in tokens.enumerated() {
            switch t {
            case "y", "d": hasDate = true
            case "h", "s": hasTime = true
            case "m":
                // Minutes right after hours or right before seconds (Excel's rule); months otherwise.
                let before = tokens[..<i].last(where: { $0 != "m" })
                let after = tokens[(i + 1)...].first(where: { $0 != "m" })
                if before == "h" || after == "s" { hasTime = true } else { hasDate = true }
            default: break
            }
        }
        if hasDate { return .date }
        return hasTime ? .timeOfDay : nil
    }

    public enum DateTimeKind: Sendable {
        case date, timeOfDay, elapsed
    }
}

/// Reads `xl/styles.xml`: custom number formats and the cell formats (`cellXfs`) that use them.
final class StylesParser: SAXHandler {
    private var customFormats: [Int: String] = [:]
    private var cellFormatIDs: [Int] = []
    private var inCellXfs = false

    func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if name.equals("numFmt"), let id = attributes.int("numFmtId") {
            customFormats[id] = attributes.string("formatCode") ?? ""
        } else if name.equals("cellXfs") {
            inCellXfs = true
        } else if inCellXfs && name.equals("xf") {
            cellFormatIDs.append(attributes.int("numFmtId") ?? 0)
        }
    }

    func endElement(_ name: XMLName) {
        if name.equals("cellXfs") { inCellXfs = false }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {}

    /// Per cell-format index: its number format code (`nil` for General) and whether it is a date format.
    func resolved() -> [ResolvedStyle] {
        cellFormatIDs.map { id in
            let code = customFormats[id] ?? NumberFormats.builtIn[id] ?? "General"
            let kind = NumberFormats.dateTimeKind(code)
            return ResolvedStyle(numberFormat: code == "General" ? nil : code,
                                 isDate: kind == .date || kind == .timeOfDay, isTimeOfDay: kind == .timeOfDay)
        }
    }
}

/// What a style index means for reading a value.
struct ResolvedStyle {
    var numberFormat: String?
    var isDate: Bool
    var isTimeOfDay: Bool
}
