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
        // Most labels need no change: return them as they are, without building a new string.
        if !text.unicodeScalars.contains(where: changes) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) || scalar == "\u{3000}" || scalar == "\u{200B}" || scalar == "\u{FEFF}" { continue }
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

    /// Unicode's White_Space property (`scalar.properties.isWhitespace`, a table look-up that showed in
    /// profiles), as a range test: U+0009–000D, 0020, 0085, 00A0, 1680, 2000–200A, 2028, 2029, 202F, 205F, 3000.
    @inline(__always) static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// Whether ``normalize(_:)`` drops or replaces this scalar.
    @inline(__always) static func changes(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF,
             0xFF01...0xFF5E, 0x201C, 0x201D, 0x201E, 0x300C, 0x300D, 0x300E, 0x300F, 0x2018, 0x2019,
             0x3010, 0x3014, 0x3011, 0x3015, 0x2014, 0x2015, 0x2500, 0x2501:
            return true
        default:
            return false
        }
    }

    /// ``normalize(_:)`` and then the item numbering stripped from the front: "一、", "（一）", "1.", "1、", "(1)", "第一".
    public static func key(_ text: String) -> String {
        stripNumbering(normalize(text))
    }

    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇"]
    private static let numeralScalars: Set<UInt32> = Set(chineseNumerals.map { $0.unicodeScalars.first!.value })

    /// Removes a leading item number from a normalized label.
    public static func stripNumbering(_ text: String) -> String {
        // Nothing to strip unless the first character can open a number: "(", a digit, a Chinese
        // numeral, or a CJK compatibility ideograph (canonically equal to a numeral: U+F9B2 is 零).
        let scalars = text.unicodeScalars
        guard let first = scalars.first else { return text }
        switch first.value {
        case 0x28, 0x30...0x39, 0xF900...0xFAFF, 0x2F800...0x2FA1F: break
        default: if !numeralScalars.contains(first.value) { return text }
        }
        // Walked as Unicode scalars, not Characters (this runs for every numbered label of a workbook).
        // The two agree unless a scalar in the part looked at extends the one before it into one
        // Character ("1\u{301}"): then the Character walk decides.
        let end = scalars.endIndex
        var stripped: String?
        var stop: String.UnicodeScalarView.Index
        if first == "(" {
            // "(一)" / "(1)": at most three numerals inside
            var j = scalars.index(after: scalars.startIndex), inside = 0
            while j != end, inside < 4, isNumeral(scalars[j]) { inside += 1; j = scalars.index(after: j) }
            stop = j
            if inside > 0, inside <= 3, j != end, scalars[j] == ")" {
                (stripped, stop) = dropSeparators(scalars, from: scalars.index(after: j))
            }
        } else {
            // "一、" / "十二、" / "1." / "12、" / "1)": at most four numerals, then a separator
            var i = scalars.startIndex, numerals = 0
            while i != end, numerals <= 4, isNumeral(scalars[i]) { numerals += 1; i = scalars.index(after: i) }
            stop = i
            if numerals <= 4, i != end, isSeparator(scalars[i]) { (stripped, stop) = dropSeparators(scalars, from: i) }
        }
        var k = scalars.index(after: scalars.startIndex)
        while k != end {
            if extendsPrevious(scalars[k]) { return stripNumberingByCharacters(text) }
            if k == stop { break }
            k = scalars.index(after: k)
        }
        return stripped ?? text
    }

    /// Whether a scalar joins the one before it into one Character (combining marks, ZWJ, variation
    /// selectors, emoji modifiers, spacing marks).
    @inline(__always) private static func extendsPrevious(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        let properties = scalar.properties
        return properties.isGraphemeExtend || properties.generalCategory == .spacingMark || scalar.value == 0x200D
            || properties.isEmojiModifier
    }

    /// ``stripNumbering(_:)`` on Characters: the definition, for the rare texts where a numeral or
    /// separator carries a combining mark.
    static func stripNumberingByCharacters(_ text: String) -> String {
        var s = Substring(text)
        if s.first == "(", let close = s.firstIndex(of: ")"), s.distance(from: s.startIndex, to: close) <= 4 {
            let inside = s[s.index(after: s.startIndex)..<close]
            if !inside.isEmpty, inside.allSatisfy({ chineseNumerals.contains($0) || $0.isASCIIDigitLike }) {
                s = s[s.index(after: close)...]
                return String(s.drop { "、.．):：,，".contains($0) })
            }
        }
        let numeral = s.prefix { chineseNumerals.contains($0) || $0.isASCIIDigitLike }
        if !numeral.isEmpty, numeral.count <= 4 {
            let rest = s[numeral.endIndex...]
            if let sep = rest.first, "、.．):：,，".contains(sep) {
                return String(rest.drop { "、.．):：,，".contains($0) })
            }
        }
        return String(s)
    }

    /// A Chinese numeral (or a compatibility ideograph equal to one) or an ASCII digit.
    @inline(__always) private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39: return true
        case 0xF900...0xFAFF, 0x2F800...0x2FA1F: return chineseNumerals.contains(Character(scalar))
        default: return numeralScalars.contains(scalar.value)
        }
    }

    /// The separators that follow an item number: 、 . ． ) : ： , ，
    @inline(__always) private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3001, 0x2E, 0xFF0E, 0x29, 0x3A, 0xFF1A, 0x2C, 0xFF0C: return true
        default: return false
        }
    }

    /// The text from `start` on with the separators there dropped, and where the text then starts.
    private static func dropSeparators(_ scalars: String.UnicodeScalarView, from start: String.UnicodeScalarView.Index)
        -> (String, String.UnicodeScalarView.Index) {
        var i = start
        while i != scalars.endIndex, isSeparator(scalars[i]) { i = scalars.index(after: i) }
        return (String(scalars[i...]), i)
    }
}
