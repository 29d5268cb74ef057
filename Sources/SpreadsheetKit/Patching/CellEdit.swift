import Foundation

/// The new content of one cell of a patched sheet. The cell keeps its style (`s`); a number is
/// written as `<v>`, text as an inline string, so the shared-string part stays untouched.
public enum CellEdit: Hashable, Sendable {
    /// A number, as the exact decimal text to store (`"2429.51"`, `"-3"`), never through `Double`.
    case number(String)
    /// Text, written as an inline string (`t="inlineStr"`).
    case text(String)
}

/// What to change in a workbook package: new cell contents per worksheet part. The patch knows
/// parts and cells only; what the values mean is the caller's business.
///
/// ```swift
/// var patch = PackagePatch()
/// patch.cells["xl/worksheets/sheet1.xml"] = [CellReference("C7")!: .number("2429.51")]
/// let outcome = try PackagePatcher.apply(patch, to: "template.xlsx", writingTo: "filled.xlsx")
/// ```
public struct PackagePatch: Sendable {
    /// Worksheet part (as ``SheetInfo/part`` names it) → cell → new content.
    public var cells: [String: [CellReference: CellEdit]]
    /// Sets `fullCalcOnLoad="1"` on `workbook.xml`'s `<calcPr>`, so Excel and LibreOffice
    /// recalculate every formula when the file is opened.
    public var recalculateOnOpen: Bool

    public init(cells: [String: [CellReference: CellEdit]] = [:], recalculateOnOpen: Bool = true) {
        self.cells = cells
        self.recalculateOnOpen = recalculateOnOpen
    }
}

/// What a patch did, part by part.
public struct PatchOutcome: Sendable {
    /// Parts rewritten (the patched worksheets and, with ``PackagePatch/recalculateOnOpen``, the workbook part).
    public var rewrittenParts: [String] = []
    /// Parts copied unchanged (their compressed bytes copied as they are).
    public var copiedParts: [String] = []
    /// Target cells that hold a formula: the formula is kept (its cached value removed), the new content not written.
    public var formulaCellsKept: [String: [CellReference]] = [:]
    /// Formula cells of the patched sheets whose cached value was removed (they may depend on the new values).
    public var cachedValuesCleared: Int = 0
    /// Cells that did not exist in the sheet and were inserted (in column order, rows kept sorted).
    public var insertedCells: Int = 0
}

/// Why a package could not be patched.
public enum PatchError: Error, LocalizedError, Sendable {
    case sameFile(path: String)
    case missingPart(file: String, part: String)
    case unsupportedEncoding(file: String, part: String)
    case malformedPart(file: String, part: String, reason: String)
    case zip(file: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .sameFile(let path):
            return "输出文件与模板相同，拒绝覆盖：\(path) / refusing to overwrite the template \(path)"
        case .missingPart(let file, let part):
            return "\(file) 中没有部件 \(part) / \(file) has no part \(part)"
        case .unsupportedEncoding(let file, let part):
            return "\(file) 的 \(part) 不是 UTF-8 编码，无法修改 / \(part) in \(file) is not UTF-8; cannot patch it"
        case .malformedPart(let file, let part, let reason):
            return "\(file) 的 \(part) 无法解析：\(reason) / cannot parse \(part) in \(file): \(reason)"
        case .zip(let file, let reason):
            return "无法写入 \(file)：\(reason) / cannot write \(file): \(reason)"
        }
    }
}
