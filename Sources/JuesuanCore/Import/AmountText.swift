import Foundation
import SpreadsheetKit

/// What an amount cell holds, read the way finance staff type amounts: numbers, or text such as
/// "13,759.26", " 0.00 ", "-" (zero), "——" (not applicable), blank.
public enum AmountCell: Equatable, Sendable {
    case amount(Amount)
    case blank
    /// "——" / "—": the form forbids an amount here.
    case notApplicable
    /// Text that is not an amount: an error naming the cell, never a silent zero.
    case invalid(String)
    /// A formula the file stores no result for.
    case formulaWithoutValue(String)

    /// Reads a cell's value as an amount (in the table's own unit).
    public static func read(_ cell: Cell?) -> AmountCell {
        guard let cell else { return .blank }
        if cell.isFormulaWithoutCachedValue { return .formulaWithoutValue(cell.formula ?? "") }
        switch cell.value {
        case .empty: return .blank
        case .number(let text):
            guard let amount = CellNumber.fromCellNumber(text) else { return .invalid(text) }
            return .amount(amount)
        case .string(let text): return parse(text)
        case .date(let d): return .invalid(d.iso8601)
        case .boolean(let b): return .invalid(b ? "TRUE" : "FALSE")
        case .error(let e): return .invalid(e)
        }
    }

    /// Parses amount text: thousands separators, full-width digits, surrounding spaces, a trailing
    /// "元"/"万元", negative numbers written with a minus sign or in parentheses.
    public static func parse(_ raw: String) -> AmountCell {
        var text = LabelNormalizer.normalize(raw)
        if text.isEmpty { return .blank }
        if text == "-" || text == "−" { return .blank } // a lone hyphen is how many ledgers write zero
        if text.allSatisfy({ $0 == "—" || $0 == "-" }) { return .notApplicable } // "——", "—", "--"
        if text == "/" || text == "／" { return .blank }
        for suffix in ["万元", "元"] where text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        var negative = false
        if text.hasPrefix("("), text.hasSuffix(")") { negative = true; text = String(text.dropFirst().dropLast()) }
        text = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        if text.hasPrefix("−") { text = "-" + text.dropFirst() }
        guard !text.isEmpty,
              text.allSatisfy({ $0.isASCIIDigitLike || $0 == "." || $0 == "-" || $0 == "+" || $0 == "E" || $0 == "e" }),
              text.contains(where: \.isASCIIDigitLike),
              let amount = CellNumber.amount(text) else { return .invalid(raw) }
        return .amount(negative ? Amount(-amount.value) : amount)
    }
}
