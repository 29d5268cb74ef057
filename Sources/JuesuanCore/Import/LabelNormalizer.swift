import Foundation

/// Makes printed labels comparable: the same label typed in another workbook differs in spaces and
/// line breaks inside it ("上缴 上级\n支出"), full- or half-width forms, quote and bracket styles,
/// and how an item is numbered ("一、" / "1." / none).
///
/// ```swift
/// LabelNormalizer.normalize("对附属单\n位补助\n支出")          // "对附属单位补助支出"
/// LabelNormalizer.key("（一）行政单位") == LabelNormalizer.key("1.行政单位") // true
/// ```
public enum LabelNormalizer {
    /// Whitespace removed, full-width ASCII folded to half-width, brackets and quotes unified.
    public static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "\u{3000}" || scalar == "\u{200B}" || scalar == "\u{FEFF}" { continue }
            switch scalar.value {
            case 0xFF01...0xFF5E: // full-width ASCII forms
                out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x201C, 0x201D, 0x201E, 0x300C, 0x300D, 0x300E, 0x300F: out.append("\"")
            case 0x2018, 0x2019: out.append("'")
            case 0x3010, 0x3014: out.append("(") // 【 〔
            case 0x3011, 0x3015: out.append(")") // 】 〕
            case 0x2014, 0x2015, 0x2500, 0x2501: out.append("—") // the long dashes that mark "not applicable"
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// ``normalize(_:)`` and then the item numbering stripped from the front: "一、", "（一）", "1.", "1、", "(1)", "第一".
    public static func key(_ text: String) -> String {
        stripNumbering(normalize(text))
    }

    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"]

    /// Removes a leading item number from a normalized label.
    public static func stripNumbering(_ text: String) -> String {
        var s = Substring(text)
        // "(一)" / "(1)"
        if s.first == "(", let close = s.firstIndex(of: ")"), s.distance(from: s.startIndex, to: close) <= 4 {
            let inside = s[s.index(after: s.startIndex)..<close]
            if !inside.isEmpty, inside.allSatisfy({ chineseNumerals.contains($0) || $0.isASCIIDigitLike }) {
                s = s[s.index(after: close)...]
                return String(dropSeparator(s))
            }
        }
        // "一、" / "十二、" / "1." / "12、" / "1)"
        let numeral = s.prefix { chineseNumerals.contains($0) || $0.isASCIIDigitLike }
        if !numeral.isEmpty, numeral.count <= 4 {
            let rest = s[numeral.endIndex...]
            if let sep = rest.first, "、.．):：,，".contains(sep) {
                return String(dropSeparator(rest))
            }
        }
        return String(s)
    }

    private static func dropSeparator(_ s: Substring) -> Substring {
        var s = s
        while let c = s.first, "、.．):：,，".contains(c) { s = s.dropFirst() }
        return s
    }
}
